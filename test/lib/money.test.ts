import t from 'tap';
import { formatYen, formatYenJa, parseYen } from '../../src/lib/money.js';

t.test('formatYen and formatYenJa group thousands', async (t) => {
  const cases: [number, string, string][] = [
    [0, '¥0', '0円'],
    [999, '¥999', '999円'],
    [1000, '¥1,000', '1,000円'],
    [12345, '¥12,345', '12,345円'],
    [1234567, '¥1,234,567', '1,234,567円'],
    [-500, '-¥500', '-500円'],
  ];
  for (const [n, yen, ja] of cases) {
    t.equal(formatYen(n), yen, `formatYen ${n}`);
    t.equal(formatYenJa(n), ja, `formatYenJa ${n}`);
  }
});

t.test('formatting a fraction of a yen throws instead of printing a wrong amount', async (t) => {
  for (const n of [0.5, NaN, Infinity]) {
    t.throws(() => formatYen(n), RangeError, `formatYen ${n}`);
    t.throws(() => formatYenJa(n), RangeError, `formatYenJa ${n}`);
  }
});

t.test('parseYen reads amounts as typed or exported by banks and spreadsheets', async (t) => {
  const cases: [string, number | null][] = [
    ['5,000', 5000],
    ['"5,000"', 5000],
    ['５０００', 5000],
    ['５，０００', 5000],
    ['¥5,000', 5000],
    ['￥5,000', 5000],
    ['\\5,000', 5000],
    ['5000円', 5000],
    [' 5000 ', 5000],
    ['-500', -500],
    ['-¥500', -500],
    ['△500', -500],
    ['▲1,200', -1200],
    ['0', 0],
    ['△0', 0],
    ['5000.5', null],
    ['5000.00', null],
    ['', null],
    ['-', null],
    ['abc', null],
    ['5千', null],
    ['99999999999999999999', null],
  ];
  for (const [input, expected] of cases) t.equal(parseYen(input), expected, JSON.stringify(input));
});
