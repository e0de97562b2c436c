import { parse } from 'csv-parse/sync';
import { CONTROL_CHAR_MESSAGE, controlCharLine, normalizeLineEnds } from '../../lib/text-input.js';
import { StatementError, type Parsed, type RawLine } from './types.js';
import type { CsvFamily } from './csv-common.js';
import { signed } from './csv-signed.js';
import { online } from './csv-online.js';
import { twoColumns } from './csv-two-columns.js';
import { yucho } from './yucho.js';

export type { CsvFamily } from './csv-common.js';

/** Rows of a CSV text; a quoting error names its line. */
export function csvRows(raw: string): string[][] {
  const text = normalizeLineEnds(raw);
  const bad = controlCharLine(text);
  if (bad !== null) throw new StatementError(CONTROL_CHAR_MESSAGE, bad);
  try {
    // Some banks export tab-separated text under a .csv name: the first line tells.
    const first = text.slice(0, text.search(/\r?\n|$/));
    const delimiter = first.includes('\t') && !first.includes(',') ? '\t' : ',';
    return parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? null;
    throw new StatementError(`CSVとして読めません（${(err as Error).message.split(':')[0]}）`, line);
  }
}

/** The CSV layout families, one parser file each; detected by their header row. */
export const CSV_FAMILIES: CsvFamily[] = [twoColumns, signed, online, yucho];

/** The family whose header appears in the first 30 rows, with that row's index. */
export function detectCsv(rows: string[][]): { family: CsvFamily; headerIndex: number } | null {
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const family = CSV_FAMILIES.find((f) => f.isHeader(rows[i]!));
    if (family) return { family, headerIndex: i };
  }
  return null;
}

export function parseCsvFamily(rows: string[][], family: CsvFamily, headerIndex: number): Parsed {
  const header = rows[headerIndex]!;
  const index = new Map(header.map((h, k) => [h.replace(/（.*?）|\(.*?\)/g, ''), k] as const));
  for (const [k, h] of header.entries()) if (!index.has(h)) index.set(h, k);
  const lines: RawLine[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((c) => !c)) continue;
    const col = (name: string) => {
      const k = index.get(name);
      return k === undefined ? '' : (r[k] ?? '').trim();
    };
    const l = family.read(r, col, i + 1);
    if (l) lines.push(l);
  }
  return { lines, periodFrom: null, periodTo: null };
}
