import type { JournalEntry, JournalLine } from '../journal.js';
import { slashDate, type Cell } from './csv.js';

/** freee 取引インポート: header row and 21 columns. */
export const FREEE_HEADER = [
  '収支区分',
  '管理番号',
  '発生日',
  '決済期日',
  '取引先コード',
  '取引先',
  '勘定科目',
  '税区分',
  '金額',
  '税計算区分',
  '税額',
  '備考',
  '品目',
  '部門',
  'メモタグ（複数指定可、カンマ区切り）',
  'セグメント1',
  'セグメント2',
  'セグメント3',
  '決済日',
  '決済口座',
  '決済金額',
];

/**
 * A freee 取引 is income or expense settled through one account (決済口座). The cash line of
 * the entry becomes the settlement; every other line is a detail row (明細). A receipt is 収入;
 * a reversal (cash on the credit side) is 支出. Detail lines on the cash side count negative:
 * the fee of a fee-short transfer is a minus 明細 in the 収入 取引, so 明細 sum = 決済金額.
 * Continuation rows leave 収支区分, 管理番号, 発生日 and the settlement columns empty, which
 * freee reads as more 明細 of the same 取引. An entry without cash (credit used) has no settlement.
 */
export function freeeRows(e: JournalEntry): Cell[][] {
  const cash = e.lines.find((l) => l.role === 'cash') ?? null;
  const income = !cash || cash.side === 'debit';
  const detailSide = income ? 'credit' : 'debit';
  // The income (or, for a reversal, expense) lines first, the minus lines after them.
  const others = e.lines.filter((l) => l !== cash);
  const details = [...others.filter((l) => l.side === detailSide), ...others.filter((l) => l.side !== detailSide)];
  const signed = (l: JournalLine) => (l.side === detailSide ? l.amount : -l.amount);
  return details.map((l, i) => {
    const first = i === 0;
    return [
      first ? (income ? '収入' : '支出') : '',
      first ? e.ref : '',
      first ? slashDate(e.date) : '',
      '',
      '',
      '',
      l.account,
      l.tax,
      signed(l),
      '内税',
      0,
      first ? e.memo : '',
      l.sub,
      '',
      '',
      '',
      '',
      '',
      first && cash ? slashDate(e.date) : '',
      first && cash ? [cash.account, cash.sub].filter(Boolean).join(' ') : '',
      first && cash ? cash.amount : '',
    ];
  });
}
