import type { FastifyInstance } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { pendingSources } from '../letters/thank-sources.js';
import type { IMember } from '../members/member.entity.js';
import { addMemberSection, addTimelineSource, type MemberPageReads } from '../members/member-page.js';
import { Receipt } from '../receipts/receipt.entity.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { emailReceipt, emailRefusal, emailThankLetter, mailedDocumentsOf } from './email-documents.service.js';
import { DOC_MAIL_TEXT as T } from './ui-text.js';

/** The member page's 「礼状・領収書をメールで送る」: what can be sent, what was sent (only for 郵送物 メール). */
/** Read once per member page: the section marks what was sent, the timeline lists it. */
const sentOf = (em: EntityManager, m: IMember, page: MemberPageReads) =>
  page.once('mailings.mailed-documents', () => mailedDocumentsOf(em, m.id));

async function loadSection(em: EntityManager, m: IMember, page: MemberPageReads) {
  if (m.mailPreference !== 'email') return null;
  const sent = await sentOf(em, m, page);
  const done = new Set(sent.filter((d) => d.status === 'sent').map((d) => `${d.kind}|${d.reference}`));
  const letters = (await pendingSources(em))
    .filter((s) => s.member.id === m.id)
    .map((s) => ({ key: s.key, on: s.on, amount: s.amount ?? null, gift: s.gift ?? null }));
  const receipts = (
    await em.find(Receipt, { member: m.id, status: 'issued' }, { orderBy: { id: 'desc' }, limit: 50 })
  ).map((r) => ({
    number: r.number,
    amount: r.amount,
    issuedOn: String(r.issuedOn),
    sent: done.has(`receipt|${r.number}`),
  }));
  return { refusal: await emailRefusal(em, m), letters, receipts, sent, kinds: T.kinds, sectionTitle: T.sectionTitle };
}

export async function emailDocumentRoutes(app: FastifyInstance): Promise<void> {
  addMemberSection({
    key: 'mailings-email-documents',
    order: 7,
    template: 'mailings/member-email-documents',
    load: (em, m, _s, page) => loadSection(em, m, page),
  });
  addTimelineSource('mailings-email-documents', async (em, m, page) =>
    (await sentOf(em, m, page))
      .filter((d) => d.status !== 'sending')
      .map((d) => ({
        at: (d.sentAt ?? d.updatedAt).toISOString(),
        kind: T.timelineKind,
        title:
          d.status === 'sent'
            ? T.timelineTitle(T.kinds[d.kind] ?? d.kind, d.reference)
            : T.timelineFailed(T.kinds[d.kind] ?? d.kind, d.reference),
        detail: d.status === 'sent' ? T.timelineDetail(d.toEmail, d.subject) : d.error,
      })),
  );

  app.post('/mailings/members/:id/email-document', async (req, reply) => {
    const memberId = idParam((req.params as { id: string }).id);
    const body = req.body as FormBody;
    const kind = field(body, 'kind');
    const ref = field(body, 'ref') ?? '';
    const back = `/members/${memberId}`;
    const opts = { dataDir: app.config.dataDir };
    try {
      if (kind !== 'thank_letter' && kind !== 'receipt') throw new UserError(T.badKind, 422);
      const row =
        kind === 'thank_letter'
          ? await emailThankLetter(req.em, memberId, ref, opts)
          : await emailReceipt(req.em, memberId, ref, opts);
      return row.status === 'sent'
        ? reply.redirectWithFlash(back, T.sentFlash(row.toEmail))
        : reply.redirectWithFlash(back, T.failedFlash(row.error ?? ''), 'error');
    } catch (err) {
      if (!(err instanceof UserError) || err.statusCode === 404) throw err;
      return reply.redirectWithFlash(back, err.message, 'error');
    }
  });
}
