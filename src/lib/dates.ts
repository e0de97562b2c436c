/** Calendar dates as 'YYYY-MM-DD' strings in Asia/Tokyo, and 和暦. Pure functions. */

// Newest first, so the first era whose start is <= a date is the era of that date.
const ERAS = [
  { name: '令和', short: 'R', start: '2019-05-01' },
  { name: '平成', short: 'H', start: '1989-01-08' },
  { name: '昭和', short: 'S', start: '1926-12-25' },
  { name: '大正', short: 'T', start: '1912-07-30' },
  { name: '明治', short: 'M', start: '1868-01-25' },
] as const;

/** Tokyo wall-clock time as 'YYYY-MM-DDTHH:MM:SS…': Japan keeps UTC+9 all year (no daylight saving since 1951). */
function tokyoClock(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString();
}

export function todayInTokyo(now: Date = new Date()): string {
  // 23:30 UTC is already the next day in Japan.
  return tokyoClock(now).slice(0, 10);
}

/** Tokyo wall-clock 'HH:MM' now (e.g. the default time of a new 対応記録). */
export function nowTimeInTokyo(now: Date = new Date()): string {
  return tokyoClock(now).slice(11, 16);
}

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Accepts 2026/4/1, 2026-04-01, 2026.4.1, 20260401, 2026年4月1日, R8.4.1, 令和8年4月1日, 令和元年…;
 * null if not a real date. A wareki year past the era's end (平成32年) is accepted as the
 * obvious western year, because documents printed before an era change use such dates.
 */
export function parseDate(input: string): string | null {
  const s = input.normalize('NFKC').trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/i.exec(s);
  if (!m) return null;
  const [, eraName, eraYear, month, day] = m as unknown as [string, string, string, string, string];
  const era = ERAS.find((e) => e.name === eraName || e.short === eraName.toUpperCase());
  if (!era) return null;
  const n = eraYear === '元' ? 1 : Number(eraYear);
  if (n < 1) return null;
  const out = iso(Number(era.start.slice(0, 4)) + n - 1, Number(month), Number(day));
  return out && out >= era.start ? out : null;
}

/** '2026-04-01' → '令和8年4月1日' (long) or 'R8.4.1' (short); before Meiji → western year. */
export function toWareki(isoDate: string, style: 'long' | 'short' = 'long'): string {
  const era = ERAS.find((e) => isoDate >= e.start);
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (!era) return style === 'short' ? `${y}.${mo}.${d}` : `${y}年${mo}月${d}日`;
  const n = y - Number(era.start.slice(0, 4)) + 1;
  if (style === 'short') return `${era.short}${n}.${mo}.${d}`;
  return `${era.name}${n === 1 ? '元' : n}年${mo}月${d}日`;
}

/** Date for printed documents: 和暦 long form or '2026年4月1日'. */
export function formatDateJa(isoDate: string, era: 'wareki' | 'seireki'): string {
  if (era === 'wareki') return toWareki(isoDate);
  const [y, mo, d] = isoDate.split('-').map(Number);
  return `${y}年${mo}月${d}日`;
}

export function addDays(isoDate: string, n: number): string {
  const dt = new Date(isoDate + 'T00:00:00Z');
  dt.setUTCDate(dt.getUTCDate() + n);
  return dt.toISOString().slice(0, 10);
}

/** Negative, 0 or positive like Array.sort expects; 'YYYY-MM-DD' strings order lexically. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type DateStyle = 'wareki' | 'seireki';

/**
 * A date as screens show it, following the date-style setting: '令和8年4月1日' or '2026-04-01'.
 * Accepts 'YYYY-MM-DD' or a Date (its Tokyo calendar day); empty for null or an unreadable value.
 */
export function formatScreenDate(value: string | Date | null | undefined, style: DateStyle): string {
  if (value === null || value === undefined || value === '') return '';
  const isoDate = value instanceof Date ? todayInTokyo(value) : value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return String(value);
  return style === 'wareki' ? toWareki(isoDate) : isoDate;
}

/** 'HH:MM' on a 24-hour clock (00:00–23:59). */
export function isClockTime(v: unknown): v is string {
  return typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
}
