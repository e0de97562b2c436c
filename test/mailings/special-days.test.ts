import t from 'tap';
import { birthdayOf, isDormant, lastContact, monthsBefore, sortBirthdays } from '../../src/mailings/special-days.js';

t.test('months before a date, with short months', async (t) => {
  const cases: [string, number, string][] = [
    ['2026-06-15', 24, '2024-06-15'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2026-01-10', 1, '2025-12-10'],
    ['2026-01-31', 13, '2024-12-31'],
    ['2026-06-15', 0, '2026-06-15'],
  ];
  for (const [today, n, expected] of cases) t.equal(monthsBefore(today, n), expected, `${today} − ${n}`);
});

t.test('a birthday gives the day and the age reached this year', async (t) => {
  t.same(birthdayOf('1970-04-10', 2026), { month: 4, day: 10, turns: 56 });
  t.same(birthdayOf('2000-02-29', 2026), { month: 2, day: 29, turns: 26 });
  const rows = [
    { memberNo: 3, birthDate: '1980-04-20' },
    { memberNo: 2, birthDate: '1990-04-03' },
    { memberNo: 1, birthDate: '1970-04-20' },
  ];
  t.same(
    sortBirthdays(rows).map((r) => r.memberNo),
    [2, 1, 3],
  );
});

t.test('dormant means no payment, gift, attendance or record since the cutoff', async (t) => {
  const none = { paidOn: null, donatedOn: null, attendedOn: null, recordedOn: null };
  const cutoff = '2024-06-15';
  const cases: [string, Parameters<typeof isDormant>[0], string | null, boolean][] = [
    ['never any contact, an old member', none, '2019-04-01', true],
    ['never any contact, joined after the cutoff', none, '2025-01-01', false],
    ['paid last before the cutoff', { ...none, paidOn: '2024-06-14' }, '2019-04-01', true],
    ['paid on the cutoff day', { ...none, paidOn: '2024-06-15' }, '2019-04-01', false],
    ['an old payment but a recent gift', { ...none, paidOn: '2020-01-01', donatedOn: '2025-01-01' }, null, false],
    ['a recent attendance', { ...none, attendedOn: '2026-05-01' }, null, false],
    ['a recent call on record', { ...none, recordedOn: '2026-05-01' }, null, false],
    [
      'everything long ago',
      { paidOn: '2023-04-01', donatedOn: '2022-12-24', attendedOn: '2023-08-01', recordedOn: '2024-01-05' },
      null,
      true,
    ],
  ];
  for (const [name, c, joined, expected] of cases) t.equal(isDormant(c, joined, cutoff), expected, name);
  t.equal(
    lastContact({ paidOn: '2023-04-01', donatedOn: '2022-12-24', attendedOn: null, recordedOn: '2024-01-05' }),
    '2024-01-05',
  );
  t.equal(lastContact(none), null);
});
