import { csvLine, payerFromText, type CsvFamily } from './csv-common.js';
import { readAmount, readDate } from './types.js';

/**
 * ゆうちょダイレクト puts the kind of transaction (振込, 払込, 振替…) in 詳細１ and the counterpart
 * in 詳細２; a 詳細１ that is only such a word names nobody. *(verify against more real exports)*
 */
const KIND_ONLY = /^(?:振込|振込み|電信振込|振替|電信振替|払込|払込み|通常払込み?|受入|入金|受取|ＡＴＭ|ATM)$/;

/**
 * ゆうちょ: 受入金額・払出金額 with the payer and 通信欄 in their own columns — the 振替口座の受払い
 * layout (取扱日付, 払込人氏名, 通信欄, 受付番号) and ゆうちょダイレクトの入出金明細 (preamble lines, then
 * 取引日 yyyyMMdd, 入出金明細ＩＤ, 受入金額（円）, 払出金額（円）, 詳細１, 詳細２, 現在（貸付）高).
 */
export const yucho: CsvFamily = {
  name: 'yucho',
  label: 'ゆうちょ銀行（受入金額・払出金額）',
  isHeader: (r) => r.some((c) => c.startsWith('受入金額')) && r.some((c) => c.startsWith('払出金額')),
  read(_r, col, line) {
    const dep = readAmount(col('受入金額'), line);
    const wd = readAmount(col('払出金額'), line);
    if (dep === null && wd === null) return null;
    const detail1 = col('詳細１') || col('詳細1');
    const detail2 = col('詳細２') || col('詳細2');
    const kindOnly = KIND_ONLY.test(detail1) && !!detail2;
    const payer = col('払込人氏名') || col('依頼人名') || (kindOnly ? detail2 : payerFromText(detail1));
    const memo = [col('通信欄'), kindOnly ? detail1 : detail2].filter(Boolean).join(' ');
    return csvLine(
      line,
      readDate(col('取扱日付') || col('日付') || col('取引日'), line),
      dep ?? -(wd ?? 0),
      dep ? 'deposit' : 'withdrawal',
      dep ? payerFromText(payer) : '',
      col('受付番号') || col('入出金明細ＩＤ') || col('入出金明細ID') || null,
      memo,
    );
  },
};
