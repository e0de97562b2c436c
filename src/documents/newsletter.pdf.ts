/** 会報・ニュースレター: an A4 PDF from Markdown blocks, an optional two-column part and campaign block. */
import { drawCampaignBlock, type CampaignBlock } from './campaign-block.js';
import type { Block, Span } from './markdown-blocks.js';
import { fillIn, loadLayout, type NewsletterLayout } from './newsletter-layout.js';
import { A4, createDocument, MARGIN } from './pdf.js';

export interface Newsletter {
  orgName: string;
  title: string;
  number: number;
  dateLabel: string;
  blocks: Block[];
  columns?: Block[];
  campaign?: CampaignBlock | null;
  /** Uploaded images by id (PNG or JPEG bytes). */
  images: Map<number, Buffer>;
}

type Doc = PDFKit.PDFDocument;
const WIDTH = A4.width - 2 * MARGIN;
const bottom = () => A4.height - MARGIN;

function ensureRoom(doc: Doc, h: number) {
  if (doc.y + h > bottom()) doc.addPage({ size: 'A4', margin: MARGIN });
}

function spansText(doc: Doc, spans: Span[], size: number, opts: PDFKit.Mixins.TextOptions, bold = false) {
  spans.forEach((s, i) => {
    doc
      .font(bold || s.bold ? 'jp-bold' : 'jp')
      .fontSize(size)
      .text(s.text, { ...opts, continued: i < spans.length - 1 });
  });
}

function drawImage(
  doc: Doc,
  b: Extract<Block, { type: 'image' }>,
  nl: Newsletter,
  layout: NewsletterLayout,
  x: number,
  width: number,
) {
  const bytes = nl.images.get(b.imageId);
  try {
    if (!bytes) throw new Error('missing');
    const img = (doc as unknown as { openImage(b: Buffer): { width: number; height: number } }).openImage(bytes);
    const scale = Math.min(1, width / img.width, layout.imageMaxHeight / img.height);
    ensureRoom(doc, img.height * scale + 6);
    doc.image(img as unknown as Buffer, x, doc.y, { width: img.width * scale, height: img.height * scale });
    doc.y += img.height * scale + 6;
  } catch {
    // A missing or unreadable image prints its description instead of failing the whole issue.
    doc
      .font('jp')
      .fontSize(9)
      .fillColor('#666')
      .text(`［画像：${b.alt || '表示できません'}］`, x, doc.y, { width })
      .fillColor('black');
  }
}

function drawBlock(doc: Doc, b: Block, nl: Newsletter, layout: NewsletterLayout, x = MARGIN, width = WIDTH) {
  const size = layout.bodySize;
  if (b.type === 'heading') {
    const hs = layout.headingSizes[Math.min(b.level, layout.headingSizes.length) - 1] ?? size;
    ensureRoom(doc, hs * 3);
    doc.moveDown(0.4);
    doc.fillColor(layout.accentColor);
    spansText(doc, b.spans, hs, { width }, true);
    doc.fillColor('black').moveDown(0.2);
  } else if (b.type === 'paragraph') {
    ensureRoom(doc, size * 1.6);
    doc.x = x;
    spansText(doc, b.spans, size, { width, lineGap: 2 });
    doc.moveDown(0.5);
  } else if (b.type === 'item') {
    ensureRoom(doc, size * 1.6);
    const indent = 12 * b.depth;
    const y = doc.y;
    doc
      .font('jp')
      .fontSize(size)
      .text(b.marker, x + indent - 12, y, { width: 14, lineBreak: false });
    doc.x = x + indent + 4;
    doc.y = y;
    spansText(doc, b.spans, size, { width: width - indent - 4, lineGap: 2 });
    doc.x = x;
    doc.moveDown(0.2);
  } else if (b.type === 'rule') {
    ensureRoom(doc, 12);
    doc
      .moveTo(x, doc.y + 4)
      .lineTo(x + width, doc.y + 4)
      .lineWidth(0.5)
      .strokeColor('#999')
      .stroke()
      .strokeColor('black');
    doc.y += 12;
  } else drawImage(doc, b, nl, layout, x, width);
}

function masthead(doc: Doc, nl: Newsletter, layout: NewsletterLayout) {
  const values = { org: nl.orgName, number: String(nl.number), date: nl.dateLabel };
  doc.rect(0, 0, A4.width, 8).fill(layout.accentColor).fillColor('black');
  doc
    .font('jp')
    .fontSize(9)
    .text(fillIn(layout.masthead, values), MARGIN, MARGIN - 16, { width: WIDTH / 2, lineBreak: false });
  doc.text(fillIn(layout.issueLine, values), MARGIN + WIDTH / 2, MARGIN - 16, {
    width: WIDTH / 2,
    align: 'right',
    lineBreak: false,
  });
  doc
    .font('jp-bold')
    .fontSize(layout.titleSize)
    .text(nl.title, MARGIN, MARGIN + 2, { width: WIDTH });
  doc
    .moveTo(MARGIN, doc.y + 4)
    .lineTo(MARGIN + WIDTH, doc.y + 4)
    .lineWidth(1.2)
    .strokeColor(layout.accentColor)
    .stroke()
    .strokeColor('black');
  doc.y += 14;
}

/** The two-column part: blocks as plain text in two balanced columns (pdfkit flows the text). */
function drawColumns(doc: Doc, blocks: Block[], layout: NewsletterLayout) {
  const text = blocks
    .map((b) =>
      'spans' in b
        ? `${b.type === 'item' ? b.marker + ' ' : ''}${b.spans.map((s) => s.text).join('')}`
        : b.type === 'image'
          ? `［画像：${b.alt}］`
          : '',
    )
    .join('\n\n');
  if (!text.trim()) return;
  const colWidth = (WIDTH - layout.columnGap) / 2;
  doc.font('jp').fontSize(layout.bodySize);
  const needed = doc.heightOfString(text, { width: colWidth, lineGap: 2 }) / 2 + layout.bodySize * 2;
  ensureRoom(doc, Math.min(needed, 200));
  const height = Math.min(needed, bottom() - doc.y);
  doc.text(text, MARGIN, doc.y, { columns: 2, columnGap: layout.columnGap, width: WIDTH, height, lineGap: 2 });
  doc.moveDown(0.5);
}

/** The whole issue as one PDF document (call .end() / pipe it). */
export function drawNewsletter(nl: Newsletter, layout = loadLayout()): Doc {
  const doc = createDocument({ title: nl.title });
  doc.addPage({ size: 'A4', margin: MARGIN });
  masthead(doc, nl, layout);
  for (const b of nl.blocks) drawBlock(doc, b, nl, layout);
  if (nl.columns?.length) drawColumns(doc, nl.columns, layout);
  if (nl.campaign) {
    ensureRoom(doc, 96);
    drawCampaignBlock(doc, nl.campaign, MARGIN, doc.y + 6, WIDTH);
    doc.y += 96;
  }
  return doc;
}
