import { decodeText, type TextEncodingName } from '../lib/text-encoding.js';
import { csvRows, CSV_FAMILIES, detectCsv, parseCsvFamily } from './formats/csv.js';
import { parseGeneric, type GenericMapping } from './formats/generic.js';
import { StatementError, type Direction, type Parsed, type RawLine } from './formats/types.js';
import { looksLikeZengin, parseZengin } from './formats/zengin.js';
import { kanaKey } from './payer-name.js';

export { StatementError, type Direction, type GenericMapping };

export interface StatementLine extends RawLine { fingerprint: string }
export interface Statement {
  format: string;
  formatLabel: string;
  encoding: TextEncodingName;
  periodFrom: string | null;
  periodTo: string | null;
  lines: StatementLine[];
}

export const FORMATS: { name: string; label: string }[] = [
  { name: 'zengin', label: '全銀協 入出金取引明細（固定長）' },
  ...CSV_FAMILIES.map((f) => ({ name: f.name, label: f.label })),
  { name: 'generic', label: 'その他のCSV（列の設定を使う）' },
];

export const formatNames = (): string[] => FORMATS.map((f) => f.name);
export const formatChoices = () => FORMATS.filter((f) => f.name !== 'generic');

/**
 * Fingerprint of a line: the bank's own reference where the format has one (with date and
 * amount, since references restart each file), else date + amount + normalised payer + the
 * occurrence of that combination within the file, so two identical transfers on one day stay two.
 */
function withFingerprints(format: string, lines: RawLine[]): StatementLine[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const base = `${l.date}|${l.direction === 'deposit' ? '+' : '-'}${l.amount}|${kanaKey(l.payer) || kanaKey(l.memo ?? '')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const fingerprint = l.reference && format === 'zengin' ? `ref|${l.date}|${l.reference}|${l.amount}` : `${base}|${n}`;
    return { ...l, fingerprint: fingerprint.slice(0, 200) };
  });
}

function refuseObviousNonStatements(bytes: Buffer): void {
  if (bytes.length === 0 || !bytes.toString('latin1').trim()) throw new StatementError('ファイルが空です');
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw new StatementError('PDFファイルは取り込めません。インターネットバンキングから「CSV」または「全銀協形式」の明細をダウンロードしてください');
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') throw new StatementError('Excelファイル（.xlsx）は取り込めません。CSV形式で保存してから取り込んでください');
  if (bytes.subarray(0, 4096).includes(0)) throw new StatementError('テキストファイルではありません。銀行の入出金明細（CSV・全銀協形式）を選んでください');
}

function notRecognised(rows: string[][]): StatementError {
  const head = rows.slice(0, 5).flat().join(',');
  if (/氏名|フリガナ|会員番号/.test(head)) return new StatementError('会員名簿のようです。銀行の入出金明細を選んでください（会員名簿は「会員の取り込み」から取り込めます）');
  return new StatementError('銀行の入出金明細として形式を判定できませんでした。形式を選ぶか、「CSVの列の設定」で列を指定してください');
}

/** Reads a statement from its bytes: encoding and format detected (or the format given). Pure. */
export function readStatement(bytes: Buffer | Uint8Array, opts: { format?: string; mapping?: GenericMapping } = {}): Statement {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  refuseObviousNonStatements(buf);
  if (opts.format && !formatNames().includes(opts.format)) throw new StatementError(`不明な形式です: ${opts.format}`);
  const { text, encoding } = decodeText(buf);
  let format = opts.format;
  let parsed: Parsed;
  if (format === 'zengin' || (!format && looksLikeZengin(buf))) {
    format = 'zengin';
    parsed = parseZengin(buf);
  } else {
    const rows = csvRows(text);
    if (format === 'generic') {
      if (!opts.mapping) throw new StatementError('「その他のCSV」には列の設定が必要です');
      parsed = parseGeneric(rows, opts.mapping);
    } else {
      const found = detectCsv(rows);
      if (!found || (format && found.family.name !== format)) throw format ? new StatementError(`選んだ形式（${FORMATS.find((f) => f.name === format)!.label}）の見出し行が見つかりません`) : notRecognised(rows);
      format = found.family.name;
      parsed = parseCsvFamily(rows, found.family, found.headerIndex);
    }
  }
  if (!parsed.lines.length) throw new StatementError('明細の行がありません');
  const dates = parsed.lines.map((l) => l.date).sort();
  return {
    format, formatLabel: FORMATS.find((f) => f.name === format)!.label, encoding: format === 'zengin' ? 'cp932' : encoding,
    periodFrom: parsed.periodFrom ?? dates[0]!, periodTo: parsed.periodTo ?? dates[dates.length - 1]!,
    lines: withFingerprints(format, parsed.lines),
  };
}

/** The generic mapping from the column-setting form (1-based column numbers, headerRow). */
export function mappingFromForm(body: Record<string, string | string[] | undefined>): GenericMapping {
  const n = (k: string) => {
    const v = Number(Array.isArray(body[k]) ? body[k]![0] : body[k]);
    return Number.isInteger(v) && v > 0 ? v : null;
  };
  const headerRow = Number(Array.isArray(body.headerRow) ? body.headerRow[0] : body.headerRow ?? 1);
  const m: GenericMapping = {
    headerRow: Number.isInteger(headerRow) && headerRow >= 0 ? headerRow : 1, date: n('date') ?? 0,
    amount: n('amount'), deposit: n('deposit'), withdrawal: n('withdrawal'), direction: n('direction'), payer: n('payer'), reference: n('reference'), memo: n('memo'),
  };
  if (!m.date || (!m.amount && !m.deposit)) throw new StatementError('「日付」と、「金額」または「入金額」の列を選んでください');
  return m;
}
