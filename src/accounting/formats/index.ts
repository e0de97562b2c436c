import type { JournalEntry } from '../journal.js';
import type { AccountingFormat } from '../ui-text.js';
import { csvLine, encodeLines } from './csv.js';
import { FREEE_HEADER, freeeRows } from './freee.js';
import { MF_HEADER, moneyforwardRows } from './moneyforward.js';
import { yayoiRows } from './yayoi.js';

export const COLUMN_COUNTS: Record<AccountingFormat, number> = { freee: 21, moneyforward: 27, yayoi: 25 };

/** Entries (already in period order) → the rows of one format; slips are numbered 1, 2, … in the file. */
export function formatRows(format: AccountingFormat, entries: JournalEntry[]): (string | number)[][] {
  if (format === 'freee') return entries.flatMap((e) => freeeRows(e));
  if (format === 'moneyforward') return entries.flatMap((e, i) => moneyforwardRows(e, i + 1));
  return entries.flatMap((e, i) => yayoiRows(e, i + 1));
}

/**
 * The file's bytes. 弥生: Shift_JIS (cp932), CRLF, no header, as its import requires.
 * freee and MF read UTF-8; a BOM lets Excel open the same file without garbling.
 */
export function journalFile(format: AccountingFormat, entries: JournalEntry[]): Buffer {
  const rows = formatRows(format, entries);
  const header = format === 'freee' ? [FREEE_HEADER] : format === 'moneyforward' ? [MF_HEADER] : [];
  return encodeLines([...header, ...rows].map(csvLine), format === 'yayoi' ? 'cp932' : 'utf-8-bom');
}
