import t from 'tap';
import { readStatement, StatementError } from '../../src/banking/statement.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { sample } from './fixtures.js';

/** One 200-byte record from [value, width, numeric?] fields, as the bank writes it (Shift_JIS bytes). */
function rec(...fields: [string | number, number, boolean?][]): Buffer {
  const parts = fields.map(([v, w, numeric]) => {
    const b = numeric ? Buffer.from(String(v).padStart(w, '0')) : encodeCp932(String(v));
    return Buffer.concat([b, Buffer.alloc(Math.max(0, w - b.length), 0x20)]).subarray(0, w);
  });
  const out = Buffer.concat(parts);
  if (out.length !== 200) throw new Error(`record of ${out.length} bytes`);
  return out;
}
const file = (...recs: Buffer[]) => Buffer.concat(recs.flatMap((r) => [r, Buffer.from('\r\n')]));
const end = () => rec(['9', 200]);

// 振込入金通知 (種別コード 01): its own data and trailer layout.
const noticeHeader = (from: string, to: string) =>
  rec(
    ['1', 1],
    ['01', 2],
    ['0', 1],
    ['080601', 6],
    [from, 6],
    [to, 6],
    ['0999', 4],
    ['ｴﾆｼｷﾞﾝｺｳ', 15],
    ['001', 3],
    ['ﾎﾝﾃﾝ', 15],
    ['1', 1],
    ['1234567', 10],
    ['ﾄｸﾋ)ｴﾆｼﾉｶｲ', 40],
    ['', 90],
  );
const notice = (ref: number, date: string, amount: number, payer: string, cancelled = false) =>
  rec(
    ['2', 1],
    [ref, 6, true],
    [date, 6],
    [date, 6],
    [amount, 10, true],
    [0, 10, true],
    ['', 10],
    [payer, 48],
    ['ｻﾝﾌﾟﾙｷﾞﾝｺｳ', 15],
    ['ｻﾝﾌﾟﾙｼﾃﾝ', 15],
    [cancelled ? '1' : '0', 1],
    ['', 20],
    ['', 52],
  );
const noticeTrailer = (n: number, sum: number, cn: number, csum: number) =>
  rec(['8', 1], [n, 6, true], [sum, 12, true], [cn, 6, true], [csum, 12, true], ['', 163]);

t.test('振込入金通知 (01) is read with its own offsets; a cancelled transfer is not a deposit', async (t) => {
  const bytes = file(
    noticeHeader('080501', '080531'),
    notice(1, '080507', 5000, '1024ｽｽﾞｷ ﾊﾅｺ'),
    notice(2, '080508', 3000, 'ﾔﾏﾀﾞ ﾀﾛｳ', true),
    noticeTrailer(2, 8000, 1, 3000),
    end(),
  );
  const s = readStatement(bytes);
  t.same([s.format, s.encoding, s.periodFrom, s.periodTo], ['zengin', 'cp932', '2026-05-01', '2026-05-31']);
  t.same(
    s.lines.map((l) => [l.line, l.date, l.amount, l.direction, l.payer, l.reference]),
    [
      [2, '2026-05-07', 5000, 'deposit', '1024ｽｽﾞｷ ﾊﾅｺ', '000001'],
      [3, '2026-05-08', 3000, 'withdrawal', 'ﾔﾏﾀﾞ ﾀﾛｳ', '000002'],
    ],
  );
  t.equal(s.lines[1]!.memo, '取消');
  const bad = file(
    noticeHeader('080501', '080531'),
    notice(1, '080507', 5000, 'ﾔﾏﾀﾞ'),
    noticeTrailer(1, 6000, 0, 0),
    end(),
  );
  t.throws(() => readStatement(bad), /^3行目: トレーラーの件数・合計が明細と合いません/);
});

t.test('入出金取引明細: several accounts in one file, a 平成 date, an EOF mark and a trimmed end record', async (t) => {
  const z = sample('zengin-nyushukkin-202605.txt');
  const records = z
    .toString('latin1')
    .split('\r\n')
    .filter(Boolean)
    .map((r) => Buffer.from(r, 'latin1'));
  const twice = file(...records.slice(0, -1), ...records.slice(0, -1), end());
  const s = readStatement(twice);
  t.equal(s.lines.length, 20, 'both accounts are read');
  t.equal(s.lines[10]!.line, 14, 'line numbers count every record of the file');
  t.equal(
    readStatement(Buffer.concat([z, Buffer.from([0x1a])])).lines.length,
    10,
    'a trailing EOF mark (0x1A) is ignored',
  );
  t.equal(
    readStatement(Buffer.concat([z.subarray(0, z.length - 201), Buffer.from('\r\n')])).lines.length,
    10,
    'an end record trimmed to "9" is accepted',
  );
  const heisei = Buffer.from(z.toString('latin1').replace(/^(2\d{14})080507/m, '$1300507'), 'latin1');
  t.equal(readStatement(heisei).lines[0]!.date, '2018-05-07', '和暦 30 is 平成30 (令和30 would lie decades ahead)');
});

