/** A preview PDF of a template being edited (not yet saved), filled with a real member's data. */
import type { EntityManager } from '../db/orm.js';
import { renderInvoices } from '../documents/invoice.pdf.js';
import { drawParagraphs, type OrgInfo } from '../documents/letter-layout.js';
import { streamPages } from '../documents/pdf.js';
import { renderReminders } from '../documents/reminder.pdf.js';
import { templateDef } from '../documents/template-catalog.js';
import type { LetterKind } from '../documents/thank-letter.js';
import { checkTemplate, renderParagraphs, type TemplateStore } from '../documents/templates.js';
import { Member, type IMember } from '../members/member.entity.js';
import { displayName, honorific } from '../members/member.model.js';
import { UserError } from '../web/errors.js';
import { latestInvoiceDoc, latestSource, orgInfo } from './thank-sources.js';
import { prepareLetterPreview } from './to-thank.service.js';
import { EDITOR_TEXT, TEXT } from './ui-text.js';

type Render = (out: NodeJS.WritableStream) => Promise<unknown>;

async function memberByNo(em: EntityManager, memberNo: string): Promise<IMember> {
  const no = memberNo.normalize('NFKC').trim();
  if (!no) throw new UserError(TEXT.memberNoRequired, 422, { memberNo: TEXT.memberNoRequired });
  const m = Number.isSafeInteger(Number(no))
    ? await em.findOne(Member, { memberNo: Number(no) }, { populate: ['memberType'] })
    : null;
  if (!m) throw new UserError(TEXT.memberNotFound(no), 422, { memberNo: TEXT.memberNotFound(no) });
  return m;
}

const LETTER_KIND: Record<string, LetterKind> = {
  'letters/donation-thanks': 'donation',
  'letters/gift-thanks': 'gift',
};

async function invoicePreview(em: EntityManager, m: IMember, org: OrgInfo, reminder: boolean): Promise<Render> {
  const doc = await latestInvoiceDoc(em, m);
  if (reminder) return (out) => renderReminders([{ ...doc, outstanding: doc.amount, reminderCount: 1 }], org, out);
  return (out) => renderInvoices([doc], org, out);
}

/** Other documents' texts (receipts, …): the paragraphs on a plain page, sample values where the member has none. */
function plainPreview(name: string, m: IMember, org: OrgInfo): Render {
  const def = templateDef(name)!;
  const fields = {
    ...def.sample,
    氏名: displayName(m),
    敬称: honorific(m),
    宛名: `${displayName(m)} ${honorific(m)}`,
    会員番号: String(m.memberNo),
    団体名: org.name,
    代表者: org.representative,
  };
  const paragraphs = renderParagraphs(org.templates, name, fields);
  return (out) =>
    streamPages(
      [paragraphs],
      (doc, ps) => {
        doc.addPage();
        drawParagraphs(doc, 80, [EDITOR_TEXT.previewHeading(def.title), ...ps]);
      },
      out,
      { title: def.title },
    );
}

/** Checks the draft and returns a function drawing the preview; throws (422) before anything is sent. */
export async function prepareTemplatePreview(
  em: EntityManager,
  dataDir: string,
  store: TemplateStore,
  name: string,
  draft: string,
  memberNo: string,
): Promise<Render> {
  checkTemplate(name, draft);
  const m = await memberByNo(em, memberNo);
  const draftStore: TemplateStore = { ...store, read: (n) => (n === name ? draft : store.read(n)) };
  const org = { ...(await orgInfo(em, dataDir, [])), templates: draftStore };
  if (name.startsWith('invoice/') || name.startsWith('reminder/'))
    return invoicePreview(em, m, org, name.startsWith('reminder/'));
  if (!name.startsWith('letters/')) return plainPreview(name, m, org);
  return prepareLetterPreview(em, await latestSource(em, m, LETTER_KIND[name] ?? 'dues'), org);
}
