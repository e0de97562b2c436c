import t from 'tap';
import { foldKanjiVariants } from '../../src/lib/kanji-variants.js';

t.test(
  'foldKanjiVariants gives the everyday form of common 異体字 in names, and leaves other text alone',
  async (t) => {
    const cases: [string, string][] = [
      ['髙橋', '高橋'],
      ['高橋', '高橋'],
      ['山﨑', '山崎'],
      ['山嵜', '山崎'],
      ['渡邊', '渡辺'],
      ['渡邉', '渡辺'],
      ['齋藤', '斎藤'],
      ['齊藤', '斎藤'],
      ['斉藤', '斎藤'],
      ['澤田', '沢田'],
      ['濱田', '浜田'],
      ['濵田', '浜田'],
      ['德川', '徳川'],
      ['槇原', '槙原'],
      ['國分', '国分'],
      ['櫻井', '桜井'],
      ['廣瀬', '広瀬'],
      ['冨田', '富田'],
      ['籠谷', '篭谷'],
      ['𠮷田', '吉田'],
      ['嶋田', '島田'],
      ['舘野', '館野'],
      ['\uFA19田', '神田'],
      ['山田 太郎', '山田 太郎'],
      ['ヤマダ', 'ヤマダ'],
      ['taro@example.jp', 'taro@example.jp'],
      ['', ''],
    ];
    for (const [input, expected] of cases) t.equal(foldKanjiVariants(input), expected, input);
  },
);
