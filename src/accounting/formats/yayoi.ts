import { pairedRows, type JournalEntry, type JournalLine } from '../journal.js';
import { slashDate, type Cell } from './csv.js';

function side(l: JournalLine | null): Cell[] {
  return l ? [l.account, l.sub, '', l.tax, l.amount, 0] : ['', '', '', '', '', ''];
}

/** 識別フラグ: 2000 a one-line entry; a slip of several lines 2110 (first), 2100 (middle), 2101 (last). */
export function yayoiFlag(index: number, count: number): string {
  if (count === 1) return '2000';
  return index === 0 ? '2110' : index === count - 1 ? '2101' : '2100';
}

/**
 * 弥生会計 インポート形式 (no header, 25 columns): 識別フラグ, 伝票No, 決算, 取引日付, 借方 ×6,
 * 貸方 ×6, 摘要, 番号, 期日, タイプ (0), 生成元, 仕訳メモ, 付箋1, 付箋2, 調整 (no).
 */
export function yayoiRows(e: JournalEntry, no: number): Cell[][] {
  const rows = pairedRows(e);
  return rows.map((r, i) => [
    yayoiFlag(i, rows.length),
    no,
    '',
    slashDate(e.date),
    ...side(r.debit),
    ...side(r.credit),
    e.memo,
    '',
    '',
    0,
    '',
    e.ref,
    0,
    0,
    'no',
  ]);
}
