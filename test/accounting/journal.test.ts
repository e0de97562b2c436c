import t from 'tap';
import iconv from 'iconv-lite';
import { csvLine, encodeLines } from '../../src/accounting/formats/csv.js';
import { freeeRows } from '../../src/accounting/formats/freee.js';
import { COLUMN_COUNTS, formatRows, journalFile } from '../../src/accounting/formats/index.js';
import { moneyforwardRows } from '../../src/accounting/formats/moneyforward.js';
import { yayoiFlag, yayoiRows } from '../../src/accounting/formats/yayoi.js';
import {
  donationEntries,
  entriesInPeriod,
  pairedRows,
  paymentEntries,
  type AccountSettings,
  type JournalEntry,
  type PaymentSource,
} from '../../src/accounting/journal.js';
import { accountSettings } from '../../src/accounting/export.service.js';
import { DEFAULT_SETTINGS } from '../../src/settings/settings.service.js';

const A: AccountSettings = { ...accountSettings(DEFAULT_SETTINGS), duesSubAccounts: { 賛助会員: '賛助会費' } };
const pay = (over: Partial<PaymentSource> = {}): PaymentSource => ({
  id: 7,
  receivedOn: '2026-04-20',
  amount: 5000,
  fee: 0,
  method: 'bank',
  memberNo: '12',
  allocations: [{ id: 1, typeName: '正会員', fiscalYear: 2026, amount: 5000, appliedOn: null }],
  donation: 0,
  reversedOn: null,
  ...over,
});
const sides = (e: JournalEntry) =>
  e.lines.map((l) => `${l.side === 'debit' ? '借' : '貸'} ${l.account}${l.sub ? '/' + l.sub : ''} ${l.amount}`);

t.test(
  'payments become balanced entries: dues, fee-short, donation remainder, credit kept and credit used later',
  async (t) => {
    const cases: [string, PaymentSource, string[][]][] = [
      ['plain dues', pay(), [['借 普通預金 5000', '貸 受取会費/正会員 5000']]],
      [
        'a fee-short transfer is deposit + fee = dues',
        pay({ amount: 4890, fee: 110 }),
        [['借 普通預金 4890', '借 支払手数料 110', '貸 受取会費/正会員 5000']],
      ],
      [
        'the remainder as a donation',
        pay({ amount: 6000, donation: 1000 }),
        [['借 普通預金 6000', '貸 受取会費/正会員 5000', '貸 受取寄付金 1000']],
      ],
      [
        'ゆうちょ into 振替貯金, a sub-account set per member type',
        pay({
          method: 'postal',
          amount: 3000,
          allocations: [{ id: 2, typeName: '賛助会員', fiscalYear: 2026, amount: 3000, appliedOn: null }],
        }),
        [['借 振替貯金 3000', '貸 受取会費/賛助会費 3000']],
      ],
      [
        'two years of one type in one line',
        pay({
          amount: 10000,
          allocations: [
            { id: 3, typeName: '正会員', fiscalYear: 2025, amount: 5000, appliedOn: null },
            { id: 4, typeName: '正会員', fiscalYear: 2026, amount: 5000, appliedOn: null },
          ],
        }),
        [['借 普通預金 10000', '貸 受取会費/正会員 10000']],
      ],
      [
        'credit kept, then used on a later day',
        pay({
          amount: 8000,
          allocations: [
            { id: 1, typeName: '正会員', fiscalYear: 2026, amount: 5000, appliedOn: null },
            { id: 9, typeName: '正会員', fiscalYear: 2027, amount: 3000, appliedOn: '2027-04-05' },
          ],
        }),
        [
          ['借 普通預金 8000', '貸 受取会費/正会員 5000', '貸 前受金 3000'],
          ['借 前受金 3000', '貸 受取会費/正会員 3000'],
        ],
      ],
      [
        'a reversal repeats the lines on the other side',
        pay({ amount: 4890, fee: 110, reversedOn: '2026-07-02' }),
        [
          ['借 普通預金 4890', '借 支払手数料 110', '貸 受取会費/正会員 5000'],
          ['貸 普通預金 4890', '貸 支払手数料 110', '借 受取会費/正会員 5000'],
        ],
      ],
    ];
    for (const [name, p, want] of cases) {
      const entries = paymentEntries(p, A);
      t.same(entries.map(sides), want, name);
      for (const e of entries) {
        const sum = (s: string) => e.lines.filter((l) => l.side === s).reduce((n, l) => n + l.amount, 0);
        t.equal(sum('debit'), sum('credit'), `${name}: ${e.ref} balances`);
      }
    }
    const [orig, rev] = paymentEntries(pay({ reversedOn: '2026-07-02' }), A);
    t.same([orig!.ref, orig!.date, rev!.ref, rev!.date], ['P7', '2026-04-20', 'P7-R', '2026-07-02']);
    t.equal(rev!.memo, '【取消】2026年度 正会員 会費 会員番号12');
  },
);

t.test('a standalone donation is deposit / 受取寄付金, its reversal the same reversed', async (t) => {
  const entries = donationEntries(
    {
      id: 3,
      receivedOn: '2026-05-01',
      amount: 10000,
      method: 'cash',
      donor: '田中 一郎',
      purpose: '災害支援',
      reversedOn: '2026-05-09',
    },
    A,
  );
  t.same(entries.map(sides), [
    ['借 現金 10000', '貸 受取寄付金 10000'],
    ['貸 現金 10000', '借 受取寄付金 10000'],
  ]);
  t.equal(entries[0]!.memo, '寄付 災害支援 田中 一郎');
});

