import { limitProblem } from '../lib/input-limits.js';
import { decodeText, encodeCp932, hasUtf16Bom, type TextEncodingName } from '../lib/text-encoding.js';
import { CONTROL_CHAR_MESSAGE, controlCharLine, normalizeLineEnds } from '../lib/text-input.js';
import { previewRows } from './csv-preview.js';
import { csvRows, CSV_FAMILIES, detectCsv, parseCsvFamily } from './formats/csv.js';
import { parseGeneric, type GenericMapping } from './formats/generic.js';
import { StatementError, type Direction, type FormatName, type Parsed, type RawLine } from './formats/types.js';
import { parseZengin } from './formats/zengin.js';
import { kanaKey } from './payer-name.js';
import { STATEMENT_TEXT } from './ui-text.js';

export { StatementError, type Direction, type FormatName, type GenericMapping };

export interface Statement {
  format: FormatName;
  formatLabel: string;
  encoding: TextEncodingName;
  periodFrom: string | null;
  periodTo: string | null;
  lines: StatementLine[];
}

export const FORMATS: { name: FormatName; label: string }[] = [
  { name: 'zengin', label: STATEMENT_TEXT.zenginLabel },
  ...CSV_FAMILIES.map((f) => ({ name: f.name, label: f.label })),
  { name: 'generic', label: STATEMENT_TEXT.genericLabel },
];

export const formatNames = (): string[] => FORMATS.map((f) => f.name);
const isFormat = (s: string): s is FormatName => formatNames().includes(s);
export const formatChoices = () => FORMATS.filter((f) => f.name !== 'generic');

export interface StatementLine extends RawLine {
  fingerprint: string;
  /**
   * A line of a multi-account 全銀協 file: the fingerprint it had before the account was part of it,
   * so a file imported then is still recognised (import-plan.ts).
   */
  legacyFingerprint?: string;
}

/**
 * Fingerprint of a line: the bank's own reference where the format has one (with date and
 * amount, since references restart each file), else date + amount + normalised payer + the
 * occurrence of that combination within the file, so two identical transfers on one day stay two.
 * A 全銀協 file with several accounts adds the account to the reference: 照会番号 are per account,
 * so the same number on two accounts is two deposits. A single-account file keeps the fingerprint
 * it always had (a re-upload of an old file is still known).
 */
