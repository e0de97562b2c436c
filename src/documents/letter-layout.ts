/** Drawing blocks shared by invoices, reminders and other one-page letters to members. */
import { formatDateJa } from '../lib/dates.js';
import { toBankKana } from '../lib/kana.js';
import type { AddressTo } from './address-block.js';
import { drawAddressBlock, type PrintOffset } from './address-window.js';
import { A4, MARGIN } from './pdf.js';
import { renderParagraphs, type TemplateStore } from './templates.js';

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
  /** The words of every document (shipped defaults or the organisation's copies). */
  templates: TemplateStore;
  /** Printer offset in mm (print.offsetX / print.offsetY) for the envelope window. */
  offset?: PrintOffset;
}

type Doc = PDFKit.PDFDocument;
export const LEFT = MARGIN;
export const RIGHT = A4.width - MARGIN;
export const WIDTH = RIGHT - LEFT;

const ORG = { x: 350, y: 88, width: RIGHT - 350 };
const LINE_GAP = 1;

/**
 * Text of at most `maxLines` lines: a long value is cut with … instead of running into the next
 * block or onto a new page (pdfkit adds pages by itself when text passes the bottom margin).
 */
export function box(doc: Doc, s: string, x: number, y: number, width: number, maxLines: number, size: number, bold = false): void {
  doc.font(bold ? 'jp-bold' : 'jp').fontSize(size);
  const lineHeight = doc.currentLineHeight(true) + LINE_GAP;
  // Never past the bottom margin, whatever the data: one letter must stay one page.
  const lines = Math.min(maxLines, Math.floor((doc.page.maxY() - y) / lineHeight));
  if (lines < 1) return;
  doc.text(s, x, y, { width, height: lines * lineHeight + 0.5, ellipsis: true, lineGap: LINE_GAP });
}

/** Address block (top left), issue date and document number (top right), organisation block; returns the y below. */
export function drawLetterHead(doc: Doc, to: AddressTo, org: OrgInfo, meta: { issuedOn: string; docNoLabel: string; docNo: string }): number {
  const top = MARGIN - 14;
  box(doc, `${meta.docNoLabel} ${meta.docNo}`, ORG.x, top, ORG.width, 1, 8.5);
  doc.text(`発行日 ${formatDateJa(meta.issuedOn, org.era)}`, ORG.x, top + 13, { width: ORG.width });

  const y = drawAddressBlock(doc, to, org.offset);

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
export function drawAmountTable(doc: Doc, y: number, header: [string, string], rows: [string, string, boolean?][]): number {
  const amountX = RIGHT - 140;
  const rowH = 24;
  doc.save().rect(LEFT, y, WIDTH, rowH).fill('#e8e8e8').restore();
  box(doc, header[0], LEFT + 8, y + 6, amountX - LEFT - 16, 1, 9.5, true);
  box(doc, header[1], amountX + 8, y + 6, 124, 1, 9.5, true);
  let ry = y + rowH;
  for (const [label, amount, bold] of rows) {
    box(doc, label, LEFT + 8, ry + 6, amountX - LEFT - 16, 1, 10.5, bold);
    doc.font(bold ? 'jp-bold' : 'jp').fontSize(10.5).text(amount, amountX + 8, ry + 6, { width: 124, align: 'right' });
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
export function drawPaymentInfo(doc: Doc, y: number, org: OrgInfo, to: { memberNo: string; kana?: string | null }): number {
  box(doc, '振込先', LEFT, y, WIDTH, 1, 11, true);
  doc.save().lineWidth(0.5).strokeColor('#555').moveTo(LEFT, y + 17).lineTo(RIGHT, y + 17).stroke().restore();
  let by = y + 23;
  // At most four accounts: with more, the member-number note below would not fit on the page.
  for (const account of org.bankAccounts.slice(0, 4)) {
    box(doc, `・${account}`, LEFT + 8, by, WIDTH - 8, 2, 10.5);
    by = doc.y + 3;
  }
  for (const p of renderParagraphs(org.templates, 'invoice/payer-hint', { 会員番号: to.memberNo, 振込名: toBankKana(to.kana ?? '') })) {
    box(doc, p, LEFT, by + 6, WIDTH, 2, 9.5);
    by = doc.y;
  }
  return doc.y + 10;
}

/** Whom to ask, so a confused member calls the office rather than ignoring the letter. */
export function drawClosing(doc: Doc, y: number, org: OrgInfo): void {
  const 連絡先 = org.phone ? `（TEL ${org.phone}）` : org.email ? `（${org.email}）` : '';
  let cy = y + 8;
  for (const p of renderParagraphs(org.templates, 'invoice/closing', { 団体名: org.name, 連絡先 })) {
    box(doc, p, LEFT, cy, WIDTH, 2, 9.5);
    cy = doc.y + 2;
  }
}

/** Paragraphs of body text from a template; returns the y below them. */
export function drawParagraphs(doc: Doc, y: number, paragraphs: string[], size = 10.5, maxLines = 3): number {
  let py = y;
  for (const p of paragraphs) {
    box(doc, p, LEFT, py, WIDTH, maxLines, size);
    py = doc.y + 3;
  }
  return py;
}
