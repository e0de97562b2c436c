/** Drawing blocks shared by invoices, reminders and other one-page letters to members. */
import { formatDateJa } from '../lib/dates.js';
import { addressParts, type AddressTo } from './address-block.js';
import { A4, MARGIN } from './pdf.js';

export interface OrgInfo {
  name: string;
  postalCode?: string;
  address?: string;
  phone?: string;
  email?: string;
  representative?: string;
  /** e.g. '〇〇銀行 本店 普通 1234567 トクヒ)エニシ', 'ゆうちょ銀行 振替口座 00100-1-123456 エニシの会' */
  bankAccounts: string[];
  era: 'wareki' | 'seireki';
}

type Doc = PDFKit.PDFDocument;
export const LEFT = MARGIN;
export const RIGHT = A4.width - MARGIN;
export const WIDTH = RIGHT - LEFT;

// Address position fits the window of a 長形3号 window envelope (A4 folded in three):
// window about 23 mm from the left and 14 mm from the top, 90 x 45 mm.
const ADDRESS = { x: 68, y: 52, width: 240, bottom: 180 };
const ORG = { x: 350, y: 88, width: RIGHT - 350 };
const LINE_GAP = 1;

/**
 * Text of at most `maxLines` lines: a long value is cut with … instead of running into the next
 * block or onto a new page (pdfkit adds pages by itself when text passes the bottom margin).
 */
export function box(
  doc: Doc,
  s: string,
  x: number,
  y: number,
  width: number,
  maxLines: number,
  size: number,
  bold = false,
): void {
  doc.font(bold ? 'jp-bold' : 'jp').fontSize(size);
  const lineHeight = doc.currentLineHeight(true) + LINE_GAP;
  // Never past the bottom margin, whatever the data: one letter must stay one page.
  const lines = Math.min(maxLines, Math.floor((doc.page.maxY() - y) / lineHeight));
  if (lines < 1) return;
  doc.text(s, x, y, { width, height: lines * lineHeight + 0.5, ellipsis: true, lineGap: LINE_GAP });
}

/** Address block (top left), issue date and document number (top right), organisation block; returns the y below. */
export function drawLetterHead(
  doc: Doc,
  to: AddressTo,
  org: OrgInfo,
  meta: { issuedOn: string; docNoLabel: string; docNo: string },
): number {
  const top = MARGIN - 14;
  box(doc, `${meta.docNoLabel} ${meta.docNo}`, ORG.x, top, ORG.width, 1, 8.5);
  doc.text(`発行日 ${formatDateJa(meta.issuedOn, org.era)}`, ORG.x, top + 13, { width: ORG.width });

  const { address, names } = addressParts(to);
  let y = ADDRESS.y;
  for (const line of address) {
    const size = line.startsWith('〒') ? 10 : 10.5;
    box(doc, line, ADDRESS.x, y, ADDRESS.width, 2, size);
    y = doc.y + 1;
  }
  y += address.length > 0 ? 8 : 0;
  for (const line of names) {
    box(doc, line, ADDRESS.x + 8, y, ADDRESS.width - 8, y + 40 < ADDRESS.bottom ? 2 : 1, 14, true);
    y = doc.y + 2;
  }

  let oy = ORG.y;
  box(doc, org.name, ORG.x, oy, ORG.width, 2, 11, true);
  oy = doc.y + 3;
  const lines = [
    org.postalCode ? `〒${org.postalCode.replace(/^〒\s*/, '')}` : '',
    org.address ?? '',
    org.phone ? `TEL ${org.phone}` : '',
    org.email ?? '',
    org.representative ?? '',
  ].filter(Boolean);
  for (const line of lines) {
    box(doc, line, ORG.x, oy, ORG.width, line === org.address ? 2 : 1, 8.5);
    oy = doc.y + 1;
  }
  return Math.max(y, oy);
}

/** Large centred title such as 請求書, below the letter head but not higher than `minY`; returns the y below it. */
export function drawTitle(doc: Doc, title: string, headBottom: number, minY = 200): number {
  const y = Math.max(minY, headBottom + 12);
  doc.font('jp-bold').fontSize(22).text(title, LEFT, y, { width: WIDTH, align: 'center', characterSpacing: 6 });
  return doc.y + 14;
}

/** Simple two-column table of [label, amount text]; `emphasise` rows are bold. Returns the y below it. */
export function drawAmountTable(
  doc: Doc,
  y: number,
  header: [string, string],
  rows: [string, string, boolean?][],
): number {
  const amountX = RIGHT - 140;
  const rowH = 24;
  doc.save().rect(LEFT, y, WIDTH, rowH).fill('#e8e8e8').restore();
  box(doc, header[0], LEFT + 8, y + 6, amountX - LEFT - 16, 1, 9.5, true);
  box(doc, header[1], amountX + 8, y + 6, 124, 1, 9.5, true);
  let ry = y + rowH;
  for (const [label, amount, bold] of rows) {
    box(doc, label, LEFT + 8, ry + 6, amountX - LEFT - 16, 1, 10.5, bold);
    doc
      .font(bold ? 'jp-bold' : 'jp')
      .fontSize(10.5)
      .text(amount, amountX + 8, ry + 6, { width: 124, align: 'right' });
    ry += rowH;
  }
  doc.save().lineWidth(0.7).strokeColor('#555');
  doc.rect(LEFT, y, WIDTH, ry - y).stroke();
  doc.moveTo(amountX, y).lineTo(amountX, ry).stroke();
  for (let ly = y + rowH; ly < ry; ly += rowH) doc.moveTo(LEFT, ly).lineTo(RIGHT, ly).stroke();
  doc.restore();
  return ry + 14;
}

/** Label and value on one line, e.g. 支払期限; returns the y below it. */
export function drawField(doc: Doc, y: number, label: string, value: string, size = 11): number {
  box(doc, label, LEFT, y, 110, 1, size, true);
  box(doc, value, LEFT + 115, y, WIDTH - 115, 1, size, true);
  return y + size + 12;
}

/** 振込先 list and the instruction to put the member number before the payer name. */
export function drawPaymentInfo(doc: Doc, y: number, org: OrgInfo, memberNo: string): number {
  box(doc, '振込先', LEFT, y, WIDTH, 1, 11, true);
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#555')
    .moveTo(LEFT, y + 17)
    .lineTo(RIGHT, y + 17)
    .stroke()
    .restore();
  let by = y + 23;
  // At most four accounts: with more, the member-number note below would not fit on the page.
  for (const account of org.bankAccounts.slice(0, 4)) {
    box(doc, `・${account}`, LEFT + 8, by, WIDTH - 8, 2, 10.5);
    by = doc.y + 3;
  }
  const note = `お振込みの際は、振込依頼人名の前に会員番号を入れてください（例：${memberNo}ヤマダタロウ）。`;
  box(doc, note, LEFT, by + 6, WIDTH, 2, 9.5);
  return doc.y + 10;
}

/** Whom to ask, so a confused member calls the office rather than ignoring the letter. */
export function drawClosing(doc: Doc, y: number, org: OrgInfo): void {
  const contact = org.phone ? `（TEL ${org.phone}）` : org.email ? `（${org.email}）` : '';
  box(
    doc,
    `ご不明な点がございましたら、${org.name} 事務局${contact}までお問い合わせください。`,
    LEFT,
    y + 8,
    WIDTH,
    2,
    9.5,
  );
}
