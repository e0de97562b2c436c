import t from 'tap';
import {
  addDays,
  compareDates,
  formatDateJa,
  nowTimeInTokyo,
  parseDate,
  todayInTokyo,
  toWareki,
} from '../../src/lib/dates.js';

t.test('todayInTokyo gives the calendar date in Japan', async (t) => {
  const cases: [string, string][] = [
    ['2026-03-31T14:59:59Z', '2026-03-31'],
    ['2026-03-31T15:00:00Z', '2026-04-01'], // midnight in Tokyo
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ];
  for (const [utc, expected] of cases) t.equal(todayInTokyo(new Date(utc)), expected, utc);
  t.match(todayInTokyo(), /^\d{4}-\d{2}-\d{2}$/, 'defaults to now');
});

t.test('parseDate reads western and Japanese-era dates', async (t) => {
  const cases: [string, string | null][] = [
    ['2026/4/1', '2026-04-01'],
    ['2026-04-01', '2026-04-01'],
    ['2026.4.1', '2026-04-01'],
    ['20260401', '2026-04-01'],
    ['2026年4月1日', '2026-04-01'],
    ['２０２６年４月１日', '2026-04-01'],
    [' 2026 年 4 月 1 日 ', '2026-04-01'],
    ['R8.4.1', '2026-04-01'],
    ['r8.4.1', '2026-04-01'],
    ['R08/04/01', '2026-04-01'],
    ['令和8年4月1日', '2026-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['㋿8年4月1日', '2026-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['S60.1.1', '1985-01-01'],
    ['昭和60年1月1日', '1985-01-01'],
    ['T15.12.24', '1926-12-24'],
    ['M45.7.29', '1912-07-29'],
    ['2024-02-29', '2024-02-29'],
    ['平成32年3月31日', '2020-03-31'], // printed before the era change; unambiguous
    ['2026-02-30', null],
    ['2025-02-29', null],
    ['2026-13-01', null],
    ['令和元年4月30日', null], // before Reiwa began
    ['平成元年1月7日', null],
    ['R0.4.1', null],
    ['X8.4.1', null],
    ['2026/4', null],
    ['26/4/1', null],
    ['', null],
    ['明日', null],
  ];
  for (const [input, expected] of cases) t.equal(parseDate(input), expected, JSON.stringify(input));
});

t.test('toWareki writes Japanese-era dates with 元年 for the first year', async (t) => {
  const cases: [string, 'long' | 'short', string][] = [
    ['2026-04-01', 'long', '令和8年4月1日'],
    ['2019-05-01', 'long', '令和元年5月1日'],
    ['2019-04-30', 'long', '平成31年4月30日'],
    ['1989-01-08', 'long', '平成元年1月8日'],
    ['1989-01-07', 'long', '昭和64年1月7日'],
    ['1926-12-25', 'long', '昭和元年12月25日'],
    ['1926-12-24', 'long', '大正15年12月24日'],
    ['1912-07-29', 'long', '明治45年7月29日'],
    ['1800-01-01', 'long', '1800年1月1日'],
    ['2026-04-01', 'short', 'R8.4.1'],
    ['2019-05-01', 'short', 'R1.5.1'],
    ['1985-01-01', 'short', 'S60.1.1'],
  ];
  for (const [iso, style, expected] of cases) t.equal(toWareki(iso, style), expected, `${iso} ${style}`);
  t.equal(toWareki('2026-04-01'), '令和8年4月1日', 'long is the default');
});

t.test('formatDateJa uses wareki or western years as the organisation prefers', async (t) => {
  const cases: [string, 'wareki' | 'seireki', string][] = [
    ['2026-04-01', 'wareki', '令和8年4月1日'],
    ['2026-04-01', 'seireki', '2026年4月1日'],
    ['2019-05-01', 'wareki', '令和元年5月1日'],
  ];
  for (const [iso, era, expected] of cases) t.equal(formatDateJa(iso, era), expected, `${iso} ${era}`);
});

t.test('addDays crosses months, years and leap days', async (t) => {
  const cases: [string, number, string][] = [
    ['2026-03-31', 1, '2026-04-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-04-01', -1, '2026-03-31'],
    ['2026-04-01', 30, '2026-05-01'],
    ['2026-04-01', 0, '2026-04-01'],
  ];
  for (const [iso, n, expected] of cases) t.equal(addDays(iso, n), expected, `${iso} + ${n}`);
});

t.test('compareDates orders ISO dates', async (t) => {
  const cases: [string, string, number][] = [
    ['2026-04-01', '2026-04-02', -1],
    ['2026-04-02', '2026-04-01', 1],
    ['2026-04-01', '2026-04-01', 0],
  ];
  for (const [a, b, expected] of cases) t.equal(compareDates(a, b), expected, `${a} vs ${b}`);
});

t.test('nowTimeInTokyo gives the wall-clock time in Japan, past midnight too', async (t) => {
  const cases: [string, string][] = [
    ['2026-04-01T00:00:00Z', '09:00'],
    ['2026-03-31T15:00:00Z', '00:00'],
    ['2026-12-31T14:59:59Z', '23:59'],
    ['2026-07-15T03:07:00Z', '12:07'],
  ];
  for (const [utc, expected] of cases) t.equal(nowTimeInTokyo(new Date(utc)), expected, utc);
});
