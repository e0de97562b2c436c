/** お支払いのお願い / 督促状 (dues reminder): one A4 page per member, streamed. */
import { formatDateJa, todayInTokyo } from '../lib/dates.js';
import { formatYenJa } from '../lib/money.js';
import { letterFields, type InvoiceDoc } from './invoice.pdf.js';
import { drawAmountTable, drawClosing, drawField, drawLetterHead, drawParagraphs, drawPaymentInfo, drawTitle, type OrgInfo } from './letter-layout.js';
import { streamPages } from './pdf.js';
import { renderParagraphs } from './templates.js';

/** `issuedOn` and `dueOn` are the original invoice's; `remindedOn` (default today) is printed as 発行日. */
export type ReminderDoc = InvoiceDoc & { outstanding: number; reminderCount: number; remindedOn?: string };

/**
 * The first reminder is a polite request: most unpaid dues are simply forgotten, and members
 * are supporters, not debtors. Only from the second reminder on is the page titled 督促状.
 */
export function reminderTitle(reminderCount: number): string {
  return reminderCount >= 2 ? '督促状' : 'お支払いのお願い';
}

/** Adds one page with the reminder. */
export function drawReminderPage(doc: PDFKit.PDFDocument, r: ReminderDoc, org: OrgInfo): void {
  doc.addPage();
  const head = drawLetterHead(doc, r.member, org, { issuedOn: r.remindedOn ?? todayInTokyo(), docNoLabel: '請求書番号', docNo: r.invoiceNo });
  let y = drawTitle(doc, reminderTitle(r.reminderCount), head);
  y = drawParagraphs(doc, y, renderParagraphs(org.templates, 'reminder/greeting', letterFields(r, org)));
  y = drawField(doc, y + 10, '会員番号', r.member.memberNo);
  y = drawField(doc, y, 'お支払い残高', formatYenJa(r.outstanding), 14);
  const paid = r.amount - r.outstanding;
  const rows: [string, string, boolean?][] = [[r.description, formatYenJa(r.amount)]];
  if (paid > 0) rows.push(['お支払い済み', `-${formatYenJa(paid)}`]);
  rows.push(['お支払い残高', formatYenJa(r.outstanding), true]);
  y = drawAmountTable(doc, y + 4, ['内容', '金額'], rows);
  y = drawField(doc, y, '当初の支払期限', formatDateJa(r.dueOn, org.era));
  drawClosing(doc, drawPaymentInfo(doc, y + 12, org, r.member), org);
}

/** One page per reminder into `out`; resolves when all is written. */
export function renderReminders(
  rs: Iterable<ReminderDoc> | AsyncIterable<ReminderDoc>,
  org: OrgInfo,
  out: NodeJS.WritableStream,
): Promise<void> {
  return streamPages(rs, (doc, r) => drawReminderPage(doc, r, org), out, { title: 'お支払いのお願い' });
}
