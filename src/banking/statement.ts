import { decodeText, encodeCp932, type TextEncodingName } from '../lib/text-encoding.js';
import { CONTROL_CHAR_MESSAGE, controlCharLine, normalizeLineEnds } from '../lib/text-input.js';
import { previewRows } from './csv-preview.js';
import { csvRows, CSV_FAMILIES, detectCsv, parseCsvFamily } from './formats/csv.js';
import { parseGeneric, type GenericMapping } from './formats/generic.js';
import { StatementError, type Direction, type FormatName, type Parsed, type RawLine } from './formats/types.js';
import { parseZengin } from './formats/zengin.js';
import { kanaKey } from './payer-name.js';

export { StatementError, type Direction, type FormatName, type GenericMapping };

export interface StatementLine extends RawLine {
  fingerprint: string;
}
export interface Statement {
  format: FormatName;
  formatLabel: string;
  encoding: TextEncodingName;
  periodFrom: string | null;
  periodTo: string | null;
  lines: StatementLine[];
}

export const FORMATS: { name: FormatName; label: string }[] = [
  { name: 'zengin', label: '全銀協 入出金取引明細（固定長）' },
  ...CSV_FAMILIES.map((f) => ({ name: f.name, label: f.label })),
  { name: 'generic', label: 'その他のCSV（列の設定を使う）' },
];

export const formatNames = (): string[] => FORMATS.map((f) => f.name);
const isFormat = (s: string): s is FormatName => formatNames().includes(s);
export const formatChoices = () => FORMATS.filter((f) => f.name !== 'generic');

/**
 * Fingerprint of a line: the bank's own reference where the format has one (with date and
 * amount, since references restart each file), else date + amount + normalised payer + the
 * occurrence of that combination within the file, so two identical transfers on one day stay two.
 */
function withFingerprints(format: FormatName, lines: RawLine[]): StatementLine[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const base = `${l.date}|${l.direction === 'deposit' ? '+' : '-'}${l.amount}|${kanaKey(l.payer) || kanaKey(l.memo ?? '')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const fingerprint =
      l.reference && format === 'zengin' ? `ref|${l.date}|${l.reference}|${l.amount}` : `${base}|${n}`;
    return { ...l, fingerprint: fingerprint.slice(0, 200) };
  });
}

function refuseObviousNonStatements(bytes: Buffer): void {
  if (bytes.length === 0 || !bytes.toString('latin1').trim()) throw new StatementError('ファイルが空です');
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    throw new StatementError(
      'PDFファイルは取り込めません。インターネットバンキングから「CSV」または「全銀協形式」の明細をダウンロードしてください',
    );
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004')
    throw new StatementError('Excelファイル（.xlsx）は取り込めません。CSV形式で保存してから取り込んでください');
  if (bytes.subarray(0, 4096).includes(0))
    throw new StatementError('テキストファイルではありません。銀行の入出金明細（CSV・全銀協形式）を選んでください');
}

function notRecognised(rows: string[][]): StatementError {
  const head = rows.slice(0, 5).flat().join(',');
  if (/氏名|フリガナ|会員番号/.test(head))
    return new StatementError(
      '会員名簿のようです。銀行の入出金明細を選んでください（会員名簿は「会員の取り込み」から取り込めます）',
    );
  return new StatementError(
    '銀行の入出金明細として形式を判定できませんでした。形式を選ぶか、「CSVの列の設定」で列を指定してください',
  );
}

/** Decoded text with control characters or undecodable bytes is a binary file (image, archive…), not a statement. */
function refuseBinaryText(text: string): void {
  const head = text.slice(0, 4096);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control bytes is how a binary file is told from text
  const bad = (head.match(/[\x00-\x08\x0B\x0C\x0E-\x19\x1B-\x1F\x7F\uFFFD]/g) ?? []).length;
  if (bad > Math.max(2, head.length / 100))
    throw new StatementError('テキストファイルではありません。銀行の入出金明細（CSV・全銀協形式）を選んでください');
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
    if (!mapping) throw new StatementError('「その他のCSV」には列の設定が必要です');
    return { format, parsed: parseGeneric(rows, mapping) };
  }
  const found = detectCsv(rows);
  if (!found || (format && found.family.name !== format))
    throw format
      ? new StatementError(`選んだ形式（${FORMATS.find((f) => f.name === format)!.label}）の見出し行が見つかりません`)
      : notRecognised(rows);
  return { format: found.family.name, parsed: parseCsvFamily(rows, found.family, found.headerIndex) };
}

/** Reads a statement from its bytes: encoding and format detected (or the format given). Pure. */
export function readStatement(
  bytes: Buffer | Uint8Array,
  opts: { format?: FormatName; mapping?: GenericMapping } = {},
): Statement {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  refuseObviousNonStatements(buf);
  if (opts.format && !isFormat(opts.format)) throw new StatementError(`不明な形式です: ${String(opts.format)}`);
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
    ({ format, parsed } = parseCsv(text, opts.format, opts.mapping));
  }
  // A zero line (a balance or a note row some banks add) is neither a deposit nor a withdrawal.
  const lines = parsed.lines.filter((l) => l.amount > 0);
  if (!lines.length) throw new StatementError('明細の行がありません');
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
  if (!m.date || (!m.amount && !m.deposit))
    throw new StatementError('「日付」と、「金額」または「入金額」の列を選んでください');
  return m;
}
