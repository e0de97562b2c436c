import { dayOf } from '../db/raw-values.js';
import type { EntityManager } from '../db/orm.js';
import type { InvoiceDoc, OrgInfo } from '../documents/invoice.pdf.js';
import { assertTemplatesValid, createTemplateStore } from '../documents/templates.js';
import { fiscalYearLabel } from '../lib/fiscal-year.js';
import { displayKana, displayName, honorific } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import type { IInvoice } from './invoice.entity.js';
import type { IMember } from '../members/member.entity.js';
import { DOCUMENT_TEXT } from './ui-text.js';

/** What the printed invoice needs from an invoice row (member populated). */
export function invoiceDoc(inv: IInvoice): InvoiceDoc {
  const m = inv.member;
  return {
    invoiceNo: inv.invoiceNo,
    fiscalYearLabel: fiscalYearLabel(inv.fiscalYear),
    issuedOn: inv.issuedOn,
    dueOn: inv.dueOn,
    amount: inv.amount,
    description: inv.description,
    member: {
      memberNo: String(m.memberNo),
      name: displayName(m),
      honorific: honorific(m),
      kana: displayKana(m),
      contactPerson: m.contactPerson,
      postalCode: m.postalCode,
      prefecture: m.prefecture,
      city: m.city,
      address1: m.address1,
      address2: m.address2,
    },
  };
}

const INVOICE_TEMPLATES = ['invoice/greeting', 'invoice/closing', 'invoice/payer-hint', 'reminder/greeting'];

/**
 * The organisation as printed documents show it; `dataDir` holds its edited templates. The
 * templates the caller will print are checked first, so a bad edit stops the run before any page.
 */
export async function orgInfo(
  em: EntityManager,
  dataDir: string,
  check: string[] = INVOICE_TEMPLATES,
): Promise<OrgInfo> {
  const s = await getSettings(em);
  const templates = createTemplateStore(dataDir);
  assertTemplatesValid(templates, check);
  return {
    templates,
    offset: { x: s['print.offsetX'], y: s['print.offsetY'] },
    name: s.orgName || DOCUMENT_TEXT.noOrgName,
    postalCode: s.orgPostalCode,
    address: s.orgAddress,
    phone: s.orgPhone,
    email: s.orgEmail,
    representative: s.representative,
    bankAccounts: s.bankAccounts,
    era: s.era,
  };
}

/**
 * The invoices of a run as an async stream of pages, read as plain rows (no entities: nothing to
 * hydrate or track) in pages of 500, so a 5,000-page PDF never holds every row in memory at once.
 */
export async function* runInvoiceDocs(em: EntityManager, runId: number): AsyncGenerator<InvoiceDoc> {
  let lastId = 0;
  for (;;) {
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      em
        .getKnex()('invoice as i')
        .join('member as m', 'm.id', 'i.member_id')
        .where('i.run_id', runId)
        .andWhere('i.voided', false)
        .andWhere('i.id', '>', lastId)
        .orderBy('i.id')
        .limit(500)
        .select(
          'i.id',
          'i.invoice_no',
          'i.fiscal_year',
          'i.issued_on',
          'i.due_on',
          'i.amount',
          'i.description',
          ...MEMBER_COLUMNS.map((c) => `m.${c}`),
        ),
    );
    if (!rows.length) return;
    for (const r of rows) yield invoiceDocOfRow(r);
    lastId = Number(rows[rows.length - 1]!.id);
  }
}

const MEMBER_COLUMNS = [
  'member_no',
  'kind',
  'family_name',
  'given_name',
  'family_kana',
  'given_kana',
  'org_name',
  'org_kana',
  'contact_person',
  'postal_code',
  'prefecture',
  'city',
  'address1',
  'address2',
] as const;

/** invoiceDoc of a plain invoice ⋈ member row (snake_case columns). */
function invoiceDocOfRow(r: Record<string, unknown>): InvoiceDoc {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  const m = {
    kind: r.kind as IMember['kind'],
    familyName: s('family_name'),
    givenName: s('given_name'),
    familyKana: s('family_kana'),
    givenKana: s('given_kana'),
    orgName: s('org_name'),
    orgKana: s('org_kana'),
    contactPerson: s('contact_person'),
  };
  return {
    invoiceNo: String(r.invoice_no),
    fiscalYearLabel: fiscalYearLabel(Number(r.fiscal_year)),
    issuedOn: dayOf(r.issued_on),
    dueOn: dayOf(r.due_on),
    amount: Number(r.amount),
    description: String(r.description),
    member: {
      memberNo: String(r.member_no),
      name: displayName(m),
      honorific: honorific(m),
      kana: displayKana(m),
      contactPerson: m.contactPerson,
      postalCode: s('postal_code'),
      prefecture: s('prefecture'),
      city: s('city'),
      address1: s('address1'),
      address2: s('address2'),
    },
  };
}
