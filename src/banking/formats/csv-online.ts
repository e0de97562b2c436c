import { csvLine, has, payerFromText, type CsvFamily } from './csv-common.js';
import { readAmount, readDate } from './types.js';

/** Online-bank CSV (UTF-8 with BOM): 取引日, 内容 (payer after '振込＊'), 入金額, 出金額. */
export const online: CsvFamily = {
  name: 'csv-online',
  label: 'ネット銀行CSV（取引日・内容・入金額・出金額）',
  isHeader: (r) => has(r, '取引日', '内容', '入金額', '出金額'),
  read(_r, col, line) {
    const dep = readAmount(col('入金額'), line);
    const wd = readAmount(col('出金額'), line);
    if (dep === null && wd === null) return null;
    const text = col('内容');
    return csvLine(
      line,
      readDate(col('取引日'), line),
      dep ?? -(wd ?? 0),
      dep ? 'deposit' : 'withdrawal',
      dep ? payerFromText(text) : '',
      null,
      [text, col('メモ')].filter(Boolean).join(' '),
    );
  },
};
