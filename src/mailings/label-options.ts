/** The label page's query → print options, or Japanese errors. Pure. */
import { checkStart, SHEETS } from '../documents/label-sheets.js';
import type { FormBody } from '../web/forms.js';
import type { Parsed } from './segment-filter.js';
import { MAIL_TEXT } from './ui-text.js';

export interface LabelOptions {
  segment: string | null;
  sheet: string;
  start: number;
  joint: boolean;
  barcode: boolean;
  /** 'labels' or 長形3号 envelopes across / down. */
  format: 'labels' | 'envelope' | 'envelope-vertical';
  encoding: 'utf8' | 'sjis';
}

const one = (b: FormBody, k: string) => {
  const v = b[k];
  return ((Array.isArray(v) ? v[0] : v) ?? '').normalize('NFKC').trim();
};

export function parseLabelOptions(q: FormBody): Parsed<LabelOptions> {
  const errors: Record<string, string> = {};
  const sheet = one(q, 'sheet') || '12';
  if (!SHEETS[sheet]) errors.sheet = MAIL_TEXT.badSheet;
  const start = one(q, 'start') ? Number(one(q, 'start')) : 1;
  const bad = SHEETS[sheet] ? checkStart(SHEETS[sheet], start) : null;
  if (bad) errors.start = bad;
  const format = (one(q, 'format') || 'labels') as LabelOptions['format'];
  if (!['labels', 'envelope', 'envelope-vertical'].includes(format)) errors.format = MAIL_TEXT.badFormat;
  const encoding = one(q, 'encoding') === 'sjis' ? 'sjis' : 'utf8';
  if (Object.keys(errors).length) return { errors };
  return {
    value: {
      segment: one(q, 'segment') || null,
      sheet,
      start,
      joint: one(q, 'joint') === '1',
      barcode: one(q, 'barcode') === '1',
      format,
      encoding,
    },
  };
}

/** Printer offset in mm: -10 to 10, at most one decimal. */
export function parseOffset(body: FormBody): Parsed<{ x: number; y: number }> {
  const errors: Record<string, string> = {};
  const read = (k: string) => {
    const raw = one(body, k) || '0';
    const n = Number(raw);
    if (!/^-?\d+(\.\d)?$/.test(raw) || Math.abs(n) > 10) errors[k] = MAIL_TEXT.badOffset;
    return n;
  };
  const x = read('offsetX');
  const y = read('offsetY');
  return Object.keys(errors).length ? { errors } : { value: { x, y } };
}
