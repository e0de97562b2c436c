import type { EntityManager } from '../db/orm.js';
import type { InvoiceDoc, OrgInfo } from '../documents/invoice.pdf.js';
import { assertTemplatesValid, createTemplateStore } from '../documents/templates.js';
import { fiscalYearLabel } from '../lib/fiscal-year.js';
import { displayKana, displayName, honorific } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import { Invoice, type IInvoice } from './invoice.entity.js';
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
 * The invoices of a run as an async stream of pages, read in pages of 500 so a 5,000-page PDF
 * never holds every row (or every page) in memory at once.
 */
export async function* runInvoiceDocs(em: EntityManager, runId: number): AsyncGenerator<InvoiceDoc> {
  let lastId = 0;
  for (;;) {
    const batch = await em
      .fork()
      .find(
        Invoice,
        { run: runId, voided: false, id: { $gt: lastId } },
        { populate: ['member'], orderBy: { id: 'asc' }, limit: 500 },
      );
    if (!batch.length) return;
    for (const inv of batch) yield invoiceDoc(inv);
    lastId = batch[batch.length - 1]!.id;
  }
}
