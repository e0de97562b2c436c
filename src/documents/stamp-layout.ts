/** Blocks shared by 領収書 and 寄附金受領証明書: page set-up, head, amount box, issuer with seal. */
import PDFDocument from 'pdfkit';
import { formatDateJa } from '../lib/dates.js';
import { drawAddressBlock, type PrintOffset } from './address-window.js';
import { box, type OrgInfo } from './letter-layout.js';

type Doc = PDFKit.PDFDocument;
export type Paper = 'A4' | 'A5';

export interface PayerInfo {
  name: string;
  honorific: '様' | '御中';
  postalCode: string | null;
  address: string | null;
}

/** Page frame for one paper: A4 portrait (address in the envelope window) or A5 landscape. */
export interface Frame {
  paper: Paper;
  left: number;
  right: number;
  width: number;
  bottom: number;
  top: number;
}

// A4 folds in three at 99 and 198 mm: the window shows in the top third, the receipt starts below the first fold.
const A4_FRAME: Frame = { paper: 'A4', left: 56, right: 539, width: 483, bottom: 800, top: 292 };
const A5_FRAME: Frame = { paper: 'A5', left: 40, right: 555, width: 515, bottom: 400, top: 28 };

export function addFramePage(doc: Doc, paper: Paper): Frame {
  if (paper === 'A5') doc.addPage({ size: 'A5', layout: 'landscape', margin: 24 });
  else doc.addPage({ size: 'A4', margin: 36 });
  return paper === 'A5' ? A5_FRAME : A4_FRAME;
}

/** The payer's address block where a 長形3号 window envelope shows it (A4 only), moved by the printer offset. */
export function drawWindowAddress(doc: Doc, p: PayerInfo, offset?: PrintOffset): void {
  const [line1, line2] = (p.address ?? '').split('\n');
  drawAddressBlock(
    doc,
    { postalCode: p.postalCode, address1: line1, address2: line2, name: p.name, honorific: p.honorific },
    offset,
  );
}

/** Number and issue date at the top right. */
export function drawNumber(
  doc: Doc,
  f: Frame,
  label: string,
  number: string,
  issuedOn: string,
  era: OrgInfo['era'],
): void {
  const y = f.paper === 'A4' ? 36 : 22;
  put(doc, `${label} ${number}`, f.right - 200, y, 9, { width: 200, align: 'right' });
  put(doc, `発行日 ${formatDateJa(issuedOn, era)}`, f.right - 200, y + 13, 9, { width: 200, align: 'right' });
}

/** Large spaced title; a red 再発行 mark beside it on a reissued copy. Returns the y below it. */
export function drawDocTitle(doc: Doc, f: Frame, title: string, y: number, reissue: boolean): number {
  const size = f.paper === 'A4' ? 24 : 22;
  put(doc, title, f.left, y, size, { bold: true, width: f.width, align: 'center', spacing: 10 });
  if (reissue) {
    const x = f.right - 78;
    doc
      .save()
      .lineWidth(1.4)
      .strokeColor('#c0392b')
      .rect(x, y + 2, 74, size + 6)
      .stroke();
    doc.restore();
    put(doc, '再発行', x, y + 7, 15, { bold: true, width: 74, align: 'center', spacing: 2, color: '#c0392b' });
  }
  const under = y + size + 16;
  const half = doc.font('jp-bold').fontSize(size).widthOfString(title, { characterSpacing: 10 }) / 2 + 16;
  doc
    .save()
    .lineWidth(0.8)
    .moveTo(f.left + f.width / 2 - half, under - 6)
    .lineTo(f.left + f.width / 2 + half, under - 6)
    .stroke()
    .restore();
  return under + 8;
}

/** 「山田 太郎 様」 on an underline; returns the y below it. */
export function drawPayerLine(doc: Doc, f: Frame, p: PayerInfo, y: number): number {
  const width = Math.min(330, f.width);
  fit(doc, `${p.name}　${p.honorific}`, f.left + 4, y, width - 8, 1, 16, true);
  doc
    .save()
    .lineWidth(0.8)
    .moveTo(f.left, y + 24)
    .lineTo(f.left + width, y + 24)
    .stroke()
    .restore();
  return y + 36;
}

