import { csvCell } from '../../lib/csv-cell.js';
import iconv from 'iconv-lite';

export type Cell = string | number;

/**
 * One CSV line: a cell is quoted only when it holds a comma, a quote or a line break; a text cell
 * that could start a spreadsheet formula (a 摘要 with a member's name) is defused like every export.
 */
export function csvLine(cells: Cell[]): string {
  return cells
    .map((c) => {
      const s = csvCell(c);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/** 'YYYY-MM-DD' → 'YYYY/MM/DD', the date form all three programs read. */
export function slashDate(iso: string): string {
  return iso.replace(/-/g, '/');
}

/** Lines joined with CRLF (and a final CRLF), as UTF-8 with BOM or as Shift_JIS (cp932). */
export function encodeLines(lines: string[], encoding: 'utf-8-bom' | 'cp932'): Buffer {
  const text = lines.map((l) => l + '\r\n').join('');
  return encoding === 'cp932'
    ? iconv.encode(text, 'cp932')
    : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
