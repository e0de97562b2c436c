/**
 * Bar charts as SVG text, drawn on the server: no browser script, no CDN, and no charting
 * dependency (a full one weighs tens of MB for four bar charts). Pure: a spec in, a string out.
 * Every piece of text is escaped; the chart carries <title>/<desc> for screen readers, and the
 * page prints the same numbers as a table beside it.
 */

export interface Series {
  name: string;
  values: number[];
}
export interface BarChartSpec {
  id: string;
  title: string;
  categories: string[];
  series: Series[];
  /** Categories down the side (long labels: 都道府県, member types), else along the bottom. */
  horizontal?: boolean;
  format?: (n: number) => string;
  width?: number;
  /** Fixed maximum of the value axis (1 for rates), else a round number above the largest value. */
  max?: number;
}

import { REPORT_TEXT as T } from './ui-text.js';

const COLORS = ['#2f6f9f', '#d9822b', '#5a9e4b', '#8d5fa8'];
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);
const num = (n: number) => String(Math.round(n * 10) / 10);

/** A round axis maximum at or above n: 1, 2 or 5 times a power of ten (0 → 1). */
export function niceMax(n: number): number {
  if (!(n > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * pow >= n) return m * pow;
  return 10 * pow;
}

/** Four equal steps from 0 to max. */
export function ticks(max: number): number[] {
  return [0, 1, 2, 3, 4].map((i) => (max * i) / 4);
}

function legend(series: Series[], x: number, y: number): string {
  if (series.length < 2) return '';
  return series
    .map(
      (s, i) =>
        `<rect x="${x + i * 110}" y="${y}" width="10" height="10" fill="${COLORS[i % COLORS.length]}"/><text x="${x + i * 110 + 14}" y="${y + 9}" font-size="11">${esc(s.name)}</text>`,
    )
    .join('');
}

function describe(spec: BarChartSpec, fmt: (n: number) => string): string {
  return spec.categories
    .map(
      (c, i) =>
        `${c}: ${spec.series.map((s) => (spec.series.length > 1 ? `${s.name} ` : '') + fmt(s.values[i] ?? 0)).join(T.listSep)}`,
    )
    .join(T.sentenceEnd);
}

function frame(spec: BarChartSpec, w: number, h: number, body: string, fmt: (n: number) => string): string {
  const id = esc(spec.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${esc(spec.title)}</title><desc id="${id}-desc">${esc(describe(spec, fmt))}</desc>${body}</svg>`
  );
}

function vertical(spec: BarChartSpec, max: number, fmt: (n: number) => string): string {
  const w = spec.width ?? 640;
  const [left, top, bottom, h] = [56, 24, 48, 260];
  const plotW = w - left - 8;
  const plotH = h - top - bottom;
  const band = plotW / Math.max(1, spec.categories.length);
  const barW = Math.min(48, (band * 0.8) / spec.series.length); // a lone year is not one wall-wide bar
  const pad = (band - barW * spec.series.length) / 2;
  const every = Math.ceil(spec.categories.length / 12); // at most 12 labels along the bottom
  let body = ticks(max)
    .map((v) => {
      const y = top + plotH - (v / max) * plotH;
      return `<line x1="${left}" x2="${w - 8}" y1="${num(y)}" y2="${num(y)}" stroke="#ddd"/><text x="${left - 4}" y="${num(y + 4)}" font-size="10" text-anchor="end">${esc(fmt(v))}</text>`;
    })
    .join('');
  spec.categories.forEach((c, i) => {
    spec.series.forEach((s, k) => {
      const v = Math.max(0, s.values[i] ?? 0);
      const bh = (Math.min(v, max) / max) * plotH;
      body += `<rect x="${num(left + i * band + pad + k * barW)}" y="${num(top + plotH - bh)}" width="${num(barW)}" height="${num(bh)}" fill="${COLORS[k % COLORS.length]}"><title>${esc(`${c} ${s.name}: ${fmt(v)}`)}</title></rect>`;
    });
    if (i % every === 0)
      body += `<text x="${num(left + i * band + band / 2)}" y="${top + plotH + 14}" font-size="10" text-anchor="middle">${esc(c)}</text>`;
  });
  return frame(spec, w, h, body + legend(spec.series, left, h - 16), fmt);
}

function horizontal(spec: BarChartSpec, max: number, fmt: (n: number) => string): string {
  const w = spec.width ?? 640;
  const rowH = 14 + 8 * spec.series.length;
  const [left, top] = [110, 8];
  const legendH = spec.series.length > 1 ? 24 : 0;
  const h = top + rowH * spec.categories.length + 20 + legendH;
  const plotW = w - left - 70;
  let body = '';
  spec.categories.forEach((c, i) => {
    const y0 = top + i * rowH;
    body += `<text x="${left - 6}" y="${num(y0 + rowH / 2 + 4)}" font-size="11" text-anchor="end">${esc(c)}</text>`;
    spec.series.forEach((s, k) => {
      const v = Math.max(0, s.values[i] ?? 0);
      const bw = (Math.min(v, max) / max) * plotW;
      const y = y0 + 3 + k * 8;
      body += `<rect x="${left}" y="${y}" width="${num(bw)}" height="7" fill="${COLORS[k % COLORS.length]}"><title>${esc(`${c} ${s.name}: ${fmt(v)}`)}</title></rect>`;
      body += `<text x="${num(left + bw + 4)}" y="${y + 7}" font-size="9">${esc(fmt(v))}</text>`;
    });
  });
  return frame(spec, w, h, body + legend(spec.series, left, h - 16), fmt);
}

/** A grouped bar chart; an empty one says so instead of drawing empty axes. */
export function barChart(spec: BarChartSpec): string {
  const fmt = spec.format ?? ((n: number) => String(n));
  if (!spec.categories.length || spec.series.every((s) => s.values.every((v) => !v))) {
    return frame(
      spec,
      spec.width ?? 640,
      60,
      `<text x="10" y="34" font-size="13">${esc(T.noData(spec.title))}</text>`,
      fmt,
    );
  }
  const max = spec.max ?? niceMax(Math.max(...spec.series.flatMap((s) => s.values)));
  return spec.horizontal ? horizontal(spec, max, fmt) : vertical(spec, max, fmt);
}