/** The amount in a double-ruled box: 「金額　￥12,345-」. Returns the y below it. */
export function drawAmountBox(doc: Doc, f: Frame, label: string, amountText: string, y: number): number {
  const x = f.left + 30;
  const w = f.width - 60;
  const h = 50;
  doc
    .save()
    .lineWidth(1.6)
    .rect(x, y, w, h)
    .stroke()
    .lineWidth(0.5)
    .rect(x + 3, y + 3, w - 6, h - 6)
    .stroke()
    .restore();
  doc
    .save()
    .rect(x + 3, y + 3, 90, h - 6)
    .fill('#eeeeee')
    .restore();
  put(doc, label, x + 3, y + 17, 13, { bold: true, width: 90, align: 'center', spacing: 2 });
  put(doc, amountText, x + 100, y + 9, 24, { bold: true, width: w - 120, align: 'center' });
  return y + h + 16;
}

/**
 * 発行者 at the bottom right: name, address, representative; the 角印 sits over the end of the
 * name, as a seal is pressed. `seal` is an image opened once per document.
 */
export function drawIssuer(doc: Doc, f: Frame, org: OrgInfo, y: number, seal: unknown): void {
  const x = f.right - 250;
  const w = 250;
  let oy = y;
  for (const line of [org.postalCode ? `〒${org.postalCode.replace(/^〒\s*/, '')}` : '', org.address ?? ''].filter(
    Boolean,
  )) {
    fit(doc, line, x, oy, w, 2, 9);
    oy = doc.y + 1;
  }
  if (org.phone) {
    put(doc, `TEL ${org.phone}`, x, oy, 9);
    oy = doc.y + 1;
  }
  const nameY = oy + 4;
  fit(doc, org.name, x, nameY, w - 20, 2, 12, true);
  const nameWidth = Math.min(doc.font('jp-bold').fontSize(12).widthOfString(org.name), w - 20);
  oy = doc.y + 3;
  if (org.representative) fit(doc, org.representative, x, oy, w - 20, 1, 10.5);
  if (seal) {
    const size = 58;
    const sx = Math.min(x + nameWidth - size / 2, f.right - size);
    doc.image(seal as PDFKit.Mixins.ImageSrc, sx, nameY - 18, { width: size, height: size });
  }
}

/** Whether pdfkit can decode the image (a broken PNG would fail only when a receipt is printed). */
export function isDrawableImage(bytes: Buffer): boolean {
  try {
    const doc = new PDFDocument({ autoFirstPage: false });
    const img = (
      doc as unknown as { openImage(b: Buffer): { width: number; height: number; embed?(d: unknown): void } }
    ).openImage(bytes);
    return img.width > 0 && img.height > 0 && img.width <= 4000 && img.height <= 4000;
  } catch {
    return false;
  }
}

export interface PutOptions {
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
  width?: number;
  spacing?: number;
  color?: string;
}

/**
 * A short fixed string on one line (labels, dates, amounts). pdfkit's line wrapper is the main
 * cost of a page; these never wrap, so they skip it. Fields that can be long go through box().
 */
export function put(doc: Doc, s: string, x: number, y: number, size: number, o: PutOptions = {}): void {
  if (!s) return;
  doc.font(o.bold ? 'jp-bold' : 'jp').fontSize(size);
  const spacing = o.spacing ?? 0;
  let dx = x;
  if (o.width && o.align && o.align !== 'left') {
    const w = doc.widthOfString(s, { characterSpacing: spacing });
    dx = o.align === 'right' ? x + o.width - w : x + (o.width - w) / 2;
  }
  if (o.color) doc.fillColor(o.color);
  doc.text(s, dx, y, { lineBreak: false, characterSpacing: spacing });
  if (o.color) doc.fillColor('#000');
  // Without the wrapper pdfkit moves x, not y: leave the cursor below the line, as text() would.
  doc.x = x;
  doc.y = y + doc.currentLineHeight(true);
}

/** box() for a field that can be long, with a fast path when it fits on one line (most do). */
export function fit(
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
  if (s.includes('\n') || doc.widthOfString(s) > width) {
    box(doc, s, x, y, width, maxLines, size, bold);
    return;
  }
  put(doc, s, x, y, size, { bold });
  doc.y += 1; // the line gap box() leaves, so blocks below sit where they did
}
