/** 礼状 pages: horizontal A4 (address in the envelope window) or vertical A4 (縦書き). */
import { drawAddressBlock, mm } from './address-window.js';
import type { LetterText, ThankLetterDoc } from './thank-letter.js';
import { box, LEFT, RIGHT, WIDTH, type OrgInfo } from './letter-layout.js';
import { A4, MARGIN, streamPages } from './pdf.js';
import { drawVerticalCells, layoutVertical, type VerticalBlock } from './vertical.js';

type Doc = PDFKit.PDFDocument;
const BODY = 11;

/** Horizontal: date and sender top right, addressee in the window, title, 前文 … 結語 right-aligned. */
export function drawHorizontalLetter(doc: Doc, d: Pick<ThankLetterDoc, 'to'>, text: LetterText, org: OrgInfo): void {
  doc.addPage();
  doc
    .font('jp-serif')
    .fontSize(10.5)
    .text(text.date, LEFT, MARGIN - 10, { width: WIDTH, align: 'right' });
  const below = drawAddressBlock(doc, d.to, org.offset);
  let sy = mm(50);
  for (const [i, line] of text.sender.entries()) {
    doc
      .font('jp-serif')
      .fontSize(i === 0 ? 11 : 10.5)
      .text(line, mm(125), sy, { width: RIGHT - mm(125), align: 'right' });
    sy = doc.y + 2;
  }
  doc
    .font('jp-serif')
    .fontSize(16)
    .text(text.title, LEFT, below + 22, { width: WIDTH, align: 'center', characterSpacing: 2 });
  let y = doc.y + 20;
  for (const [i, p] of [text.opening, ...text.body].entries()) {
    doc.font('jp-serif').fontSize(BODY);
    // The 頭語 line starts flush; every later paragraph is indented by one character (字下げ).
    doc.text(i === 0 ? p : `　${p}`, LEFT + 10, y, { width: WIDTH - 20, lineGap: 5, height: doc.page.maxY() - y });
    y = doc.y + 4;
  }
  doc
    .font('jp-serif')
    .fontSize(BODY)
    .text(text.closing, LEFT + 10, y + 2, { width: WIDTH - 20, align: 'right' });
  box(doc, `会員番号 ${d.to.memberNo}`, LEFT, A4.height - MARGIN - 12, WIDTH, 1, 7.5);
}

// A4 portrait, columns from the right: 49 characters of 13.5 pt per column, about 19 columns.
export const VERTICAL = { size: 13.5, rows: 49, columnPitch: 25.5, top: 72, right: A4.width - 58 } as const;
const COLUMNS_PER_PAGE = Math.floor((VERTICAL.right - 50) / VERTICAL.columnPitch);

/**
 * The structure of a vertical letter: 前文 from the top; each paragraph of 主文・末文 one
 * character down; 結語 at the foot; then 後付け — the date a few characters down, the sender at the
 * foot, the addressee from the top, a little larger.
 */
export function verticalBlocks(text: LetterText): VerticalBlock[] {
  return [
    { text: text.opening },
    ...text.body.map((p) => ({ text: p, indent: 1 })),
    { text: text.closing, align: 'bottom' as const },
    { text: text.date, indent: 3, gapBefore: 1 },
    ...text.sender.map((s) => ({ text: s, align: 'bottom' as const })),
    { text: text.addressee, scale: 1.2, gapBefore: 1 },
  ];
}

export function drawVerticalLetter(doc: Doc, _d: Pick<ThankLetterDoc, 'to'>, text: LetterText): void {
  const cells = layoutVertical(verticalBlocks(text), VERTICAL.rows);
  const rowPitch = VERTICAL.size * 1.05;
  const lastCol = cells.reduce((m, c) => Math.max(m, c.col), 0);
  // A letter longer than one page continues on the next, still right to left.
  for (let first = 0; first <= lastCol; first += COLUMNS_PER_PAGE) {
    doc.addPage();
    const onPage = cells.filter((c) => c.col >= first && c.col < first + COLUMNS_PER_PAGE);
    drawVerticalCells(doc, onPage, { ...VERTICAL, rowPitch, font: 'jp-serif' }, first);
  }
}

export interface PrintableLetter {
  letter: Pick<ThankLetterDoc, 'to'>;
  text: LetterText;
}

/**
 * All letters into one PDF; returns the number of pages. `extraPages` may add pages after each
 * letter (e.g. its receipt) — it must add its own page(s), as every drawer here does.
 */
export async function renderThankLetters<T extends PrintableLetter>(
  items: T[],
  org: OrgInfo,
  opts: { layout: 'horizontal' | 'vertical'; extraPages?: (doc: Doc, item: T) => void },
  out: NodeJS.WritableStream,
): Promise<number> {
  let pages = 0;
  const counted = new WeakSet<Doc>();
  await streamPages(
    items,
    (doc, item) => {
      if (!counted.has(doc)) {
        counted.add(doc);
        doc.on('pageAdded', () => (pages += 1));
      }
      if (opts.layout === 'vertical') drawVerticalLetter(doc, item.letter, item.text);
      else drawHorizontalLetter(doc, item.letter, item.text, org);
      opts.extraPages?.(doc, item);
    },
    out,
    { title: '礼状' },
  );
  return Math.max(pages, 1);
}
