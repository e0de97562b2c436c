import { csvLine, has, payerFromText, type CsvFamily } from './csv-common.js';
import { readAmount, readDate } from './types.js';

/** Bank CSV with separate お引出し / お預入れ columns; the payer is inside 摘要 after '振込 '. */
export const twoColumns: CsvFamily = {
  name: 'csv-two-columns',
  label: '銀行CSV（お引出し・お預入れの2列）',
  isHeader: (r) => has(r, '日付', '摘要', 'お引出し', 'お預入れ'),
  read(_r, col, line) {
    const dep = readAmount(col('お預入れ'), line);
    const wd = readAmount(col('お引出し'), line);
    if (dep === null && wd === null) return null;
    const memo = col('摘要');
    return csvLine(
      line,
      readDate(col('日付'), line),
      dep ?? -(wd ?? 0),
      dep ? 'deposit' : 'withdrawal',
      dep ? payerFromText(memo) : '',
      null,
      memo,
    );
  },
};
