/** The newsletter's layout: templates/newsletter/layout.json (an organisation may edit it) over defaults. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface NewsletterLayout {
  masthead: string;
  issueLine: string;
  accentColor: string;
  titleSize: number;
  headingSizes: number[];
  bodySize: number;
  columnGap: number;
  imageMaxHeight: number;
}

export const DEFAULT_LAYOUT: NewsletterLayout = {
  masthead: '{{org}} 会報',
  issueLine: '第{{number}}号　{{date}}',
  accentColor: '#2f6f4f',
  titleSize: 20,
  headingSizes: [16, 13, 11.5],
  bodySize: 10.5,
  columnGap: 16,
  imageMaxHeight: 260,
};

const FILE = fileURLToPath(new URL('../../templates/newsletter/layout.json', import.meta.url));

/** A broken or half-filled file falls back to the defaults key by key: a typo must not stop printing. */
export function parseLayout(json: unknown): NewsletterLayout {
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const num = (k: keyof NewsletterLayout, min: number, max: number) => {
    const v = Number(o[k]);
    return Number.isFinite(v) && v >= min && v <= max ? v : (DEFAULT_LAYOUT[k] as number);
  };
  const str = (k: keyof NewsletterLayout) =>
    typeof o[k] === 'string' ? (o[k] as string).slice(0, 200) : (DEFAULT_LAYOUT[k] as string);
  const sizes =
    Array.isArray(o.headingSizes) && o.headingSizes.every((n) => Number(n) >= 6 && Number(n) <= 40)
      ? o.headingSizes.map(Number)
      : DEFAULT_LAYOUT.headingSizes;
  return {
    masthead: str('masthead'),
    issueLine: str('issueLine'),
    accentColor: /^#[0-9a-f]{6}$/i.test(String(o.accentColor)) ? String(o.accentColor) : DEFAULT_LAYOUT.accentColor,
    titleSize: num('titleSize', 10, 40),
    headingSizes: sizes,
    bodySize: num('bodySize', 7, 16),
    columnGap: num('columnGap', 4, 60),
    imageMaxHeight: num('imageMaxHeight', 40, 700),
  };
}

export function loadLayout(file = FILE): NewsletterLayout {
  try {
    return parseLayout(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export const fillIn = (pattern: string, values: Record<string, string>) =>
  pattern.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
