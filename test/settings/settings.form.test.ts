import t from 'tap';
import { parseSettings } from '../../src/settings/settings.form.js';

const good = {
  orgName: ' みどりの会 ',
  orgPostalCode: '１６００００１',
  fiscalYearStartMonth: '4',
  dueDays: '30',
  graceYears: '2',
  transferFees: '110、220 440',
  bankAccounts: '三井住友 普通 1234567\r\n\r\nゆうちょ 00100-1-12345',
  era: 'seireki',
  proration: 'monthly',
};

t.test('a good settings form becomes typed settings', async (t) => {
  const p = parseSettings(good);
  t.ok('value' in p);
  if (!('value' in p)) return;
  t.match(p.value, {
    orgName: 'みどりの会',
    orgPostalCode: '160-0001',
    fiscalYearStartMonth: 4,
    dueDays: 30,
    graceYears: 2,
    transferFees: [110, 220, 440],
    bankAccounts: ['三井住友 普通 1234567', 'ゆうちょ 00100-1-12345'],
    era: 'seireki',
    proration: 'monthly',
  });
  const p2 = parseSettings({ ...good, era: 'x', proration: '', orgPostalCode: '' });
  t.match('value' in p2 && p2.value, { era: 'wareki', proration: 'none', orgPostalCode: '' }, 'defaults');
});

t.test('each bad settings field gets its own Japanese error', async (t) => {
  const cases: [string, Record<string, string>, string][] = [
    ['a month outside 1–12', { fiscalYearStartMonth: '13' }, 'fiscalYearStartMonth'],
    ['a postal code of the wrong length', { orgPostalCode: '12345' }, 'orgPostalCode'],
    ['a negative number of days', { dueDays: '-1' }, 'dueDays'],
    ['zero grace years', { graceYears: '0' }, 'graceYears'],
    ['a fee that is not whole yen', { transferFees: '110, 2.5' }, 'transferFees'],
  ];
  for (const [name, change, key] of cases) {
    const p = parseSettings({ ...good, ...change });
    t.same('errors' in p && Object.keys(p.errors), [key], name);
  }
});
