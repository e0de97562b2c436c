import { parseDate } from '../../lib/dates.js';
import { parseYen } from '../../lib/money.js';

export type Direction = 'deposit' | 'withdrawal';

/** Built-in layouts; 'generic' needs a column mapping and is never picked by detection. */
export type FormatName = 'zengin' | 'csv-two-columns' | 'csv-signed' | 'csv-online' | 'yucho' | 'generic';

/** One line as a parser reads it (fingerprints are added by statement.ts). */
export interface RawLine {
  line: number;
  date: string;
  amount: number;
  direction: Direction;
  payer: string;
  reference: string | null;
  memo: string | null;
  /** 全銀協: the account the line belongs to (銀行・支店・預金種目・口座番号 of its header). */
  account?: string;
}

export interface Parsed {
  lines: RawLine[];
  periodFrom: string | null;
  periodTo: string | null;
}

/** A file that cannot be read as a statement; `line` is the 1-based line (or record) at fault. */
export class StatementError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line ? `${line}行目: ${message}` : message);
    this.name = 'StatementError';
  }
}

/** 'YYYY-MM-DD' from the usual spellings (2026/5/7, 2026-05-07, 2026年05月07日, 20260507, R8.5.7, 令和8年5月7日). */
export function readDate(s: string, line: number): string {
  // Online banks add the time of day (2026/05/07 10:15:00); the booking date is what counts.
  const d = parseDate(s.trim().replace(/[\sT]+\d{1,2}:\d{2}(?::\d{2})?$/, ''));
  if (d) return d;
  throw new StatementError(`日付「${s}」が読めません`, line);
}

/** Integer yen from '5,000', '"5,000"', '¥5,000', '-660', '△660'; null for an empty cell. */
export function readAmount(s: string | undefined, line: number): number | null {
  if (!(s ?? '').replace(/"/g, '').trim()) return null;
  const n = parseYen(s!);
  if (n === null) throw new StatementError(`金額「${s}」が読めません`, line);
  return n;
}
