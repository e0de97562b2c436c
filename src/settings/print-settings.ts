/** Settings for printing and letters: one pure parser per key, shared by the settings page and the CLI. */
import type { Settings } from './settings.service.js';
import { SALUTATIONS, SETTING_TEXT } from './ui-text.js';

export type PrintSettingKey = 'print.offsetX' | 'print.offsetY' | 'letters.salutation' | 'letters.layout';
type Parsed<K extends PrintSettingKey> = { value: Settings[K] } | { error: string };

const LAYOUTS = ['horizontal', 'vertical'] as const;

/** Millimetres the printer shifts the page; more than 20 mm is a typo, not a printer. */
function offset(raw: string): { value: number } | { error: string } {
  const n = Number(raw.normalize('NFKC').trim().replace(/^−/, '-') || '0');
  if (!Number.isFinite(n) || Math.abs(n) > 20) return { error: SETTING_TEXT['print.offsetX'].error };
  return { value: Math.round(n * 10) / 10 };
}

export function parsePrintSetting<K extends PrintSettingKey>(key: K, raw: string): Parsed<K> {
  const v = raw.trim();
  switch (key) {
    case 'print.offsetX':
    case 'print.offsetY':
      return offset(v) as Parsed<K>;
    case 'letters.salutation':
      return (
        (SALUTATIONS as readonly string[]).includes(v)
          ? { value: v }
          : { error: SETTING_TEXT['letters.salutation'].error }
      ) as Parsed<K>;
    default:
      return (
        (LAYOUTS as readonly string[]).includes(v) ? { value: v } : { error: SETTING_TEXT['letters.layout'].error }
      ) as Parsed<K>;
  }
}

export const PRINT_SETTING_KEYS: PrintSettingKey[] = [
  'print.offsetX',
  'print.offsetY',
  'letters.salutation',
  'letters.layout',
];

/** The print keys of a settings form; errors are added to `errors` under the key. */
export function parsePrintSettings(body: Record<string, unknown>, errors: Record<string, string>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of PRINT_SETTING_KEYS) {
    const raw = body[key];
    if (raw === undefined) continue;
    const r = parsePrintSetting(key, String(Array.isArray(raw) ? raw[0] : raw));
    if ('error' in r) errors[key] = r.error;
    else out[key] = r.value;
  }
  return out as Partial<Settings>;
}
