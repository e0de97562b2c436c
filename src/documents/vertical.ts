/**
 * Vertical (縦書き) text for pdfkit, which has none: characters are placed one by one in columns
 * from right to left, each drawn with the font's OpenType `vert` forms so ー, brackets, small kana
 * and 、。 take their upright shapes and positions. The layout is pure (cells); drawing is separate.
 */

export interface VerticalBlock {
  text: string;
  /** Empty cells before the first character (字下げ, or the date a few characters down). */
  indent?: number;
  /** 'bottom': the last column ends at the foot of the column (sender's name, 結語). */
  align?: 'top' | 'bottom';
  /** Empty columns before this block. */
  gapBefore?: number;
  /** Character size relative to the body (the addressee is written larger). */
  scale?: number;
}

export interface VerticalCell { ch: string; col: number; row: number; scale: number }

// ぶら下げ: these never start a column; they hang below the previous column's last cell instead.
const NO_COLUMN_START = new Set([...'、。，．」』）】〕'] );

/** Cells for the blocks; `rows` is the number of characters one column holds. Pure. */
export function layoutVertical(blocks: VerticalBlock[], rows: number): VerticalCell[] {
  const cells: VerticalCell[] = [];
  let col = -1;
  for (const b of blocks) {
    const scale = b.scale ?? 1;
    const perColumn = Math.max(1, Math.floor(rows / scale));
    col += 1 + (b.gapBefore ?? 0);
    const chars = [...b.text];
    const indent = Math.min(b.indent ?? 0, perColumn - 1);
    // Bottom-aligned text that fits one column ends at its foot; longer text wraps from the top.
    const start = b.align === 'bottom' && indent + chars.length <= perColumn ? perColumn - chars.length : indent;
    let row = start;
    for (const ch of chars) {
      if (row >= perColumn) {
        if (NO_COLUMN_START.has(ch)) {
          cells.push({ ch, col, row, scale });
          row += 1;
          continue;
        }
        col += 1;
        row = 0;
      }
      cells.push({ ch, col, row, scale });
      row += 1;
    }
  }
  return cells;
}

export interface VerticalFrame {
  /** x of the right edge of the first column, y of the top of the first row (points). */
  right: number;
  top: number;
  size: number;
  /** Distances between column centres and between character tops. */
  columnPitch: number;
  rowPitch: number;
  font: string;
}

/**
 * Where the em box's top lies below pdfkit's text origin: pdfkit puts the baseline at
 * ascender × size below y, and the ideographic em box rises 0.88 em above the baseline.
 */
function emTopOffset(doc: PDFKit.PDFDocument, size: number): number {
  const font = (doc as unknown as { _font?: { ascender?: number } })._font;
  return (((font?.ascender ?? 1160) - 880) / 1000) * size;
}

/** Draws cells; the caller has added the page. Cells of the column `col` go at right − (col + ½) × pitch. */
export function drawVerticalCells(doc: PDFKit.PDFDocument, cells: VerticalCell[], frame: VerticalFrame, firstCol = 0): void {
  for (const c of cells) {
    const size = frame.size * c.scale;
    doc.font(frame.font).fontSize(size);
    const centre = frame.right - (c.col - firstCol + 0.5) * frame.columnPitch;
    const y = frame.top + c.row * frame.rowPitch * c.scale - emTopOffset(doc, size);
    doc.text(c.ch, centre - size / 2, y, { lineBreak: false, features: ['vert'] } as PDFKit.Mixins.TextOptions);
  }
}