t.test(
  'in a 全銀協 file with two accounts the same 照会番号 are two deposits; a single-account file keeps its fingerprints',
  async (t) => {
    const records = sample('zengin-nyushukkin-202605.txt')
      .toString('latin1')
      .split('\r\n')
      .filter(Boolean)
      .map((r) => Buffer.from(r, 'latin1'));
    const other = Buffer.from(records[0]!.toString('latin1').replace('1234567', '7654321'), 'latin1');
    const single = readStatement(sample('zengin-nyushukkin-202605.txt'));
    t.same(
      single.lines.map((l) => [l.fingerprint, l.legacyFingerprint]),
      single.lines.map((l) => [`ref|${l.date}|${l.reference}|${l.amount}`, undefined]),
      'one account: the fingerprint stored by every earlier import',
    );
    const two = readStatement(file(...records.slice(0, -1), other, ...records.slice(1, -1), end()));
    t.equal(two.lines.length, 20);
    t.equal(new Set(two.lines.map((l) => l.fingerprint)).size, 20, 'twenty lines, twenty fingerprints');
    t.same(
      [two.lines[0]!.reference, two.lines[10]!.reference, two.lines[0]!.amount, two.lines[10]!.amount],
      ['00000001', '00000001', 5000, 5000],
      'the same reference and amount on both accounts',
    );
    t.match(two.lines[0]!.fingerprint, /^ref\|0999-001-\d*1234567\|2026-05-07\|00000001\|5000$/);
    t.match(two.lines[10]!.fingerprint, /^ref\|0999-001-\d*7654321\|2026-05-07\|00000001\|5000$/);
    t.equal(two.lines[0]!.legacyFingerprint, single.lines[0]!.fingerprint, 'the old fingerprint is kept beside it');
  },
);

t.test('a 全銀協 file saved as UTF-8 by an editor keeps its half-width kana and offsets', async (t) => {
  const z = sample('zengin-nyushukkin-202605.txt');
  const utf8 = Buffer.from(new TextDecoder('shift_jis').decode(z), 'utf8');
  t.ok(utf8.length > z.length, 'the UTF-8 file is longer (3 bytes per half-width kana)');
  const s = readStatement(utf8);
  t.same([s.format, s.encoding, s.lines.length], ['zengin', 'utf-8', 10]);
  t.equal(s.lines[0]!.payer, 'ﾔﾏﾀﾞ ﾀﾛｳ');
  t.same(
    s.lines.map((l) => l.fingerprint),
    readStatement(z).lines.map((l) => l.fingerprint),
    'same fingerprints as the Shift_JIS original',
  );
});

t.test('broken 全銀協 files are refused, naming the record', async (t) => {
  const z = sample('zengin-nyushukkin-202605.txt');
  const refuse = (bytes: Buffer, re: RegExp, what: string) => {
    const err = (() => {
      try {
        readStatement(bytes);
        return null;
      } catch (e) {
        return e;
      }
    })();
    t.ok(err instanceof StatementError, what);
    t.match((err as Error | null)?.message, re, what);
  };
  refuse(z.subarray(0, 202 * 3 + 50), /^4行目: レコードが短すぎます（50バイト/, 'cut in the middle of record 4');
  refuse(z.subarray(0, z.length - 202 * 2), /トレーラー・エンドレコードがありません/, 'trailer and end record missing');
  refuse(
    Buffer.from(
      z
        .toString('latin1')
        .replace(/\r\n/g, '')
        .slice(0, 200 * 5 + 120),
      'latin1',
    ),
    /^6行目: レコードが短すぎます/,
    'a continuous stream cut mid-record',
  );
  refuse(
    Buffer.from(z.toString('latin1').replace(/^(2\d{14})080507/m, '$1081399'), 'latin1'),
    /^2行目: 預入・払出日「081399」が日付として読めません/,
    'an impossible date',
  );
  refuse(Buffer.concat([z, z]), /エンドレコードの後にデータがあります/, 'two files pasted together');
});
