import { parse } from 'csv-parse/sync';
import { readAmount, readDate, StatementError, type Direction, type FormatName, type Parsed, type RawLine } from './types.js';

/** Rows of a CSV text; a quoting error names its line. */
export function csvRows(text: string): string[][] {
  try {
    // Some banks export tab-separated text under a .csv name: the first line tells.
    const first = text.slice(0, text.search(/\r?\n|$/));
    const delimiter = first.includes('\t') && !first.includes(',') ? '\t' : ',';
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? null;
    throw new StatementError(`CSVとして読めません（${(err as Error).message.split(':')[0]}）`, line);
  }
}

/** What one CSV layout family needs: how to find its header row and read a data row. */
export interface CsvFamily {
  name: FormatName;
  label: string;
  /** True when this row is the family's header. */
  isHeader(row: string[]): boolean;
  /** One data row (header given as column index by name); null = not a transaction (total line). */
  read(row: string[], col: (name: string) => string, line: number): RawLine | null;
}

/** The payer inside a 摘要/内容 text: after '振込 ', '振込＊', 'ﾌﾘｺﾐ ' …; the whole text otherwise. */
export function payerFromText(s: string): string {
  const m = /^(?:振込|ﾌﾘｺﾐ|フリコミ)[\s　＊*:：]+(.+)$/.exec(s.trim());
  return (m ? m[1]! : s).trim();
}

function row(line: number, date: string, signed: number, dir: Direction | null, payer: string, reference: string | null, memo: string | null): RawLine {
  return { line, date, amount: Math.abs(signed), direction: dir ?? (signed < 0 ? 'withdrawal' : 'deposit'), payer, reference, memo: memo || null };
}

const has = (r: string[], ...names: string[]) => names.every((n) => r.includes(n));

export const CSV_FAMILIES: CsvFamily[] = [
  {
    name: 'csv-two-columns', label: '銀行CSV（お引出し・お預入れの2列）',
    isHeader: (r) => has(r, '日付', '摘要', 'お引出し', 'お預入れ'),
    read(r, col, line) {
      const dep = readAmount(col('お預入れ'), line);
      const wd = readAmount(col('お引出し'), line);
      if (dep === null && wd === null) return null;
      const memo = col('摘要');
      return row(line, readDate(col('日付'), line), dep ?? -(wd ?? 0), dep ? 'deposit' : 'withdrawal', dep ? payerFromText(memo) : '', null, memo);
    },
  },
  {
    name: 'csv-signed', label: '銀行CSV（入出金区分・金額・振込依頼人名）',
    isHeader: (r) => has(r, '取引日', '入出金区分', '金額', '振込依頼人名'),
    read(r, col, line) {
      if (/^合計|^計$/.test(r[0] ?? '') || !col('金額')) return null;
      const amount = readAmount(col('金額'), line)!;
      const kubun = col('入出金区分');
      const dir: Direction | null = kubun.includes('入') ? 'deposit' : kubun.includes('出') ? 'withdrawal' : null;
      return row(line, readDate(col('取引日'), line), amount, dir, col('振込依頼人名'), null, col('摘要'));
    },
  },
  {
    name: 'csv-online', label: 'ネット銀行CSV（取引日・内容・入金額・出金額）',
    isHeader: (r) => has(r, '取引日', '内容', '入金額', '出金額'),
    read(r, col, line) {
      const dep = readAmount(col('入金額'), line);
      const wd = readAmount(col('出金額'), line);
      if (dep === null && wd === null) return null;
      const text = col('内容');
      return row(line, readDate(col('取引日'), line), dep ?? -(wd ?? 0), dep ? 'deposit' : 'withdrawal', dep ? payerFromText(text) : '', null, [text, col('メモ')].filter(Boolean).join(' '));
    },
  },
  {
    // ゆうちょダイレクトの入出金明細 / 振替口座の受払い: 受入金額・払出金額, the payer and 通信欄 in 詳細 columns.
    name: 'yucho', label: 'ゆうちょ銀行（受入金額・払出金額）',
    isHeader: (r) => r.some((c) => c.startsWith('受入金額')) && r.some((c) => c.startsWith('払出金額')),
    read(r, col, line) {
      const dep = readAmount(col('受入金額'), line);
      const wd = readAmount(col('払出金額'), line);
      if (dep === null && wd === null) return null;
      const payer = col('払込人氏名') || col('依頼人名') || col('詳細１') || col('詳細1');
      const memo = [col('通信欄'), col('詳細２') || col('詳細2')].filter(Boolean).join(' ');
      return row(line, readDate(col('取扱日付') || col('日付') || col('取引日'), line), dep ?? -(wd ?? 0), dep ? 'deposit' : 'withdrawal', dep ? payerFromText(payer) : '', col('受付番号') || null, memo);
    },
  },
];

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
