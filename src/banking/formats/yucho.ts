import { csvLine, payerFromText, type CsvFamily } from './csv-common.js';
import { readAmount, readDate } from './types.js';

/** ゆうちょダイレクトの入出金明細 / 振替口座の受払い: 受入金額・払出金額, the payer and 通信欄 in their own columns. */
export const yucho: CsvFamily = {
  name: 'yucho',
  label: 'ゆうちょ銀行（受入金額・払出金額）',
  isHeader: (r) => r.some((c) => c.startsWith('受入金額')) && r.some((c) => c.startsWith('払出金額')),
  read(_r, col, line) {
    const dep = readAmount(col('受入金額'), line);
    const wd = readAmount(col('払出金額'), line);
    if (dep === null && wd === null) return null;
    const payer = col('払込人氏名') || col('依頼人名') || col('詳細１') || col('詳細1');
    const memo = [col('通信欄'), col('詳細２') || col('詳細2')].filter(Boolean).join(' ');
    return csvLine(
      line,
      readDate(col('取扱日付') || col('日付') || col('取引日'), line),
      dep ?? -(wd ?? 0),
      dep ? 'deposit' : 'withdrawal',
      dep ? payerFromText(payer) : '',
      col('受付番号') || null,
      memo,
    );
  },
};
