/** 請求書 (dues invoice): one A4 page per member, streamed for large batches. */
import { formatDateJa } from '../lib/dates.js';
import { formatYenJa } from '../lib/money.js';
import { drawAmountTable, drawClosing, drawField, drawLetterHead, drawParagraphs, drawPaymentInfo, drawTitle, type OrgInfo } from './letter-layout.js';
import { streamPages } from './pdf.js';
import { renderParagraphs } from './templates.js';

export type { OrgInfo } from './letter-layout.js';

export interface InvoiceDoc {
  invoiceNo: string;
  fiscalYearLabel: string;
  issuedOn: string;
  dueOn: string;
  amount: number;
  description: string;
  member: {
    memberNo: string;
    name: string;
    honorific: '様' | '御中';
    /** フリガナ: the payer-name example shows it as the bank does (half-width). */
    kana?: string | null;
    contactPerson?: string | null;
    postalCode?: string | null;
    prefecture?: string | null;
    city?: string | null;
    address1?: string | null;
    address2?: string | null;
  };
}

/** Merge fields shared by the invoice and reminder texts. */
export function letterFields(inv: InvoiceDoc, org: OrgInfo): Record<string, string> {
  return { 団体名: org.name, 年度: inv.fiscalYearLabel, 氏名: inv.member.name, 敬称: inv.member.honorific, 会員番号: inv.member.memberNo };
}

/** Adds one page with the invoice. */
export function drawInvoicePage(doc: PDFKit.PDFDocument, inv: InvoiceDoc, org: OrgInfo): void {
  doc.addPage();
  // The member number goes in the body, not the window, so it is printed once.
  const head = drawLetterHead(doc, inv.member, org, { issuedOn: inv.issuedOn, docNoLabel: '請求書番号', docNo: inv.invoiceNo });
  let y = drawTitle(doc, '請求書', head);
  y = drawParagraphs(doc, y, renderParagraphs(org.templates, 'invoice/greeting', letterFields(inv, org))) + 11;
  y = drawField(doc, y, '会員番号', inv.member.memberNo);
  y = drawField(doc, y, 'ご請求金額', formatYenJa(inv.amount), 14);
  y = drawAmountTable(doc, y + 4, ['内容', '金額'], [
    [inv.description, formatYenJa(inv.amount)],
    ['合計', formatYenJa(inv.amount), true],
  ]);
  y = drawField(doc, y, '支払期限', formatDateJa(inv.dueOn, org.era));
  drawClosing(doc, drawPaymentInfo(doc, y + 12, org, inv.member), org);
}

/** One page per invoice into `out` (file stream, HTTP response); resolves when all is written. */
export function renderInvoices(
  invs: Iterable<InvoiceDoc> | AsyncIterable<InvoiceDoc>,
  org: OrgInfo,
  out: NodeJS.WritableStream,
): Promise<void> {
  return streamPages(invs, (doc, inv) => drawInvoicePage(doc, inv, org), out, { title: '請求書' });
}
