import t from 'tap';
import { previewCsv, readStatement, StatementError, type FormatName } from '../../src/banking/statement.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { sample } from './fixtures.js';

const EXPECTED: [string, FormatName, string][] = [
  ['bank-signed-preamble-202605.csv', 'csv-signed', 'cp932'],
  ['bank-two-columns-202605.csv', 'csv-two-columns', 'cp932'],
  ['bank-utf8-bom-202605.csv', 'csv-online', 'utf-8-bom'],
  ['zengin-nyushukkin-202605.txt', 'zengin', 'cp932'],
];

for (const [file, format, encoding] of EXPECTED) {
  t.test(`${file} is detected as ${format} and read completely`, async (t) => {
    const bytes = sample(file);
    if (encoding === 'cp932')
      t.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture really is Shift_JIS bytes');
    const s = readStatement(bytes);
    t.same([s.format, s.encoding], [format, encoding]);
    t.equal(s.lines.length, 10);
    t.equal(s.lines.filter((l) => l.direction === 'deposit').length, 9);
    const w = s.lines.find((l) => l.direction === 'withdrawal')!;
    t.same([w.date, w.amount], ['2026-05-12', 660]);
    t.equal(s.lines[0]!.date, '2026-05-07');
    t.match(s.lines[0]!.payer, /^ﾔﾏﾀﾞ[ 　]ﾀﾛｳ$/, 'half-width katakana survive');
    t.equal(s.lines.find((l) => l.payer.includes('ｽｽﾞｷ'))!.amount, 3000);
    t.equal(
      s.lines.reduce((sum, l) => sum + (l.direction === 'deposit' ? l.amount : 0), 0),
      50792,
    );
    t.equal(new Set(s.lines.map((l) => l.fingerprint)).size, 10, 'every line has its own fingerprint');
    t.same(
      readStatement(bytes).lines.map((l) => l.fingerprint),
      s.lines.map((l) => l.fingerprint),
      'the same file gives the same fingerprints',
    );
    t.equal(readStatement(bytes, { format }).format, format, 'the format can be chosen by hand');
  });
}

t.test('全銀協: 和暦 dates, the period from the header, the 照会番号 in the fingerprint', async (t) => {
  const s = readStatement(sample('zengin-nyushukkin-202605.txt'));
  t.same([s.periodFrom, s.periodTo], ['2026-05-01', '2026-05-31']);
  t.equal(s.lines[0]!.reference, '00000001');
  t.match(s.lines[0]!.fingerprint, /^ref\|2026-05-07\|00000001\|5000$/);
  const stream = Buffer.from(sample('zengin-nyushukkin-202605.txt').toString('latin1').replace(/\r\n/g, ''), 'latin1');
  t.equal(readStatement(stream).lines.length, 10, 'one continuous stream of 200-byte records reads the same');
});

t.test('ゆうちょ CSV (受入金額・払出金額, 通信欄) in Shift_JIS', async (t) => {
  const csv =
    '取扱日付,受入金額（円）,払出金額（円）,払込人氏名,通信欄,現在高（円）\r\n2026/05/10,5000,,山田 太郎,2026年度会費,10000\r\n2026/05/11,,200,,,9800\r\n';
  const s = readStatement(encodeCp932(csv));
  t.equal(s.format, 'yucho');
  t.same(
    s.lines.map((l) => [l.date, l.amount, l.direction, l.payer, l.memo]),
    [
      ['2026-05-10', 5000, 'deposit', '山田 太郎', '2026年度会費'],
      ['2026-05-11', 200, 'withdrawal', '', null],
    ],
  );
});

