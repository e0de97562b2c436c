import { parse } from 'csv-parse/sync';
import { decodeText } from '../lib/text-encoding.js';

/** The first rows of an unknown bank CSV, split into cells, for the column-mapping screen. */
export function previewRows(bytes: Buffer, max = 12): { rows: string[][]; columns: number; encoding: string } {
  const { text, encoding } = decodeText(bytes);
  let rows: string[][] = [];
  try {
    rows = parse(
      text
        .split(/\r?\n/)
        .slice(0, max * 2)
        .join('\n'),
      { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true },
    ) as string[][];
  } catch {
    rows = text
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => l.split(','));
  }
  rows = rows.slice(0, max);
  return { rows, columns: Math.max(0, ...rows.map((r) => r.length)), encoding };
}
