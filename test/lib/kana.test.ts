import t from 'tap';
import {
  isKatakanaName,
  kanaSearchKey,
  normalizeKanaName,
  normalizeSpaces,
  normalizeText,
  toFullKatakana,
} from '../../src/lib/kana.js';

t.test('toFullKatakana turns hiragana and half-width kana into full-width katakana', async (t) => {
  const cases: [string, string][] = [
    ['やまだ たろう', 'ヤマダ タロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ', 'パピプペポ'],
    ['ゔぁいおりん', 'ヴァイオリン'],
    ['か\u3099', 'ガ'], // NFD from macOS
    ['カﾞ', 'ガ'], // stray half-width voiced mark
    ['山田 太郎', '山田 太郎'],
    ['ABC 123', 'ABC 123'],
    ['', ''],
  ];
  for (const [input, expected] of cases) t.equal(toFullKatakana(input), expected, input);
});

t.test('normalizeSpaces collapses full-width spaces, tabs and runs into one space', async (t) => {
  const cases: [string, string][] = [
    ['山田\u3000太郎', '山田 太郎'],
    ['  山田 \t  太郎  ', '山田 太郎'],
    ['\u3000\u3000', ''],
    ['', ''],
  ];
  for (const [input, expected] of cases) t.equal(normalizeSpaces(input), expected, JSON.stringify(input));
});

t.test('normalizeKanaName gives full-width katakana with single spaces', async (t) => {
  const cases: [string, string][] = [
    ['やまだ\u3000たろう', 'ヤマダ タロウ'],
    [' ﾔﾏﾀﾞ  ﾀﾛｳ ', 'ヤマダ タロウ'],
    ['こ-ひ-', 'コーヒー'],
    ['コ－ヒ－', 'コーヒー'],
    ['ｺｰﾋｰ', 'コーヒー'],
    ['ジョン・スミス', 'ジョン・スミス'],
    ['ＡＢＣ１２', 'ABC12'],
    ['', ''],
  ];
  for (const [input, expected] of cases) t.equal(normalizeKanaName(input), expected, input);
});

t.test('normalizeText narrows full-width ASCII and widens half-width kana but keeps kanji and symbols', async (t) => {
  const cases: [string, string][] = [
    ['東京都千代田区１－２－３', '東京都千代田区1-2-3'],
    ['ＡＢＣビル\u3000５Ｆ', 'ABCビル 5F'],
    ['ｶﾌﾞｼｷｶﾞｲｼｬ', 'カブシキガイシャ'],
    ['髙橋 ①', '髙橋 ①'],
    ['㈱エニシ', '㈱エニシ'],
    ['カタカナ', 'カタカナ'],
    ['  ', ''],
  ];
  for (const [input, expected] of cases) t.equal(normalizeText(input), expected, input);
});

t.test('kanaSearchKey removes spaces and middle dots from the katakana form', async (t) => {
  const cases: [string, string][] = [
    ['やまだ た', 'ヤマダタ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    ['ジョン・スミス', 'ジョンスミス'],
    ['ｼﾞｮﾝ･ｽﾐｽ', 'ジョンスミス'],
    ['', ''],
  ];
  for (const [input, expected] of cases) t.equal(kanaSearchKey(input), expected, input);
});

t.test('isKatakanaName accepts only katakana, long marks, dots and spaces after normalisation', async (t) => {
  const cases: [string, boolean][] = [
    ['ヤマダ タロウ', true],
    ['やまだ たろう', true],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', true],
    ['ジョン・スミス', true],
    ['コーヒー', true],
    ['山田 タロウ', false],
    ['YAMADA', false],
    ['ヤマダ1', false],
    ['', false],
    ['\u3000', false],
  ];
  for (const [input, expected] of cases) t.equal(isKatakanaName(input), expected, JSON.stringify(input));
});
