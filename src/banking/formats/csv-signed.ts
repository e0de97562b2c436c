import { csvLine, has, type CsvFamily } from './csv-common.js';
import { readAmount, readDate, type Direction } from './types.js';

/** Bank CSV with 入出金区分, one 金額 column and 振込依頼人名, after an account preamble; ends with a total line. */
export const signed: CsvFamily = {
  name: 'csv-signed',
  label: '銀行CSV（入出金区分・金額・振込依頼人名）',
  isHeader: (r) => has(r, '取引日', '入出金区分', '金額', '振込依頼人名'),
  read(r, col, line) {
    if (/^合計|^計$/.test(r[0] ?? '') || !col('金額')) return null;
    const amount = readAmount(col('金額'), line)!;
    const kubun = col('入出金区分');
    const dir: Direction | null = kubun.includes('入') ? 'deposit' : kubun.includes('出') ? 'withdrawal' : null;
    return csvLine(line, readDate(col('取引日'), line), amount, dir, col('振込依頼人名'), null, col('摘要'));
  },
};
