/**
 * The address block of a one-page A4 document, placed where a 長形3号 window envelope (窓付き封筒,
 * A4 folded in three) shows it, so letters, receipts and invoices need no address labels.
 * Envelope makers differ by a few millimetres and printers drift: the window is a constant and
 * the organisation sets a printer offset (print.offsetX / print.offsetY, mm) to correct it.
 */
import { addressParts, type AddressTo } from './address-block.js';

export const MM = 72 / 25.4;
export const mm = (n: number): number => n * MM;

/** The window on the unfolded A4 page, in mm from the page's top-left corner. */
export const ENVELOPE_WINDOW = { left: 20, top: 45, width: 90, height: 45 } as const;
/** Text stays this far inside the window so a slightly shifted sheet still shows every line. */
export const WINDOW_PADDING = 4;

export interface PrintOffset { x: number; y: number }

/** The text area inside the window in points, moved by the printer offset (mm). */
export function addressArea(offset: PrintOffset = { x: 0, y: 0 }) {
  const w = ENVELOPE_WINDOW;
  return {
    x: mm(w.left + WINDOW_PADDING + offset.x),
    y: mm(w.top + WINDOW_PADDING + offset.y),
    width: mm(w.width - 2 * WINDOW_PADDING),
    bottom: mm(w.top + w.height - WINDOW_PADDING + offset.y),
  };
}

/**
 * Postal code, address and name (with 様/御中) inside the window; lines that would fall below the
 * window are shrunk rather than hidden. Returns the y just below the window.
 */
export function drawAddressBlock(doc: PDFKit.PDFDocument, to: AddressTo, offset?: PrintOffset): number {
  const area = addressArea(offset);
  const { address, names } = addressParts(to);
  const lines: { text: string; size: number; bold: boolean; indent: number; gap: number }[] = [
    ...address.map((text, i) => ({ text, size: i === 0 ? 10 : 10.5, bold: false, indent: 0, gap: i === address.length - 1 ? 7 : 1 })),
    ...names.map((text) => ({ text, size: 14, bold: true, indent: mm(3), gap: 2 })),
  ];
  // Scale every line down together when a long address would not fit the window's height.
  const natural = lines.reduce((h, l) => h + l.size * 1.45 + l.gap, 0);
  const scale = Math.min(1, (area.bottom - area.y) / natural);
  let y = area.y;
  for (const l of lines) {
    const size = l.size * scale;
    doc.font(l.bold ? 'jp-bold' : 'jp').fontSize(size);
    const width = area.width - l.indent;
    const lineHeight = doc.currentLineHeight(true);
    const maxLines = y + 2 * lineHeight <= area.bottom ? 2 : 1;
    doc.text(l.text, area.x + l.indent, y, { width, height: maxLines * lineHeight + 0.5, ellipsis: true });
    y = doc.y + l.gap * scale;
  }
  return mm(ENVELOPE_WINDOW.top + ENVELOPE_WINDOW.height + (offset?.y ?? 0));
}
