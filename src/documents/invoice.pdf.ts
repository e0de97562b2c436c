/** 請求書 (dues invoice): one A4 page per member, streamed for large batches. */
import { formatDateJa } from '../lib/dates.js';
import { formatYenJa } from '../lib/money.js';
import {
  drawAmountTable,
  drawClosing,
  drawField,
  drawLetterHead,
  drawPaymentInfo,
  drawTitle,
  box,
  LEFT,
  WIDTH,
  type OrgInfo,
} from './letter-layout.js';
import { streamPages } from './pdf.js';

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
    contactPerson?: string | null;
    postalCode?: string | null;
    prefecture?: string | null;
    city?: string | null;
    address1?: string | null;
    address2?: string | null;
  };
}

/** Adds one page with the invoice. */
export function drawInvoicePage(doc: PDFKit.PDFDocument, inv: InvoiceDoc, org: OrgInfo): void {
  doc.addPage();
  // The member number goes in the body, not the window, so it is printed once.
  const head = drawLetterHead(doc, inv.member, org, {
    issuedOn: inv.issuedOn,
    docNoLabel: '請求書番号',
    docNo: inv.invoiceNo,
  });
  let y = drawTitle(doc, '請求書', head);
  box(doc, `平素より${org.name}の活動にご理解とご協力を賜り、厚く御礼申し上げます。`, LEFT, y, WIDTH, 2, 10.5);
  box(doc, `${inv.fiscalYearLabel}の年会費を下記のとおりご請求申し上げます。`, LEFT, doc.y + 2, WIDTH, 2, 10.5);
  y = doc.y + 14;
  y = drawField(doc, y, '会員番号', inv.member.memberNo);
  y = drawField(doc, y, 'ご請求金額', formatYenJa(inv.amount), 14);
  y = drawAmountTable(
    doc,
    y + 4,
    ['内容', '金額'],
    [
      [inv.description, formatYenJa(inv.amount)],
      ['合計', formatYenJa(inv.amount), true],
    ],
  );
  y = drawField(doc, y, '支払期限', formatDateJa(inv.dueOn, org.era));
  drawClosing(doc, drawPaymentInfo(doc, y + 12, org, inv.member.memberNo), org);
}

/** One page per invoice into `out` (file stream, HTTP response); resolves when all is written. */
export function renderInvoices(
  invs: Iterable<InvoiceDoc> | AsyncIterable<InvoiceDoc>,
  org: OrgInfo,
  out: NodeJS.WritableStream,
): Promise<void> {
  return streamPages(invs, (doc, inv) => drawInvoicePage(doc, inv, org), out, { title: '請求書' });
}
