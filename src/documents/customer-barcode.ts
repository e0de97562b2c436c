/** カスタマバーコード drawn as bars (bwip-js encodes, we draw: exact sizes, no images). */
import bwipjs from 'bwip-js';
import { mm } from './label-sheets.js';

const BARS = 67;
/** At 10 pt: pitch 1.2 mm, bar 0.6 mm, long bar 3.6 mm; Japan Post accepts 8 to 11.5 pt. */
const PITCH_10PT = 1.2;
const MIN_PITCH = 0.96;
const MAX_PITCH = 1.38;

/** Whether the barcode fits a width (mm) at an allowed size. */
export function barcodeFits(widthMm: number): boolean {
  return widthMm / BARS >= MIN_PITCH;
}

/** Height (mm) the barcode takes when drawn into a width (mm). */
export function barcodeHeight(widthMm: number): number {
  return (3.6 * Math.min(MAX_PITCH, widthMm / BARS)) / PITCH_10PT;
}

interface RawBars {
  bbs: number[];
  bhs: number[];
}

/** Draws the barcode with its top left at (x, y) mm, as wide as allowed within widthMm. */
export function drawCustomerBarcode(
  doc: PDFKit.PDFDocument,
  data: string,
  x: number,
  y: number,
  widthMm: number,
): void {
  const raw = (bwipjs as unknown as { raw(bcid: string, text: string, opts: object): RawBars[] }).raw(
    'japanpost',
    data,
    {},
  )[0]!;
  const pitch = Math.min(MAX_PITCH, widthMm / BARS);
  const longBar = Math.max(...raw.bhs);
  const scale = (3.6 * pitch) / PITCH_10PT / longBar;
  doc.save().fillColor('black');
  for (let i = 0; i < raw.bhs.length; i++) {
    const h = raw.bhs[i]! * scale;
    const bottom = raw.bbs[i]! * scale;
    doc.rect(mm(x + i * pitch), mm(y + longBar * scale - bottom - h), mm(pitch / 2), mm(h)).fill();
  }
  doc.restore();
}
