/** A printable list (A4, header repeated on each page): birthday lists, dormant supporters. */
import { box } from './letter-layout.js';
import { A4, createDocument, MARGIN } from './pdf.js';

export interface TableColumn {
  label: string;
  width: number;
  align?: 'left' | 'right';
}
export interface TableDoc {
  title: string;
  subtitle?: string;
  columns: TableColumn[];
  rows: string[][];
}

const ROW = 18;

function header(doc: PDFKit.PDFDocument, t: TableDoc, page: number): number {
  doc.addPage({ size: 'A4', margin: MARGIN });
  box(doc, t.title, MARGIN, MARGIN - 10, A4.width - 2 * MARGIN - 60, 1, 14, true);
  doc
    .font('jp')
    .fontSize(8)
    .text(`${page}ページ`, A4.width - MARGIN - 60, MARGIN - 6, { width: 60, align: 'right', lineBreak: false });
  let y = MARGIN + 12;
  if (t.subtitle) {
    box(doc, t.subtitle, MARGIN, y, A4.width - 2 * MARGIN, 1, 9);
    y += 16;
  }
  let x = MARGIN;
  for (const c of t.columns) {
    box(doc, c.label, x + 2, y + 4, c.width - 4, 1, 8.5, true);
    x += c.width;
  }
  doc
    .moveTo(MARGIN, y + ROW)
    .lineTo(x, y + ROW)
    .lineWidth(0.8)
    .stroke();
  return y + ROW;
}

/** Draws the list into one PDF; every cell is cut to its column (…) so a row is always one line. */
export function drawTable(t: TableDoc): PDFKit.PDFDocument {
  const doc = createDocument({ title: t.title });
  let page = 1;
  let y = header(doc, t, page);
  for (const row of t.rows) {
    if (y + ROW > A4.height - MARGIN) y = header(doc, t, ++page);
    let x = MARGIN;
    t.columns.forEach((c, i) => {
      doc.font('jp').fontSize(9);
      doc.text(row[i] ?? '', x + 2, y + 4, {
        width: c.width - 4,
        height: 12,
        ellipsis: true,
        lineBreak: false,
        align: c.align ?? 'left',
      });
      x += c.width;
    });
    doc
      .moveTo(MARGIN, y + ROW)
      .lineTo(x, y + ROW)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke()
      .strokeColor('black');
    y += ROW;
  }
  if (!t.rows.length) box(doc, '該当する人はいません。', MARGIN, y + 8, 300, 1, 10);
  return doc;
}
