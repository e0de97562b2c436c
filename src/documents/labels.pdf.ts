/** Address labels on A4 sheets (12〜44面): text fitted inside each label, optional カスタマバーコード. */
import { barcodeFits, barcodeHeight, drawCustomerBarcode } from './customer-barcode.js';
import { fitBlock, LEADING, type BlockLine } from './label-fit.js';
import { mm, placement, sheetCount, type Offset, type Rect, type SheetSpec } from './label-sheets.js';
import { streamPages } from './pdf.js';

export interface AddressLabel {
  postalCode: string;
  address: string[];
  names: string[];
  barcode?: string | null;
}
export interface LabelRunOptions {
  sheet: SheetSpec;
  start?: number;
  offset?: Offset;
  barcode?: boolean;
  title?: string;
}

type Doc = PDFKit.PDFDocument;

export function labelBlock(l: AddressLabel): BlockLine[] {
  return [
    ...(l.postalCode ? [{ text: `〒${l.postalCode}`, kind: 'postal' as const }] : []),
    ...l.address.map((text) => ({ text, kind: 'address' as const })),
    ...l.names.map((text) => ({ text, kind: 'name' as const })),
  ];
}

export const measureWith = (doc: Doc) => (text: string, size: number) =>
  doc.font('jp').fontSize(size).widthOfString(text);

/** Inner box of a label (mm): a margin the printer can miss by, smaller on small labels. */
export function innerBox(r: Rect): Rect {
  const pad = Math.min(3, r.w * 0.05, r.h * 0.08);
  return { x: r.x + pad, y: r.y + pad, w: r.w - 2 * pad, h: r.h - 2 * pad };
}

/** Draws the lines fitted into `box` (mm), clipped to it so nothing can reach the next label; returns the height used (mm). */
export function drawFitted(doc: Doc, block: BlockLine[], box: Rect, maxSize: number): number {
  const { lines } = fitBlock(block, mm(box.w), mm(box.h), measureWith(doc), maxSize);
  doc.save();
  doc.rect(mm(box.x), mm(box.y), mm(box.w), mm(box.h)).clip();
  for (const l of lines)
    doc
      .font('jp')
      .fontSize(l.size)
      .text(l.text, mm(box.x), mm(box.y) + l.y, { lineBreak: false });
  doc.restore();
  const last = lines[lines.length - 1];
  return last ? ((last.y + last.size * LEADING) * 25.4) / 72 : 0;
}

function drawLabel(doc: Doc, label: AddressLabel, rect: Rect, withBarcode: boolean): void {
  const box = innerBox(rect);
  const barWidth = rect.w - 4; // the barcode needs 2 mm clear on each side
  const bar = withBarcode && label.barcode && barcodeFits(barWidth) ? barcodeHeight(barWidth) + 1 : 0;
  drawFitted(doc, labelBlock(label), { ...box, h: box.h - bar }, rect.h > 30 ? 12 : 9);
  if (bar) drawCustomerBarcode(doc, label.barcode!, rect.x + 2, box.y + box.h - bar + 1, barWidth);
}

function* pages(labels: AddressLabel[], opts: LabelRunOptions) {
  let page: { label: AddressLabel; rect: Rect }[] = [];
  let sheet = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = placement(opts.sheet, i, opts.start ?? 1, opts.offset);
    if (p.sheet !== sheet && page.length) {
      yield page;
      page = [];
    }
    sheet = p.sheet;
    page.push({ label: labels[i]!, rect: p.rect });
  }
  if (page.length) yield page;
}

/**
 * Streams the labels into `out`, sheet by sheet. onProgress(done, total) after each sheet, so a
 * batch runner can show progress. Returns the number of sheets.
 */
export async function renderLabels(
  labels: AddressLabel[],
  opts: LabelRunOptions,
  out: NodeJS.WritableStream,
  onProgress?: (done: number, total: number) => void,
): Promise<{ sheets: number }> {
  if (opts.barcode && !barcodeFits(opts.sheet.width - 4))
    throw new RangeError(
      `${opts.sheet.label} のラベルにはカスタマバーコードが入りません（12面・18面・21面で使えます）`,
    );
  let done = 0;
  await streamPages(
    pages(labels, opts),
    (doc, page) => {
      doc.addPage({ size: 'A4', margin: 0 });
      for (const { label, rect } of page) drawLabel(doc, label, rect, !!opts.barcode);
      done += page.length;
      onProgress?.(done, labels.length);
    },
    out,
    { title: opts.title ?? '宛名ラベル' },
  );
  return { sheets: sheetCount(opts.sheet, labels.length, opts.start ?? 1) };
}
