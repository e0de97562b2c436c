/** 長形3号 envelope geometry and vertical (縦書き) address text. Pure. */
import type { Rect } from './label-sheets.js';

/** 120 × 235 mm, portrait. The printed 郵便番号 boxes: 12.0 mm from the top, 8.0 mm from the right. */
export const NAGA3 = { width: 120, height: 235 } as const;

/**
 * Japan Post's 郵便番号枠: 7 boxes 5.7 × 8.0 mm, 47.7 mm from the first box's left edge to the
 * last one's right edge, the gap between the 3rd and 4th box half as wide again as the others:
 * 47.7 = 7 × 5.7 + 6.5 g → g = 1.2 mm, so the pitch is 6.9 mm (7.5 mm across the middle).
 */
export const POSTAL_BOXES = { top: 12, right: 8, boxW: 5.7, boxH: 8, span: 47.7 } as const;

export function postalBoxes(offset = { x: 0, y: 0 }): Rect[] {
  const { top, right, boxW, boxH, span } = POSTAL_BOXES;
  const gap = (span - 7 * boxW) / 6.5;
  const left = NAGA3.width - right - span;
  return Array.from({ length: 7 }, (_, i) => ({
    x: left + i * (boxW + gap) + (i >= 3 ? gap / 2 : 0) + offset.x,
    y: top + offset.y,
    w: boxW,
    h: boxH,
  }));
}

const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** For 縦書き: digits as 漢数字 (〇 for zero), hyphens as ー (drawn turned), Latin letters full-width. */
export function toVerticalText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\d/g, (d) => KANJI[Number(d)]!)
    .replace(/[-‐‑–—―−－]/g, 'ー')
    .replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/ /g, '　');
}

/** Characters that are drawn turned a quarter in vertical text (no OpenType vert in pdfkit). */
export const TURNED = new Set(['ー', '〜', '（', '）', '「', '」', '『', '』', '【', '】', '…', '＝']);

/** Splits vertical text into columns of at most `perColumn` characters. */
export function columns(text: string, perColumn: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += Math.max(1, perColumn))
    out.push(chars.slice(i, i + Math.max(1, perColumn)).join(''));
  return out;
}
