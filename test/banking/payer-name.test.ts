import t from 'tap';
import { kanaKey, normalizePayer } from '../../src/banking/payer-name.js';

// raw payer text → [key, memberNo, corporate]
const CASES: [string, string, string | null, boolean][] = [
  ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['ﾔﾏﾀﾞﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['ﾔﾏﾀﾞ　ﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['ヤマダ タロウ', 'ヤマダタロウ', null, false],
  ['やまだ たろう', 'ヤマダタロウ', null, false],
  ['ﾔﾏﾀ゛ ﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['1024ｽｽﾞｷ ﾊﾅｺ', 'スズキハナコ', '1024', false],
  ['1024 ｽｽﾞｷ ﾊﾅｺ', 'スズキハナコ', '1024', false],
  ['1024-ｽｽﾞｷ ﾊﾅｺ', 'スズキハナコ', '1024', false],
  ['１０２４スズキ　ハナコ', 'スズキハナコ', '1024', false],
  ['ｽｽﾞｷ ﾊﾅｺ 1024', 'スズキハナコ', '1024', false],
  ['ｽｽﾞｷﾊﾅｺ1024', 'スズキハナコ', '1024', false],
  ['0042ﾀﾅｶ', 'タナカ', '42', false],
  ['ﾜﾀﾅﾍﾞ ｼﾕﾝ', 'ワタナベシユン', null, false],
  ['ワタナベ シュン', 'ワタナベシユン', null, false],
  ['ｷﾔｼｰ', 'キヤシ', null, false],
  ['キャシー', 'キヤシ', null, false],
  ['ｷﾔｼ-', 'キヤシ', null, false],
  ['ｻﾄｳ ｼﾞﾕﾝｲﾁ', 'サトウジユンイチ', null, false],
  ['サトウ ジュンイチ', 'サトウジユンイチ', null, false],
  ['ﾊｯﾄﾘ', 'ハツトリ', null, false],
  ['ﾊﾂﾄﾘ', 'ハツトリ', null, false],
  ['ｺﾝﾄﾞｳ ﾁﾖｺ', 'コンドウチヨコ', null, false],
  ['ﾌｼﾞﾀ', 'フジタ', null, false],
  ['フヂタ', 'フジタ', null, false],
  ['ｵｵﾂﾞｶ', 'オオズカ', null, false],
  ['ヲノ', 'オノ', null, false],
  ['ｶ)ﾐﾄﾞﾘｼﾖｳｼﾞ', 'ミドリシヨウジ', null, true],
  ['ﾐﾄﾞﾘｼﾖｳｼﾞ(ｶ', 'ミドリシヨウジ', null, true],
  ['(ｶ)ﾐﾄﾞﾘｼﾖｳｼﾞ', 'ミドリシヨウジ', null, true],
  ['ﾐﾄﾞﾘｼﾖｳｼﾞ(ｶ)', 'ミドリシヨウジ', null, true],
  ['ﾄｸﾋ)ﾐﾄﾞﾘﾉﾓﾘ', 'ミドリノモリ', null, true],
  ['ﾕ)ｱｵｿﾞﾗ', 'アオゾラ', null, true],
  ['ﾄﾞ)ﾎｼﾉ', 'ホシノ', null, true],
  ['ｼﾔ)ﾆﾎﾝｷﾖｳｶｲ', 'ニホンキヨウカイ', null, true],
  ['ｻﾞｲ)ﾐﾗｲｷｷﾝ', 'ミライキキン', null, true],
  ['ｲ)ｹﾝｺｳｶｲ', 'ケンコウカイ', null, true],
  ['ﾌｸ)ﾋﾏﾜﾘｶｲ', 'ヒマワリカイ', null, true],
  ['ｼﾕｳ)ｼﾝｺｳｼﾞ', 'シンコウジ', null, true],
  ['ｷﾖｳｸﾐ)ﾉｳｷﾞﾖｳ', 'ノウギヨウ', null, true],
  ['ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['振込 ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['振込＊ﾔﾏﾀﾞ　ﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['ﾌﾘｺﾐ 1024ｽｽﾞｷ ﾊﾅｺ', 'スズキハナコ', '1024', false],
  ['ﾔﾏﾀﾞ･ﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['ﾔﾏﾀﾞ.ﾀﾛｳ', 'ヤマダタロウ', null, false],
  ['ｺｰﾋｰ ｼﾞﾛｳ', 'コヒジロウ', null, false],
  ['コーヒー ジロウ', 'コヒジロウ', null, false],
  ['山田 太郎', '山田太郎', null, false],
  ['ﾘｿｸ', 'リソク', null, false],
  ['', '', null, false],
  ['(1024)ｽｽﾞｷ ﾊﾅｺ', 'スズキハナコ', '1024', false],
  ['ｽｽﾞｷ ﾊﾅｺ(1024)', 'スズキハナコ', '1024', false],
  ['NO.1024 ｽｽﾞｷ', 'スズキ', '1024', false],
  ['ｶｲｲﾝ1024 ｽｽﾞｷ', 'スズキ', '1024', false],
  ['1024', '', '1024', false],
  ['㈱ミドリ', 'ミドリ', null, true],
  ['株式会社ミドリ', 'ミドリ', null, true],
  ['特定非営利活動法人みどりの森', 'ミドリノ森', null, true],
  ['ｶﾌﾞｼｷｶﾞｲｼﾔ ﾐﾄﾞﾘ', 'ミドリ', null, true],
  ['ｺｳｴｷｼﾔﾀﾞﾝﾎｳｼﾞﾝ ｴﾆｼ', 'エニシ', null, true],
  ['シャ）ニホンキョウカイ', 'ニホンキヨウカイ', null, true],
  ['ｶ)ﾐﾄﾞﾘｼﾖｳｼﾞ ｼﾝｼﾞﾕｸｼﾃﾝ', 'ミドリシヨウジ', null, true],
  ['ﾐﾄﾞﾘ(ｶ ﾎﾝｼﾔ', 'ミドリ', null, true],
  ['ｼﾞﾕﾝｺ ｼﾃﾝ', 'ジユンコシテン', null, false],
  ['ﾀﾞｲﾁ ﾕ', 'ダイチユ', null, false],
  ['ｲﾄｳ', 'イトウ', null, false],
  ['ｿｳｷﾝ ﾔﾏﾀﾞ', 'ヤマダ', null, false],
];

t.test(`payer-name normalisation (${CASES.length} cases)`, async (t) => {
  for (const [raw, key, memberNo, corporate] of CASES) {
    t.same(normalizePayer(raw), { key, memberNo, corporate }, raw || '(empty)');
  }
});

t.test('member フリガナ and the bank text of the same name give one key', async (t) => {
  t.equal(kanaKey('ワタナベ シュン'), normalizePayer('ﾜﾀﾅﾍﾞ ｼﾕﾝ').key);
  t.equal(kanaKey('さとう　じゅんいち'), normalizePayer('ｻﾄｳ ｼﾞﾕﾝｲﾁ').key);
  t.equal(kanaKey('ミドリノモリ'), normalizePayer('ﾄｸﾋ)ﾐﾄﾞﾘﾉﾓﾘ').key);
  t.not(kanaKey('ヤマダ タロウ'), kanaKey('ヤマダ ハナコ'));
});
