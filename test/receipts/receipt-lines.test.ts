import t from 'tap';
import {
  formatDocNumber,
  lineLabel,
  parseDocNumber,
  receiptAmount,
  receiptKind,
  receiptLines,
  type MoneySource,
} from '../../src/receipts/receipt-lines.js';

t.test('each kind of money gets its own 但し書き and dues are never worded as a gift', async (t) => {
  const cases: [MoneySource, string][] = [
    [{ kind: 'dues', fiscalYear: 2026, memberTypeName: '正会員', amount: 5000 }, '2026年度 正会員 年会費として'],
    [{ kind: 'dues', fiscalYear: 2027, memberTypeName: '賛助会員', amount: 3000 }, '2027年度 賛助会員 年会費として'],
    [{ kind: 'dues', fiscalYear: 2026, memberTypeName: '寄付会員', amount: 3000 }, '2026年度 会員 年会費として'],
    [{ kind: 'dues', fiscalYear: 2026, memberTypeName: '寄附', amount: 3000 }, '2026年度 会員 年会費として'],
    [{ kind: 'donation', amount: 10000 }, 'ご寄附として'],
    [{ kind: 'donation', amount: 10000, purpose: ' 子ども食堂 ' }, 'ご寄附（子ども食堂）として'],
    [{ kind: 'credit', amount: 500 }, '会費の預り金として'],
  ];
  for (const [source, label] of cases) {
    t.equal(lineLabel(source), label, label);
    if (source.kind !== 'donation') t.notMatch(lineLabel(source), /寄[附付]/, 'not a gift');
  }
});

t.test('lines with the same wording are added up; empty amounts are left out', async (t) => {
  const lines = receiptLines([
    { kind: 'dues', fiscalYear: 2026, memberTypeName: '正会員', amount: 3000 },
    { kind: 'dues', fiscalYear: 2026, memberTypeName: '正会員', amount: 2000 },
    { kind: 'donation', amount: 0 },
    { kind: 'donation', amount: 1500 },
  ]);
  t.same(lines, [
    { label: '2026年度 正会員 年会費として', amount: 5000 },
    { label: 'ご寄附として', amount: 1500 },
  ]);
});

t.test('a receipt is dues, donation or mixed by what it covers', async (t) => {
  const dues: MoneySource = { kind: 'dues', fiscalYear: 2026, memberTypeName: '正会員', amount: 5000 };
  const gift: MoneySource = { kind: 'donation', amount: 1000 };
  const cases: [MoneySource[], string][] = [
    [[dues], 'dues'],
    [[dues, { kind: 'credit', amount: 100 }], 'dues'],
    [[gift], 'donation'],
    [[dues, gift], 'mixed'],
    [[dues, { kind: 'donation', amount: 0 }], 'dues'],
  ];
  for (const [sources, kind] of cases) t.equal(receiptKind(sources), kind);
});

t.test('numbers are the year and six digits, and read back', async (t) => {
  t.equal(formatDocNumber(2026, 123), '2026-000123');
  t.equal(formatDocNumber(2026, 1, 'C'), 'C2026-000001');
  t.same(parseDocNumber('2026-000123'), { year: 2026, seq: 123 });
  t.same(parseDocNumber('２０２６-０００１２３'), { year: 2026, seq: 123 });
  t.same(parseDocNumber('C2026-000001', 'C'), { year: 2026, seq: 1 });
  for (const bad of ['2026-123', '26-000123', 'x', '2026-0001234']) t.equal(parseDocNumber(bad), null, bad);
});

t.test('amounts print with a full-width yen sign and a closing hyphen', async (t) => {
  t.equal(receiptAmount(5000), '￥5,000-');
  t.equal(receiptAmount(1234567), '￥1,234,567-');
  t.equal(receiptAmount(0), '￥0-');
  t.throws(() => receiptAmount(1.5));
});
