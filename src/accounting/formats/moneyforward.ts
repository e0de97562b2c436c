import { pairedRows, type JournalEntry, type JournalLine } from '../journal.js';
import { slashDate, type Cell } from './csv.js';

/** マネーフォワード クラウド会計 仕訳帳インポート: header row and 27 columns. */
export const MF_HEADER = [
  '取引No',
  '取引日',
  '借方勘定科目',
  '借方補助科目',
  '借方部門',
  '借方取引先',
  '借方税区分',
  '借方インボイス',
  '借方金額(円)',
  '借方税額',
  '貸方勘定科目',
  '貸方補助科目',
  '貸方部門',
  '貸方取引先',
  '貸方税区分',
  '貸方インボイス',
  '貸方金額(円)',
  '貸方税額',
  '摘要',
  '仕訳メモ',
  'タグ',
  'MF仕訳タイプ',
  '決算整理仕訳',
  '作成日時',
  '作成者',
  '最終更新日時',
  '最終更新者',
];

function side(l: JournalLine | null): Cell[] {
  return l ? [l.account, l.sub, '', '', l.tax, '', l.amount, 0] : ['', '', '', '', '', '', '', ''];
}

/**
 * One row per debit/credit pair; rows sharing 取引No and 取引日 form one compound entry.
 * 作成日時 and the like stay empty so the same period always gives the same bytes.
 */
export function moneyforwardRows(e: JournalEntry, no: number): Cell[][] {
  return pairedRows(e).map((r) => [
    no,
    slashDate(e.date),
    ...side(r.debit),
    ...side(r.credit),
    e.memo,
    e.ref,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
}
