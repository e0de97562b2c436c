/** 領収書 and 年間領収書: one page each (A4 with the address in the envelope window, or A5), streamed. */
import { formatDateJa } from '../lib/dates.js';
import type { OrgInfo } from './letter-layout.js';
import { streamPages } from './pdf.js';
import {
  addFramePage,
  fit,
  put,
  drawAmountBox,
  drawDocTitle,
  drawIssuer,
  drawNumber,
  drawPayerLine,
  drawWindowAddress,
  type Frame,
  type Paper,
  type PayerInfo,
} from './stamp-layout.js';

export interface ReceiptDoc {
  number: string;
  annual: boolean;
  reissue: boolean;
  issuedOn: string;
  receivedOn: string;
  amount: number;
  /** ￥12,345- */
  amountText: string;
  payer: PayerInfo;
  /** 但し書き lines; dated on an annual receipt. */
  lines: { date: string | null; label: string; amount: number; amountText: string }[];
}

/** The words around the figures, from the organisation's templates. */
export interface ReceiptWords {
  intro: string[];
  body: string[];
  stampNote: string | null;
}

export interface ReceiptStyle {
  org: OrgInfo;
  paper: Paper;
  /** Path of the 角印 image, or null. */
  seal: string | null;
  words(doc: ReceiptDoc): ReceiptWords;
}

type Doc = PDFKit.PDFDocument;
/** Rows an annual receipt has room for; the service refuses more rather than cut the list. */
export const ANNUAL_MAX_ROWS = 8;

/** 但し書き of a single receipt: 「但し　…として」, with amounts when there is more than one line. */
function drawProviso(doc: Doc, f: Frame, r: ReceiptDoc, y: number): number {
  const many = r.lines.length > 1;
  for (const line of r.lines.slice(0, 4)) {
    if (line === r.lines[0]) put(doc, '但し', f.left + 30, y, 11);
    fit(doc, line.label, f.left + 72, y, f.width - (many ? 220 : 102), 1, 11);
    if (many) put(doc, line.amountText, f.right - 170, y, 11, { width: 140, align: 'right' });
    y += 19;
  }
  return y + 6;
}

/** 入金日 / 内容 / 金額 rows of an annual receipt and the total. */
function drawAnnualRows(doc: Doc, f: Frame, r: ReceiptDoc, era: OrgInfo['era'], y: number): number {
  const cols = [f.left + 30, f.left + 160, f.right - 150, f.right - 30];
  doc
    .save()
    .rect(cols[0]!, y, cols[3]! - cols[0]!, 18)
    .fill('#eeeeee')
    .restore();
  put(doc, '入金日', cols[0]! + 6, y + 4, 9.5, { bold: true });
  put(doc, '内容', cols[1]! + 6, y + 4, 9.5, { bold: true });
  put(doc, '金額', cols[2]!, y + 4, 9.5, { bold: true, width: 114, align: 'right' });
  let ry = y + 18;
  for (const line of r.lines.slice(0, ANNUAL_MAX_ROWS)) {
    put(doc, line.date ? formatDateJa(line.date, era) : '', cols[0]! + 6, ry + 4, 9.5);
    fit(doc, line.label, cols[1]! + 6, ry + 4, cols[2]! - cols[1]! - 12, 1, 9.5);
    put(doc, line.amountText, cols[2]!, ry + 4, 9.5, { width: 114, align: 'right' });
    ry += 17;
  }
  put(doc, '合計', cols[1]! + 6, ry + 4, 9.5, { bold: true });
  put(doc, r.amountText, cols[2]!, ry + 4, 9.5, { bold: true, width: 114, align: 'right' });
  ry += 18;
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#666')
    .rect(cols[0]!, y, cols[3]! - cols[0]!, ry - y)
    .stroke();
  for (let ly = y + 18; ly < ry; ly += 17) doc.moveTo(cols[0]!, ly).lineTo(cols[3]!, ly).stroke();
  doc.restore();
  return ry + 10;
}

function drawParagraphs(doc: Doc, f: Frame, lines: string[], y: number, size = 10.5): number {
  for (const p of lines) {
    fit(doc, p, f.left + 30, y, f.width - 60, 2, size);
    y = doc.y + 3;
  }
  return y;
}

/** Where a 収入印紙 would go: the note that a non-profit's receipt needs none. */
function drawStampNote(doc: Doc, f: Frame, note: string, y: number): void {
  doc
    .save()
    .lineWidth(0.5)
    .dash(2, { space: 2 })
    .strokeColor('#777')
    .rect(f.left + 20, y, 196, 30)
    .stroke()
    .undash()
    .restore();
  fit(doc, note, f.left + 25, y + 10, 186, 1, 7.5);
}

/** Adds one page with the receipt. The annual receipt is always A4: it lists every payment. */
export function drawReceiptPage(doc: Doc, r: ReceiptDoc, style: ReceiptStyle, seal: unknown): void {
  const { org } = style;
  const f = addFramePage(doc, r.annual ? 'A4' : style.paper);
  const words = style.words(r);
  drawNumber(doc, f, '領収書番号', r.number, r.issuedOn, org.era);
  if (f.paper === 'A4') drawWindowAddress(doc, r.payer, org.offset);
  let y = drawDocTitle(doc, f, r.annual ? '年間領収書' : '領収書', f.top, r.reissue);
  y = drawPayerLine(doc, f, r.payer, y);
  if (r.annual) y = drawParagraphs(doc, f, words.intro, y - 4, 10) + 6;
  y = drawAmountBox(doc, f, '金額', r.amountText, y);
  y = r.annual ? drawAnnualRows(doc, f, r, org.era, y) : drawProviso(doc, f, r, y);
  y = drawParagraphs(doc, f, words.body, y);
  if (!r.annual) put(doc, `受領日　${formatDateJa(r.receivedOn, org.era)}`, f.left + 30, y + 4, 10.5);
  const issuerY = f.paper === 'A4' ? Math.max(y + 40, 590) : Math.max(y + 22, 290);
  drawIssuer(doc, f, org, issuerY, seal);
  if (words.stampNote) drawStampNote(doc, f, words.stampNote, issuerY + 8);
}

/** Opens the 角印 once per PDF: pdfkit would embed a new copy of the image on every page otherwise. */
export function openSeal(doc: Doc, path: string | null): unknown {
  return path ? (doc as unknown as { openImage(src: string): unknown }).openImage(path) : null;
}

/** One page per receipt into `out`; resolves when all is written. */
export function renderReceipts(
  rs: Iterable<ReceiptDoc> | AsyncIterable<ReceiptDoc>,
  style: ReceiptStyle,
  out: NodeJS.WritableStream,
): Promise<void> {
  const seals = new WeakMap<Doc, unknown>();
  return streamPages(
    rs,
    (doc, r) => {
      if (!seals.has(doc)) seals.set(doc, openSeal(doc, style.seal));
      drawReceiptPage(doc, r, style, seals.get(doc));
    },
    out,
    { title: '領収書' },
  );
}
