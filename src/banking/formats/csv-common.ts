/** What every CSV layout family shares: its shape, and small readers for its cells. */
import type { Direction, FormatName, RawLine } from './types.js';

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

export function csvLine(
  line: number,
  date: string,
  signed: number,
  dir: Direction | null,
  payer: string,
  reference: string | null,
  memo: string | null,
): RawLine {
  return {
    line,
    date,
    amount: Math.abs(signed),
    direction: dir ?? (signed < 0 ? 'withdrawal' : 'deposit'),
    payer,
    reference,
    memo: memo || null,
  };
}

export const has = (r: string[], ...names: string[]) => names.every((n) => r.includes(n));
