import t from 'tap';
import { toBankKana } from '../../src/lib/kana.js';

t.test('a member kana becomes the payer name a bank statement shows', async (t) => {
  const cases: [string, string][] = [
    ['ヤマダ タロウ', 'ﾔﾏﾀﾞﾀﾛｳ'], ['やまだ　じゅんぺい', 'ﾔﾏﾀﾞｼﾞﾕﾝﾍﾟｲ'], ['サトウショウテン', 'ｻﾄｳｼﾖｳﾃﾝ'], ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞﾀﾛｳ'],
    ['ヴァイオリン・パーク', 'ｳﾞｱｲｵﾘﾝﾊﾟｰｸ'], ['ハットリ', 'ﾊﾂﾄﾘ'], ['', ''],
  ];
  for (const [kana, bank] of cases) t.equal(toBankKana(kana), bank, kana);
});