t.test(
  'ゆうちょダイレクト CSV (preamble, full-width header with a trailing comma, yyyyMMdd dates) in Shift_JIS is detected and read',
  async (t) => {
    const csv = [
      'お客さま口座情報',
      '記号番号：,00190-1-234567',
      '現在高：,"25,000",円',
      '出力日時：令和8年06月01日 10時15分',
      'お客さま口座番号：,00190-1-234567',
      '照会対象：,入出金明細',
      '明細件数：,4',
      '取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,',
      '20260507,0001,5000,,振込,ｷﾑﾗ ﾀｸﾔ,10000,',
      '20260508,0002,"3,000",,払込,山田 太郎,13000,',
      '20260509,0003,4780,,振込 1024ｽｽﾞｷ ﾊﾅｺ,,17780,',
      '20260510,0004,,200,料金,,17580,',
      '',
    ].join('\r\n');
    const bytes = encodeCp932(csv);
    t.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the file really is Shift_JIS bytes');
    const s = readStatement(bytes);
    t.same([s.format, s.encoding, s.periodFrom, s.periodTo], ['yucho', 'cp932', '2026-05-07', '2026-05-10']);
    t.same(
      s.lines.map((l) => [l.line, l.date, l.amount, l.direction, l.payer, l.reference]),
      [
        [9, '2026-05-07', 5000, 'deposit', 'ｷﾑﾗ ﾀｸﾔ', '0001'],
        [10, '2026-05-08', 3000, 'deposit', '山田 太郎', '0002'],
        [11, '2026-05-09', 4780, 'deposit', '1024ｽｽﾞｷ ﾊﾅｺ', '0003'],
        [12, '2026-05-10', 200, 'withdrawal', '', '0004'],
      ],
    );
    t.equal(readStatement(bytes, { format: 'yucho' }).lines.length, 4, 'chosen by hand it reads the same');
  },
);

t.test('a generic CSV is read with a saved column mapping', async (t) => {
  const csv = 'お取引日,ご依頼人,入金,出金,番号\r\n20260507,ﾔﾏﾀﾞ ﾀﾛｳ,5000,,A1\r\n20260508,,,300,A2\r\n';
  t.throws(() => readStatement(encodeCp932(csv)), /形式を判定できませんでした/);
  const s = readStatement(encodeCp932(csv), {
    format: 'generic',
    mapping: { headerRow: 1, date: 1, payer: 2, deposit: 3, withdrawal: 4, reference: 5 },
  });
  t.same(
    s.lines.map((l) => [l.line, l.date, l.amount, l.direction, l.payer, l.reference]),
    [
      [2, '2026-05-07', 5000, 'deposit', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'A1'],
      [3, '2026-05-08', 300, 'withdrawal', '', 'A2'],
    ],
  );
});

t.test('two identical transfers on one day are two lines with different fingerprints', async (t) => {
  const csv =
    '取引日,内容,入金額,出金額,残高,メモ\r\n2026/05/07,振込＊ﾔﾏﾀﾞ ﾀﾛｳ,5000,,5000,\r\n2026/05/07,振込＊ﾔﾏﾀﾞ ﾀﾛｳ,5000,,10000,\r\n';
  const s = readStatement(Buffer.from('\uFEFF' + csv, 'utf8'));
  t.equal(s.lines.length, 2);
  t.not(s.lines[0]!.fingerprint, s.lines[1]!.fingerprint);
});

t.test('files that are not statements are refused with a clear message naming the line', async (t) => {
  const refuse = (bytes: Buffer, re: RegExp, what: string) => {
    let caught: unknown = null;
    try {
      readStatement(bytes);
    } catch (err) {
      caught = err;
    }
    t.ok(caught instanceof StatementError, `${what}: refused as not a statement`);
    t.match((caught as Error | null)?.message, re, what);
  };
  refuse(Buffer.alloc(0), /空です/, 'empty file');
  refuse(Buffer.from('%PDF-1.7\n...'), /PDFファイルは取り込めません/, 'a PDF');
  refuse(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1]), /Excel/, 'an xlsx');
  refuse(
    encodeCp932('会員番号,氏名,フリガナ,電話\r\n1,山田 太郎,ヤマダ タロウ,03\r\n'),
    /会員名簿のようです/,
    'a member list',
  );
  refuse(
    encodeCp932(
      '"日付","摘要","お引出し","お預入れ","残高"\r\n"2026/5/7","振込 ﾔﾏﾀﾞ","","5,000","1"\r\n"2026/5/8","振込 ｽｽﾞｷ","","3千","2"\r\n',
    ),
    /^3行目: 金額「3千」が読めません/,
    'a bad amount on line 3',
  );
  refuse(
    encodeCp932('取引日,内容,入金額,出金額,残高,メモ\r\n2026/05/07,振込＊A,1,,1,\r\n2026/02/30,振込＊B,1,,1,\r\n'),
    /^3行目: 日付「2026\/02\/30」が読めません/,
    'an impossible date on line 3',
  );
  const zengin = sample('zengin-nyushukkin-202605.txt');
  refuse(zengin.subarray(0, 202 * 5), /途中で切れて/, 'a Zengin file cut after 5 records');
  const lines = zengin.toString('latin1').split('\r\n');
  lines.splice(3, 1); // a data record lost: the trailer no longer agrees
  refuse(
    Buffer.from(lines.join('\r\n'), 'latin1'),
    /トレーラーの件数・合計が明細と合いません/,
    'a Zengin file missing a record',
  );
});

