import t from 'tap';
import { campaignProgress, parseCampaign } from '../../src/mailings/campaign-progress.js';

t.test('progress toward each kind of target', async (t) => {
  const totals = { amount: 750_000, supporters: 42, volunteers: 9 };
  const cases: [
    string,
    Parameters<typeof campaignProgress>[0],
    number,
    { percent: number; ratio: number; remaining: number; currentLabel: string; targetLabel: string },
  ][] = [
    [
      'amount, three quarters',
      'amount',
      1_000_000,
      { percent: 75, ratio: 0.75, remaining: 250_000, currentLabel: '750,000円', targetLabel: '1,000,000円' },
    ],
    [
      'amount, passed',
      'amount',
      500_000,
      { percent: 150, ratio: 1, remaining: 0, currentLabel: '750,000円', targetLabel: '500,000円' },
    ],
    [
      'percent rounds down, never up to a target not yet reached',
      'amount',
      750_001,
      { percent: 99, ratio: 750_000 / 750_001, remaining: 1, currentLabel: '750,000円', targetLabel: '750,001円' },
    ],
    [
      'supporters',
      'supporters',
      100,
      { percent: 42, ratio: 0.42, remaining: 58, currentLabel: '42人', targetLabel: '100人' },
    ],
    [
      'volunteers',
      'volunteers',
      12,
      { percent: 75, ratio: 0.75, remaining: 3, currentLabel: '9人', targetLabel: '12人' },
    ],
  ];
  for (const [name, kind, target, exp] of cases) {
    const p = campaignProgress(kind, target, totals);
    t.same(
      {
        percent: p.percent,
        ratio: p.ratio,
        remaining: p.remaining,
        currentLabel: p.currentLabel,
        targetLabel: p.targetLabel,
      },
      exp,
      name,
    );
    t.equal(p.supporters, 42, `${name}: supporters shown`);
  }
});

t.test('the campaign form', async (t) => {
  const ok = parseCampaign({
    name: '夏の募金',
    targetKind: 'amount',
    targetValue: '１,０００,０００円',
    startsOn: '2026/7/1',
    endsOn: '2026-08-31',
  });
  t.same(ok.value, {
    name: '夏の募金',
    targetKind: 'amount',
    targetValue: 1_000_000,
    startsOn: '2026-07-01',
    endsOn: '2026-08-31',
    description: null,
  });
  const bad = parseCampaign({
    name: '',
    targetKind: 'cats',
    targetValue: '-5',
    startsOn: '2026-07-01',
    endsOn: '2026-06-01',
  });
  t.same(Object.keys(bad.errors ?? {}).sort(), ['endsOn', 'name', 'targetKind', 'targetValue']);
});
