import { csvCellText } from '../../lib/csv-cell.js';
import { parse } from 'csv-parse/sync';
import { limitProblem } from '../../lib/input-limits.js';
import { decodeText, hasUtf16Bom, type TextEncodingName } from '../../lib/text-encoding.js';
import { CONTROL_CHAR_MESSAGE, controlCharLine, normalizeLineEnds } from '../../lib/text-input.js';
import { IMPORT_TEXT } from './ui-text.js';

export interface CsvTable {
  header: string[];
  records: { line: number; cells: string[] }[];
  encoding: TextEncodingName;
}

/** Thrown for a file that cannot be read as a table at all (the message is for staff). */
export class ImportFileError extends Error {
  /** The file's line the message names (a control character, an over-long line); else the header's, 1. */
  constructor(
    message: string,
    readonly line = 1,
  ) {
    super(message);
  }
}

/**
 * Far above any real member list of a small office (a few thousand rows), and low enough that a
 * mistaken or hostile file (200,000 rows, a 10 MB cell) is refused before it is parsed (defect 7).
 */
export const MEMBER_FILE_LIMITS = { bytes: 10 * 1024 * 1024, lines: 50_000, lineLength: 20_000 };

function refuseOverLimit(byteLength: number, text: string | null): void {
  const p = limitProblem(byteLength, text, MEMBER_FILE_LIMITS);
  if (!p) return;
  if (p.kind === 'bytes') throw new ImportFileError(IMPORT_TEXT.tooLarge(p.limit / 1024 / 1024));
  if (p.kind === 'lines') throw new ImportFileError(IMPORT_TEXT.tooManyLines(p.found, p.limit));
  throw new ImportFileError(IMPORT_TEXT.lineTooLong(p.line, p.limit), p.line);
}

/**
 * Reads the bytes Excel writes ("CSV UTF-8" with BOM, or plain "CSV" in Shift_JIS/CP932) into
 * a header and records with their line numbers. Tab-separated text (pasted from Excel) works too.
 */
export function readCsvTable(buf: Buffer): CsvTable {
  refuseOverLimit(buf.byteLength, null);
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') throw new ImportFileError(IMPORT_TEXT.pdf);
  if (hasUtf16Bom(buf)) throw new ImportFileError(IMPORT_TEXT.utf16);
  const decoded = decodeText(buf);
  const { encoding } = decoded;
  // A BOM inside the text (two exports pasted together, an editor's stray mark) is an invisible
  // character that would end up in a name and keep it from ever being found: it is not data.
  const text = normalizeLineEnds(decoded.text).replace(/\uFEFF/g, '');
  refuseOverLimit(buf.byteLength, text);
  const bad = controlCharLine(text);
  if (bad !== null) throw new ImportFileError(IMPORT_TEXT.controlChar(bad, CONTROL_CHAR_MESSAGE), bad);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      bom: true,
    }) as unknown as typeof rows;
  } catch (err) {
    throw new ImportFileError(IMPORT_TEXT.notCsv((err as Error).message.split('\n')[0]!));
  }
  const [head, ...body] = rows;
  if (!head) throw new ImportFileError(IMPORT_TEXT.emptyFile);
  const records = body
    .filter((r) => r.record.some((c) => c.trim() !== ''))
    // A cell our own export defused of a formula ('=…, '+81…) reads as the text it stood for.
    .map((r) => ({ line: r.info.lines, cells: r.record.map(csvCellText) }));
  return { header: head.record.map((h) => h.trim()), records, encoding };
}
