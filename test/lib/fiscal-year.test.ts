import t from 'tap';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange } from '../../src/lib/fiscal-year.js';

t.test('fiscalYearOf names the year after the calendar year it starts in', async (t) => {
  const cases: [string, number, number][] = [
    ['2026-04-01', 4, 2026],
    ['2027-03-31', 4, 2026],
    ['2026-03-31', 4, 2025],
    ['2026-12-31', 4, 2026],
    ['2026-01-01', 1, 2026],
    ['2026-12-31', 1, 2026],
    ['2026-09-30', 10, 2025],
    ['2026-10-01', 10, 2026],
  ];
  for (const [iso, start, expected] of cases) t.equal(fiscalYearOf(iso, start), expected, `${iso} start ${start}`);
  t.equal(fiscalYearOf('2027-03-31'), 2026, 'April is the default start month');
});

t.test('fiscalYearRange gives the first and last day of the fiscal year', async (t) => {
  const cases: [number, number, { start: string; end: string }][] = [
    [2026, 4, { start: '2026-04-01', end: '2027-03-31' }],
    [2026, 1, { start: '2026-01-01', end: '2026-12-31' }],
    [2027, 3, { start: '2027-03-01', end: '2028-02-29' }], // leap year end
    [2026, 12, { start: '2026-12-01', end: '2027-11-30' }],
  ];
  for (const [year, start, expected] of cases) t.same(fiscalYearRange(year, start), expected, `${year} start ${start}`);
  t.same(fiscalYearRange(2026), { start: '2026-04-01', end: '2027-03-31' }, 'April is the default start month');
});

t.test('an impossible start month is rejected', async (t) => {
  for (const m of [0, 13, 4.5]) {
    t.throws(() => fiscalYearOf('2026-04-01', m), RangeError, `fiscalYearOf ${m}`);
    t.throws(() => fiscalYearRange(2026, m), RangeError, `fiscalYearRange ${m}`);
  }
});

t.test('fiscalYearLabel writes the year with 年度', async (t) => {
  t.equal(fiscalYearLabel(2026), '2026年度');
});
