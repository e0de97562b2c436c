/** 長形3号 envelopes: the postal code in the printed boxes, the address across or down (縦書き). */
import { barcodeFits, drawCustomerBarcode } from './customer-barcode.js';
import { columns, NAGA3, postalBoxes, toVerticalText, TURNED } from './envelope-layout.js';
import { mm, type Offset } from './label-sheets.js';
import { drawFitted, labelBlock, type AddressLabel } from './labels.pdf.js';
import { streamPages } from './pdf.js';

export interface EnvelopeOptions {
  vertical?: boolean;
  offset?: Offset;
  barcode?: boolean;
}
type Doc = PDFKit.PDFDocument;

function drawPostalCode(doc: Doc, postalCode: string, offset: Offset): void {
  const digits = postalCode.replace(/\D/g, '');
  if (digits.length !== 7) return;
  postalBoxes(offset).forEach((b, i) => {
    doc
      .font('jp')
      .fontSize(14)
      .text(digits[i]!, mm(b.x), mm(b.y) + (mm(b.h) - 14 * 1.45) / 2, {
        width: mm(b.w),
        align: 'center',
        lineBreak: false,
      });
  });
}

/** One vertical column of text, top to bottom, starting at (x, y) pt; turned glyphs for ー and brackets. */
function drawColumn(doc: Doc, text: string, x: number, y: number, size: number): void {
  doc.font('jp').fontSize(size);
  let cy = y;
  for (const ch of text) {
    const w = doc.widthOfString(ch);
    if (TURNED.has(ch)) {
      doc.save().rotate(90, { origin: [x + size / 2, cy + size / 2] });
      doc.text(ch, x + (size - w) / 2, cy - size * 0.2, { lineBreak: false });
      doc.restore();
    } else doc.text(ch, x + (size - w) / 2, cy - size * 0.2, { lineBreak: false });
    cy += size;
  }
}

/** Columns right to left in the area (mm); the size shrinks until the text fits in maxColumns. */
function drawVerticalBlock(
  doc: Doc,
  lines: string[],
  right: number,
  top: number,
  height: number,
  maxColumns: number,
  size: number,
  min = 7,
): number {
  let s = size;
  let cols: string[] = [];
  for (; s >= min; s -= 0.5) {
    cols = lines.flatMap((l) => columns(toVerticalText(l), Math.floor(mm(height) / s)));
    if (cols.length <= maxColumns) break;
  }
  cols = cols.slice(0, maxColumns);
  for (const [i, c] of cols.entries()) drawColumn(doc, c, mm(right) - (i + 1) * s * 1.3, mm(top), s);
  return right - (cols.length * s * 1.3 * 25.4) / 72;
}

function drawEnvelope(doc: Doc, label: AddressLabel, opts: EnvelopeOptions): void {
  const o = opts.offset ?? { x: 0, y: 0 };
  doc.addPage({ size: [mm(NAGA3.width), mm(NAGA3.height)], margin: 0 });
  drawPostalCode(doc, label.postalCode, o);
  if (opts.vertical) {
    const left = drawVerticalBlock(doc, label.address, 108 + o.x, 32 + o.y, 150, 3, 14);
    drawVerticalBlock(doc, label.names, Math.min(left - 6, 75 + o.x), 45 + o.y, 170, 4, 24, 10);
    return;
  }
  const box = { x: 18 + o.x, y: 32 + o.y, w: 90, h: 90 };
  const used = drawFitted(doc, labelBlock({ ...label, postalCode: '' }), box, 18);
  if (opts.barcode && label.barcode && barcodeFits(84))
    drawCustomerBarcode(doc, label.barcode, box.x, box.y + used + 4, 67 * 1.2);
}

/** Streams one envelope page per label; onProgress(done, total) for a batch runner. */
export async function renderEnvelopes(
  labels: AddressLabel[],
  opts: EnvelopeOptions,
  out: NodeJS.WritableStream,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  await streamPages(
    labels,
    (doc, label) => {
      drawEnvelope(doc, label, opts);
      onProgress?.(++done, labels.length);
    },
    out,
    { title: '封筒（長形3号）' },
  );
}
