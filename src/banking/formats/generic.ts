import { readAmount, readDate, StatementError, type Parsed, type RawLine } from './types.js';

/**
 * A column mapping saved as a named profile for a bank no built-in family knows. Columns are
 * 1-based (as staff count them on the preview); headerRow 0 means the file has no header.
 */
export interface GenericMapping {
  headerRow: number;
  date: number;
  amount?: number | null;
  deposit?: number | null;
  withdrawal?: number | null;
  direction?: number | null;
  payer?: number | null;
  reference?: number | null;
  memo?: number | null;
}

export const MAPPING_KEYS = [
  'date',
  'amount',
  'deposit',
  'withdrawal',
  'direction',
  'payer',
  'reference',
  'memo',
] as const;

export function checkMapping(m: GenericMapping): void {
  if (!m.date || (!m.amount && !m.deposit)) {
    throw new StatementError('「日付」と、「金額」または「入金額」の列を選んでください');
  }
}

export function parseGeneric(rows: string[][], m: GenericMapping): Parsed {
  checkMapping(m);
  const lines: RawLine[] = [];
  for (let i = Math.max(0, m.headerRow); i < rows.length; i++) {
    const r = rows[i]!;
    const line = i + 1;
    const cell = (c: number | null | undefined) => (c ? (r[c - 1] ?? '').trim() : '');
    if (r.every((c) => !c.trim()) || /^(合計|計)$/.test(cell(m.date))) continue;
    const dep = m.deposit ? readAmount(cell(m.deposit), line) : null;
    const wd = m.withdrawal ? readAmount(cell(m.withdrawal), line) : null;
    const signed = m.amount ? readAmount(cell(m.amount), line) : dep !== null ? dep : wd !== null ? -wd : null;
    if (signed === null) continue;
    const kubun = cell(m.direction);
    const direction = kubun.includes('出')
      ? 'withdrawal'
      : kubun.includes('入')
        ? 'deposit'
        : signed < 0
          ? 'withdrawal'
          : 'deposit';
    lines.push({
      line,
      date: readDate(cell(m.date), line),
      amount: Math.abs(signed),
      direction,
      payer: cell(m.payer),
      reference: cell(m.reference) || null,
      memo: cell(m.memo) || null,
    });
  }
  if (!lines.length) throw new StatementError('選んだ列から明細を1行も読めませんでした。列の設定を確認してください');
  return { lines, periodFrom: null, periodTo: null };
}