function withFingerprints(format: FormatName, lines: RawLine[]): StatementLine[] {
  const seen = new Map<string, number>();
  const multiAccount = format === 'zengin' && new Set(lines.map((l) => l.account ?? '')).size > 1;
  return lines.map((l) => {
    const base = `${l.date}|${l.direction === 'deposit' ? '+' : '-'}${l.amount}|${kanaKey(l.payer) || kanaKey(l.memo ?? '')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (!(l.reference && format === 'zengin')) return { ...l, fingerprint: `${base}|${n}`.slice(0, 200) };
    const single = `ref|${l.date}|${l.reference}|${l.amount}`.slice(0, 200);
    if (!multiAccount) return { ...l, fingerprint: single };
    return {
      ...l,
      fingerprint: `ref|${l.account}|${l.date}|${l.reference}|${l.amount}`.slice(0, 200),
      legacyFingerprint: single,
    };
  });
}

/**
 * A month's statement of a small office is a few hundred lines; these limits are far above any
 * real one and keep a hostile or mistaken file from holding the server (defects 1 and 7). The
 * matcher sees at most `field` characters of a payer name.
 */
export const STATEMENT_LIMITS = { bytes: 10 * 1024 * 1024, lines: 100_000, lineLength: 2_000, field: 200 };

function refuseOverLimit(byteLength: number, text: string | null): void {
  const p = limitProblem(byteLength, text, STATEMENT_LIMITS);
  if (!p) return;
  if (p.kind === 'bytes') throw new StatementError(STATEMENT_TEXT.tooLarge(p.limit / 1024 / 1024));
  if (p.kind === 'lines') throw new StatementError(STATEMENT_TEXT.tooManyLines(p.found, p.limit));
  throw new StatementError(STATEMENT_TEXT.lineTooLong(p.limit), p.line);
}

function refuseObviousNonStatements(bytes: Buffer): void {
  if (bytes.length === 0 || !bytes.toString('latin1').trim()) throw new StatementError(STATEMENT_TEXT.empty);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw new StatementError(STATEMENT_TEXT.pdf);
  if (hasUtf16Bom(bytes)) throw new StatementError(STATEMENT_TEXT.utf16);
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') throw new StatementError(STATEMENT_TEXT.xlsx);
  if (bytes.subarray(0, 4096).includes(0)) throw new StatementError(STATEMENT_TEXT.notText);
}

function notRecognised(rows: string[][]): StatementError {
  const head = rows.slice(0, 5).flat().join(',');
  if (/氏名|フリガナ|会員番号/.test(head)) return new StatementError(STATEMENT_TEXT.memberList);
  return new StatementError(STATEMENT_TEXT.unknownFormat);
}

/** Decoded text with control characters or undecodable bytes is a binary file (image, archive…), not a statement. */
function refuseBinaryText(text: string): void {
  const head = text.slice(0, 4096);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control bytes is how a binary file is told from text
  const bad = (head.match(/[\x00-\x08\x0B\x0C\x0E-\x19\x1B-\x1F\x7F\uFFFD]/g) ?? []).length;
  if (bad > Math.max(2, head.length / 100)) throw new StatementError(STATEMENT_TEXT.notText);
}

/**
 * 全銀協 files are parsed as Shift_JIS bytes (fixed byte offsets). One saved as UTF-8 (an editor
 * converted it) is turned back into Shift_JIS first, else each half-width kana would take 3 bytes.
 */
function zenginBytes(buf: Buffer, text: string, encoding: TextEncodingName): Buffer {
  return encoding === 'cp932' ? buf : encodeCp932(text);
}

function parseCsv(
  text: string,
  format: FormatName | undefined,
  mapping: GenericMapping | undefined,
): { format: FormatName; parsed: Parsed } {
  let rows: string[][];
  try {
    rows = csvRows(text);
  } catch (err) {
    // Broken quoting in a file with no statement words at all (JSON, prose) is just not a statement.
    if (!format && !/日付|取引日|入金|出金|金額|預入|受入/.test(text.slice(0, 3000))) throw notRecognised([]);
    throw err;
  }
  if (format === 'generic') {
    if (!mapping) throw new StatementError(STATEMENT_TEXT.genericNeedsMapping);
    return { format, parsed: parseGeneric(rows, mapping) };
  }
  const found = detectCsv(rows);
  if (!found || (format && found.family.name !== format))
    throw format
      ? new StatementError(STATEMENT_TEXT.noHeader(FORMATS.find((f) => f.name === format)!.label))
      : notRecognised(rows);
  return { format: found.family.name, parsed: parseCsvFamily(rows, found.family, found.headerIndex) };
}

/**
 * The checks that need no format: too large, empty, a PDF, an Excel book, UTF-16, binary. The
 * column-mapping page runs them before it shows a sample, so such a file is refused at once there too.
 */
export function refuseNonStatement(bytes: Buffer): void {
  refuseOverLimit(bytes.byteLength, null);
  refuseObviousNonStatements(bytes);
  refuseBinaryText(decodeText(bytes).text);
}

/** Reads a statement from its bytes: encoding and format detected (or the format given). Pure. */
export function readStatement(
  bytes: Buffer | Uint8Array,
  opts: { format?: FormatName; mapping?: GenericMapping } = {},
): Statement {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  refuseOverLimit(buf.byteLength, null);
  refuseObviousNonStatements(buf);
  if (opts.format && !isFormat(opts.format))
    throw new StatementError(STATEMENT_TEXT.badFormatName(String(opts.format)));
  const { text, encoding } = decodeText(buf);
  refuseBinaryText(text);
  // The DOS end-of-file mark (0x1A) some 全銀協 exports end with is not data.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the end-of-file mark is a control character
  const bad = controlCharLine(normalizeLineEnds(text.replace(/\x1a[\s\x1a]*$/, '')));
  if (bad !== null) throw new StatementError(CONTROL_CHAR_MESSAGE, bad);
  let format: FormatName;
  let parsed: Parsed;
  if (opts.format === 'zengin' || (!opts.format && /^1(03|01)\d{7}/.test(text))) {
    format = 'zengin';
    parsed = parseZengin(zenginBytes(buf, text, encoding));
  } else {
    refuseOverLimit(buf.byteLength, normalizeLineEnds(text));
    ({ format, parsed } = parseCsv(text, opts.format, opts.mapping));
  }
  for (const l of parsed.lines)
    if (l.payer.length > STATEMENT_LIMITS.field || (l.memo?.length ?? 0) > STATEMENT_LIMITS.field)
      throw new StatementError(STATEMENT_TEXT.fieldTooLong(STATEMENT_LIMITS.field), l.line);
  // A zero line (a balance or a note row some banks add) is neither a deposit nor a withdrawal.
  const lines = parsed.lines.filter((l) => l.amount > 0);
  if (!lines.length) throw new StatementError(STATEMENT_TEXT.noLines);
  const dates = lines.map((l) => l.date).sort();
  return {
    // An all-ASCII 全銀協 file decodes as UTF-8 too; its character set is still JIS-8 / Shift_JIS.
    format,
    formatLabel: FORMATS.find((f) => f.name === format)!.label,
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control bytes included
    encoding: format === 'zengin' && !/[^\x00-\x7f]/.test(text) ? 'cp932' : encoding,
    periodFrom: parsed.periodFrom ?? dates[0]!,
    periodTo: parsed.periodTo ?? dates[dates.length - 1]!,
    lines: withFingerprints(format, lines),
  };
}

/** The first rows of a CSV, split into cells and decoded, for the column-mapping screen. */
export function previewCsv(bytes: Buffer | Uint8Array, maxRows = 10): { encoding: TextEncodingName; rows: string[][] } {
  const { rows, encoding } = previewRows(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), maxRows);
  return { encoding: encoding as TextEncodingName, rows };
}

/** The generic mapping from the column-setting form (1-based column numbers, headerRow). */
export function mappingFromForm(body: Record<string, string | string[] | undefined>): GenericMapping {
  const n = (k: string) => {
    const v = Number(Array.isArray(body[k]) ? body[k]![0] : body[k]);
    return Number.isInteger(v) && v > 0 ? v : null;
  };
  const headerRow = Number(Array.isArray(body.headerRow) ? body.headerRow[0] : (body.headerRow ?? 1));
  const m: GenericMapping = {
    headerRow: Number.isInteger(headerRow) && headerRow >= 0 ? headerRow : 1,
    date: n('date') ?? 0,
    amount: n('amount'),
    deposit: n('deposit'),
    withdrawal: n('withdrawal'),
    direction: n('direction'),
    payer: n('payer'),
    reference: n('reference'),
    memo: n('memo'),
  };
  if (!m.date || (!m.amount && !m.deposit)) throw new StatementError(STATEMENT_TEXT.mappingRequired);
  return m;
}
