/** Calendar dates as 'YYYY-MM-DD' strings in Asia/Tokyo, and 和暦. Pure functions. */

const ERAS = [
  { name: '令和', short: 'R', start: '2019-05-01' },
  { name: '平成', short: 'H', start: '1989-01-08' },
  { name: '昭和', short: 'S', start: '1926-12-25' },
  { name: '大正', short: 'T', start: '1912-07-30' },
  { name: '明治', short: 'M', start: '1868-01-25' },
] as const;

export function todayInTokyo(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Accepts 2026/4/1, 2026-04-01, 2026.4.1, 2026年4月1日, R8.4.1, 令和8年4月1日, 令和元年… ; null if invalid. */
export function parseDate(input: string): string | null {
  const s = input.normalize('NFKC').trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/i.exec(s);
  if (!m) return null;
  const era = ERAS.find((e) => e.name === m![1] || e.short === m![1]!.toUpperCase());
  if (!era) return null;
  const year = Number(era.start.slice(0, 4)) + (m[2] === '元' ? 1 : Number(m[2])) - 1;
  const out = iso(year, Number(m[3]), Number(m[4]));
  return out && out >= era.start ? out : null;
}

export function toWareki(isoDate: string, style: 'long' | 'short' = 'long'): string {
  const era = ERAS.find((e) => isoDate >= e.start);
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (!era) return `${y}年${mo}月${d}日`;
  const n = y - Number(era.start.slice(0, 4)) + 1;
  if (style === 'short') return `${era.short}${n}.${mo}.${d}`;
  return `${era.name}${n === 1 ? '元' : n}年${mo}月${d}日`;
}

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
