/** The campaign-progress block printed on a page or in a newsletter: name, bar, amounts. */
import { box } from './letter-layout.js';

export interface CampaignBlock {
  name: string;
  period: string;
  currentLabel: string;
  targetLabel: string;
  percent: number;
  ratio: number;
  supporters: number;
}

/** Draws the block at (x, y) pt, `width` wide; returns its height. */
export function drawCampaignBlock(
  doc: PDFKit.PDFDocument,
  c: CampaignBlock,
  x: number,
  y: number,
  width: number,
): number {
  const h = 84;
  doc.save().lineWidth(0.8).strokeColor('#2f6f4f').roundedRect(x, y, width, h, 6).stroke().restore();
  box(doc, c.name, x + 10, y + 8, width - 20, 1, 12, true);
  box(doc, c.period, x + 10, y + 25, width - 20, 1, 8.5);
  const barY = y + 40;
  const barW = width - 20;
  doc
    .save()
    .fillColor('#e3eee8')
    .rect(x + 10, barY, barW, 12)
    .fill();
  doc
    .fillColor('#2f6f4f')
    .rect(x + 10, barY, barW * Math.max(0, Math.min(1, c.ratio)), 12)
    .fill()
    .restore();
  box(
    doc,
    `${c.currentLabel} ／ 目標 ${c.targetLabel}（${c.percent}%）・ご支援 ${c.supporters}人`,
    x + 10,
    barY + 18,
    width - 20,
    1,
    10,
  );
  doc.fillColor('black');
  return h;
}