t.test('only entries dated in the period are kept, ordered by date, kind and id', async (t) => {
  const e = (ref: string, date: string): JournalEntry => ({ ref, date, memo: '', lines: [] });
  const got = entriesInPeriod(
    [
      e('D2', '2026-04-02'),
      e('P10', '2026-04-02'),
      e('P9-R', '2026-04-02'),
      e('P9', '2026-04-01'),
      e('P3', '2026-03-31'),
      e('A1', '2026-04-02'),
      e('P2', '2026-05-01'),
    ],
    '2026-04-01',
    '2026-04-30',
  );
  t.same(
    got.map((x) => x.ref),
    ['P9', 'P9-R', 'P10', 'D2', 'A1'],
  );
});

t.test('lines pair into rows: debit i beside credit i', async (t) => {
  const [e] = paymentEntries(pay({ amount: 5890, fee: 110, donation: 1000 }), A);
  t.same(
    pairedRows(e!).map((r) => [r.debit?.account ?? '', r.credit?.account ?? '']),
    [
      ['普通預金', '受取会費'],
      ['支払手数料', '受取寄付金'],
    ],
  );
});

t.test('弥生 識別フラグ: 2000 alone, 2110/2100/2101 for first, middle and last line of a slip', async (t) => {
  const cases: [number, number, string][] = [
    [0, 1, '2000'],
    [0, 2, '2110'],
    [1, 2, '2101'],
    [0, 3, '2110'],
    [1, 3, '2100'],
    [2, 3, '2101'],
  ];
  for (const [i, n, want] of cases) t.equal(yayoiFlag(i, n), want, `line ${i + 1} of ${n}`);
});

t.test('each format has its column count on every row', async (t) => {
  const entries = [
    ...paymentEntries(pay({ amount: 4890, fee: 110, reversedOn: '2026-04-25' }), A),
    ...donationEntries(
      { id: 1, receivedOn: '2026-04-21', amount: 1000, method: 'bank', donor: 'x', purpose: null, reversedOn: null },
      A,
    ),
  ];
  for (const f of ['freee', 'moneyforward', 'yayoi'] as const) {
    const rows = formatRows(f, entries);
    t.ok(rows.length >= 3, f);
    t.ok(
      rows.every((r) => r.length === COLUMN_COUNTS[f]),
      `${f}: ${COLUMN_COUNTS[f]} columns`,
    );
  }
});

t.test('freee: the cash line is the settlement, a fee is a minus 明細 of the 収入, a reversal a 支出', async (t) => {
  const [orig, rev] = paymentEntries(pay({ amount: 4890, fee: 110, reversedOn: '2026-07-01' }), A);
  const pick = (r: (string | number)[]) => [r[0], r[1], r[2], r[6], r[8], r[18], r[19], r[20]];
  t.same(freeeRows(orig!).map(pick), [
    ['収入', 'P7', '2026/04/20', '受取会費', 5000, '2026/04/20', '普通預金', 4890],
    ['', '', '', '支払手数料', -110, '', '', ''],
  ]);
  t.same(freeeRows(rev!).map(pick), [
    ['支出', 'P7-R', '2026/07/01', '受取会費', 5000, '2026/07/01', '普通預金', 4890],
    ['', '', '', '支払手数料', -110, '', '', ''],
  ]);
});

t.test('MF and 弥生 number slips in the file; rows of one slip share the number and date', async (t) => {
  const [e] = paymentEntries(pay({ amount: 4890, fee: 110 }), A);
  t.same(
    moneyforwardRows(e!, 3).map((r) => [r[0], r[1], r[2], r[8], r[10], r[16], r[19]]),
    [
      [3, '2026/04/20', '普通預金', 4890, '受取会費', 5000, 'P7'],
      [3, '2026/04/20', '支払手数料', 110, '', '', 'P7'],
    ],
  );
  t.same(
    yayoiRows(e!, 4).map((r) => [r[0], r[1], r[3], r[4], r[8], r[10], r[14], r[19], r[24]]),
    [
      ['2110', 4, '2026/04/20', '普通預金', 4890, '受取会費', 5000, 0, 'no'],
      ['2101', 4, '2026/04/20', '支払手数料', 110, '', '', 0, 'no'],
    ],
  );
});

t.test('CSV cells are quoted only when needed; files end every line with CRLF', async (t) => {
  t.equal(csvLine(['a', 1, 'b,c', 'say "hi"', '']), 'a,1,"b,c","say ""hi""",');
  const utf = encodeLines(['x,y'], 'utf-8-bom');
  t.same([...utf], [0xef, 0xbb, 0xbf, 0x78, 0x2c, 0x79, 0x0d, 0x0a]);
  const sjis = encodeLines(['髙橋'], 'cp932');
  t.equal(iconv.decode(sjis, 'cp932'), '髙橋\r\n');
  t.equal(sjis.length, 6, 'two double-byte characters and CRLF');
  t.equal(journalFile('yayoi', []).length, 0, '弥生 has no header: an empty period is an empty file');
  t.equal(
    journalFile('freee', [])
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',').length,
    21,
  );
  t.equal(
    journalFile('moneyforward', [])
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',').length,
    27,
  );
});