t.test('a bad date names its line exactly as staff see it', async (t) => {
  const csv =
    '"日付","摘要","お引出し","お預入れ","残高"\r\n"2026/5/7","振込 ﾔﾏﾀﾞ ﾀﾛｳ","","5,000","1"\r\n"2026/13/01","振込 ｽｽﾞｷ","","3,000","2"\r\n';
  t.throws(() => readStatement(encodeCp932(csv)), { message: '3行目: 日付「2026/13/01」が読めません', line: 3 });
});

t.test('CSV variants: 和暦 and time-of-day dates, tab-separated text, zero rows skipped', async (t) => {
  const head = '取引日,内容,入金額,出金額,残高,メモ\r\n';
  const wareki = readStatement(
    encodeCp932(
      head +
        'R8.5.7,振込＊ﾔﾏﾀﾞ ﾀﾛｳ,5000,,1,\r\n令和8年5月8日,振込＊ｽｽﾞｷ,3000,,1,\r\n2026/05/09 10:15:00,振込＊ｻﾄｳ,1000,,1,\r\n',
    ),
  );
  t.same(
    wareki.lines.map((l) => l.date),
    ['2026-05-07', '2026-05-08', '2026-05-09'],
  );
  const tsv = readStatement(encodeCp932(head.replace(/,/g, '\t') + '2026/05/07\t振込＊ﾔﾏﾀﾞ ﾀﾛｳ\t5000\t\t1\t\r\n'));
  t.same([tsv.format, tsv.lines[0]!.payer, tsv.lines[0]!.amount], ['csv-online', 'ﾔﾏﾀﾞ ﾀﾛｳ', 5000]);
  const zero = readStatement(encodeCp932(head + '2026/05/07,振込＊ﾔﾏﾀﾞ,5000,,1,\r\n2026/05/08,残高調整,0,,1,\r\n'));
  t.equal(zero.lines.length, 1, 'a 0-yen row is neither a deposit nor a withdrawal');
});

t.test('a generic mapping with one signed amount column and a direction column', async (t) => {
  const csv =
    'No,日,区分,金額,名義\r\n1,2026-05-07,入金,"5,000",ﾀﾅｶ ﾐｷ\r\n2,2026-05-07,出金,440,\r\n3,2026-05-08,,-300,\r\n';
  const s = readStatement(encodeCp932(csv), {
    format: 'generic',
    mapping: { headerRow: 1, date: 2, direction: 3, amount: 4, payer: 5, reference: 1 },
  });
  t.same(
    s.lines.map((l) => [l.direction, l.amount, l.payer, l.reference]),
    [
      ['deposit', 5000, 'ﾀﾅｶ ﾐｷ', '1'],
      ['withdrawal', 440, '', '2'],
      ['withdrawal', 300, '', '3'],
    ],
  );
  t.equal(s.format, 'generic');
  t.throws(
    () => readStatement(encodeCp932(csv), { format: 'generic', mapping: { headerRow: 1, date: 4, amount: 4 } }),
    /^2行目: 日付「5,000」が読めません/,
    'a wrong mapping names the line',
  );
});

t.test('binary files without NUL bytes and other text are refused as not statements', async (t) => {
  let seed = 7;
  const nextByte = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed % 255) + 1;
  };
  const noise = Buffer.from(Array.from({ length: 3000 }, nextByte));
  t.throws(() => readStatement(noise), /テキストファイルではありません/);
  t.throws(() => readStatement(Buffer.from('{"members":[{"name":"山田"}]}')), /形式を判定できませんでした.*列の設定/);
  t.throws(() => readStatement(Buffer.from('取引日,内容,入金額,出金額,残高,メモ\n')), /明細の行がありません/);
});

t.test('previewCsv decodes the first rows for the column-mapping screen', async (t) => {
  const p = previewCsv(sample('bank-two-columns-202605.csv'), 3);
  t.equal(p.encoding, 'cp932');
  t.same(p.rows[0], ['日付', '摘要', 'お引出し', 'お預入れ', '残高']);
  t.equal(p.rows.length, 3);
  t.equal(p.rows[1]![1], '振込 ﾔﾏﾀﾞ ﾀﾛｳ', 'half-width kana survive');
});
