import t from 'tap';
import { toKanjiDigits, toKanjiNumber, toKanjiNumerals } from '../../src/lib/kanji-numerals.js';

t.test('numbers are written positionally in 漢数字, with 〇 for zero and no 一 before 十, 百 or 千', async (t) => {
  const cases: [number, string][] = [
    [0, '〇'], [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [15, '十五'], [20, '二十'], [31, '三十一'], [100, '百'],
    [101, '百一'], [110, '百十'], [1000, '千'], [2026, '二千二十六'], [3000, '三千'], [5000, '五千'], [10000, '一万'],
    [12345, '一万二千三百四十五'], [100000, '十万'], [1000000, '百万'], [10000000, '千万'], [100000000, '一億'], [100010000, '一億一万'],
  ];
  for (const [n, kanji] of cases) t.equal(toKanjiNumber(n), kanji, `${n}`);
  t.throws(() => toKanjiNumber(-1), RangeError);
  t.throws(() => toKanjiNumber(1.5), RangeError);
});

t.test('digit by digit for years, room numbers and postal codes', async (t) => {
  const cases: [string, string][] = [['2026', '二〇二六'], ['101', '一〇一'], ['160-0022', '一六〇―〇〇二二'], ['０３', '〇三']];
  for (const [s, kanji] of cases) t.equal(toKanjiDigits(s), kanji, s);
});

t.test('numbers inside a sentence follow how each is read', async (t) => {
  const cases: [string, string, ('positional' | 'digits')?][] = [
    ['5,000円', '五千円'], ['12,345円', '一万二千三百四十五円'], ['令和8年4月10日', '令和八年四月十日'], ['2026年度', '二〇二六年度'],
    ['2026年5月1日', '二〇二六年五月一日'], ['新宿1-2-3', '新宿一―二―三'], ['0120番', '〇一二〇番'], ['第3回', '第三回'],
    ['数字なし', '数字なし'], ['１０日', '十日'], ['エニシビル101号室', 'エニシビル一〇一号室', 'digits'], ['新宿12-3', '新宿一二―三', 'digits'],
  ];
  for (const [s, kanji, mode] of cases) t.equal(toKanjiNumerals(s, mode), kanji, `${s} (${mode ?? 'positional'})`);
});
