import t from 'tap';
import { BankImport } from '../../src/banking/bank-import.entity.js';
import { BankTransaction } from '../../src/banking/bank-transaction.entity.js';
import { Batch } from '../../src/batches/batch.entity.js';
import { recordJobRun } from '../../src/batches/job-runs.js';
import type { EntityManager } from '../../src/db/orm.js';
import { Allocation } from '../../src/dues/allocation.entity.js';
import { Donation } from '../../src/dues/donation.entity.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { refreshLapseProposals } from '../../src/dues/lapse-proposals.service.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { withdrawMember } from '../../src/members/member.service.js';
import { Campaign } from '../../src/mailings/campaign.entity.js';
import { Member } from '../../src/members/member.entity.js';
import { assemblyRoster, quorumOf } from '../../src/reports/assembly.service.js';
import { aggregates, todayNumbers } from '../../src/reports/dashboard.service.js';
import { createInteraction } from '../../src/supporters/interactions.service.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { buildScenario } from '../accounting/scenario.js';
import { addStaff, build, Client, loggedIn, PASSWORD } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

const TODAY = '2026-07-15';

/** The accounting scenario plus: members in two prefectures, one withdrawn, a follow-up, a review line, a failed job, an unpaid 2025. */
async function fixtures(em: () => EntityManager) {
  await buildScenario(em, { reverse: true });
  const osaka = await addMember(em(), {
    familyName: '北村',
    givenName: '一',
    familyKana: 'キタムラ',
    givenKana: 'ハジメ',
    prefecture: '大阪府',
    joinedOn: '2020-04-01',
  });
  await addMember(em(), {
    familyName: '南',
    givenName: '二郎',
    familyKana: 'ミナミ',
    givenKana: 'ジロウ',
    prefecture: '北海道',
    joinedOn: '2020-04-01',
  });
  const gone = await addMember(em(), {
    familyName: '東',
    givenName: '三郎',
    familyKana: 'ヒガシ',
    givenKana: 'サブロウ',
    prefecture: '大阪府',
    joinedOn: '2020-04-01',
  });
  await asTest(() => withdrawMember(em(), gone.id, { date: '2026-05-01', reason: '転居' }));
  await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2025, issuedOn: '2025-04-01' }));
  await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026, issuedOn: '2026-04-01' }));
  await asTest(() =>
    createInteraction(em(), osaka.id, {
      occurredOn: '2026-07-01',
      occurredTime: null,
      staffId: null,
      channel: '電話',
      summary: '会報の件',
      content: null,
      gift: null,
      giftThankedOn: null,
      followUp: '折り返し',
      followUpDue: '2026-07-10',
      followUpDone: false,
    }),
  );
  await asTest(() =>
    createInteraction(em(), osaka.id, {
      occurredOn: '2026-07-01',
      occurredTime: null,
      staffId: null,
      channel: '電話',
      summary: '先の件',
      content: null,
      gift: null,
      giftThankedOn: null,
      followUp: '来月',
      followUpDue: '2026-08-10',
      followUpDone: false,
    }),
  );
  const e = em();
  const imp = e.create(BankImport, { format: 'zengin', fileName: 'a.txt', encoding: 'cp932' } as never);
  e.create(BankTransaction, {
    bankImport: imp,
    line: 1,
    date: '2026-07-01',
    amount: 3000,
    direction: 'deposit',
    payer: 'ﾀﾅｶ',
    payerKey: 'タナカ',
    fingerprint: 'x1',
    status: 'review',
  } as never);
  e.create(BankTransaction, {
    bankImport: imp,
    line: 2,
    date: '2026-07-01',
    amount: 5000,
    direction: 'deposit',
    payer: 'ﾔﾏﾀﾞ',
    payerKey: 'ヤマダ',
    fingerprint: 'x2',
    status: 'matched',
  } as never);
  await asTest(() => e.flush());
  await recordJobRun(em(), 'backup', 'schedule', async () => {
    throw new Error('disk full');
  });
  await asTest(() => refreshLapseProposals(em(), TODAY));
  const c = em();
  const drive = c.create(Campaign, {
    name: '夏の募金',
    targetKind: 'amount',
    targetValue: 40000,
    startsOn: '2026-05-01',
    endsOn: null,
  });
  c.create(Campaign, {
    name: '昨年の募金',
    targetKind: 'amount',
    targetValue: 10000,
    startsOn: '2025-01-01',
    endsOn: '2025-03-31',
  });
  c.create(Campaign, {
    name: '秋の会員募集',
    targetKind: 'supporters',
    targetValue: 10,
    startsOn: '2026-09-01',
    endsOn: null,
  });
  c.create(Batch, {
    kind: 'receipts',
    title: '領収書',
    params: '{}',
    status: 'failed',
    error: 'x',
    createdBy: 't',
  } as never);
  c.create(Batch, { kind: 'receipts', title: '領収書', params: '{}', status: 'done', createdBy: 't' } as never);
  await asTest(() => c.flush());
  await em().nativeUpdate(Donation, { status: 'active' }, { campaignId: drive.id });
}

t.test('the dashboard numbers equal direct queries over the fixtures', async (t) => {
  const { em, config } = await build(t);
  await fixtures(em);
  const n = await todayNumbers(em(), config.dataDir, TODAY);
  const q = em();
  t.equal(
    n.reviewLines,
    await q.count(BankTransaction, { status: { $in: ['review', 'skipped'] }, direction: 'deposit' }),
  );
  t.equal(n.reviewLines, 1);
  t.equal(n.toThank, await q.count(Payment, { status: 'active', thankStatus: 'pending' }));
  t.equal(n.followUpsDue, 1, 'only the follow-up already due');
  const open = await q.find(Invoice, { fiscalYear: 2026, status: { $in: ['unpaid', 'partial'] } });
  t.same(
    [n.fiscalYear, n.unpaidCount, n.unpaidAmount],
    [2026, open.length, open.reduce((s, i) => s + i.amount - i.paidAmount, 0)],
  );
  t.ok(n.unpaidCount > 0);
  t.equal(n.lapseProposals, 2, 'the two members unpaid for 2025 and 2026 who joined before 2025');
  t.equal(n.failedJobs, 1);
  t.equal(n.failedBatches, await q.count(Batch, { status: 'failed' }));
  t.equal(n.failedBatches, 1);

  const a = await aggregates(em(), TODAY);
  const members = await q.find(Member, {}, { populate: ['memberType'] });
  for (const row of a.types) {
    const ofType = members.filter((m) => m.memberType.name === row.typeName);
    t.same(
      [row.active, row.withdrawn],
      [ofType.filter((m) => m.status !== 'withdrawn').length, ofType.filter((m) => m.status === 'withdrawn').length],
      row.typeName,
    );
  }
  t.equal(
    a.types.reduce((s, r) => s + r.active + r.withdrawn, 0),
    members.length,
  );
  const allocs = await q.find(
    Allocation,
    { reversed: false, payment: { status: 'active' } },
    { populate: ['payment'] },
  );
  const gifts = await q.find(Donation, { status: 'active' });
  for (const m of a.months) {
    t.equal(
      m.dues,
      allocs.filter((x) => x.payment.receivedOn.startsWith(m.month)).reduce((s, x) => s + x.amount, 0),
      `dues ${m.month}`,
    );
    t.equal(
      m.donations,
      gifts.filter((d) => d.receivedOn.startsWith(m.month)).reduce((s, d) => s + d.amount, 0),
      `donations ${m.month}`,
    );
  }
  t.equal(a.months.length, 24);
  t.same([a.months[0]!.month, a.months.at(-1)!.month], ['2024-08', '2026-07']);
  t.same(
    a.months.filter((m) => m.dues || m.donations).map((m) => [m.month, m.dues, m.donations]),
    [
      ['2026-05', 3000, 11000],
      ['2026-06', 5000, 0],
    ],
    "April's payment was reversed",
  );
  const inv2026 = await q.find(Invoice, { fiscalYear: 2026 });
  const y2026 = a.years.find((y) => y.fiscalYear === 2026)!;
  t.same(
    [y2026.billed, y2026.collected],
    [inv2026.reduce((s, i) => s + i.amount, 0), inv2026.reduce((s, i) => s + Math.min(i.amount, i.paidAmount), 0)],
  );
  t.same(
    a.prefectures,
    [
      { prefecture: '北海道', count: 1 },
      { prefecture: '大阪府', count: 1 },
      { prefecture: '不明', count: 3 },
    ],
    'withdrawn left out, north to south, unknown last',
  );
  const linked = (await q.find(Donation, { status: 'active', campaignId: { $ne: null } })).reduce(
    (s, d) => s + d.amount,
    0,
  );
  t.ok(linked > 0);
  t.same(
    a.campaigns.map((c) => [c.name, c.currentLabel, c.targetLabel, c.percent]),
    [['夏の募金', `${linked.toLocaleString('ja-JP')}円`, '40,000円', Math.floor((linked * 100) / 40000)]],
    'running campaigns only: one ended over 90 days ago and one not yet started are left out',
  );
});

t.test(
  "/ opens the dashboard: today's numbers, five SVG charts with titles, and their numbers as tables",
  async (t) => {
    const { app, em } = await build(t);
    await fixtures(em);
    const c = await loggedIn(app, 'viewer');
    const fresh = new Client(app);
    await addStaff(app, 'viewer', 'viewer-login');
    await fresh.get('/login');
    t.equal(
      (await fresh.post('/login', { loginId: 'viewer-login', password: PASSWORD })).headers.location,
      '/dashboard',
      'the first page after login',
    );
    const root = await c.get('/');
    t.equal(root.headers.location, '/dashboard');
    const page = await c.get('/dashboard?fresh=1');
    t.equal(page.statusCode, 200);
    t.equal((page.body.match(/<svg xmlns/g) ?? []).length, 5);
    for (const title of [
      '会員種別・状態別の会員数',
      '月別の会費・寄付の入金額（24か月）',
      '年度別の会費回収率',
      '都道府県別の会員数',
      'キャンペーンの達成率',
    ])
      t.match(page.body, `-title">${title}</title>`);
    t.match(page.body, /class="n-review">[^<]*<strong>1<\/strong>/);
    t.match(page.body, /<th scope="row">大阪府<\/th><td class="num">1<\/td>/);
    t.match(page.body, '<th scope="row">2026-05</th><td class="num">3,000円</td><td class="num">11,000円</td>');
    t.match(page.body, 'まだありません', 'no backup yet');
    t.match(page.body, /class="n-batches">[^<]*<strong>1<\/strong>/);
    t.match(
      page.body,
      /<th scope="row">夏の募金<\/th><td class="num">40,000円<\/td><td class="num">[\d,]+円<\/td><td class="num">\d+%<\/td>/,
    );
    const csv = await c.get('/reports/aggregates/prefectures.csv');
    t.equal(csv.statusCode, 200);
    t.equal(csv.body, '\uFEFF都道府県,会員数\r\n北海道,1\r\n大阪府,1\r\n不明,3\r\n');
    const agg = await c.get('/reports/aggregates');
    t.match(agg.body, 'id="table-years"');
    t.equal((await c.get('/reports/aggregates/nope.csv')).statusCode, 404);
  },
);

t.test('quorum: more than half, or at least two thirds', async (t) => {
  const cases: [number, 'majority' | 'two-thirds', number][] = [
    [0, 'majority', 0],
    [1, 'majority', 1],
    [2, 'majority', 2],
    [3, 'majority', 2],
    [10, 'majority', 6],
    [11, 'majority', 6],
    [3, 'two-thirds', 2],
    [10, 'two-thirds', 7],
    [12, 'two-thirds', 8],
  ];
  for (const [n, rule, want] of cases) t.equal(quorumOf(n, rule), want, `${n} ${rule}`);
});

t.test(
  'the 社員総会 roster lists 正会員 in good standing on the record date, with the quorum from the setting',
  async (t) => {
    const { app, em } = await build(t);
    await fixtures(em);
    // 正会員: 1 (reversed April payment: owes 2026 since the due date 05-01), 3 (paid 06-05), 4 and 5 (owe 2025), 6 withdrawn 05-01.
    const onApril = await assemblyRoster(em(), '2026-04-20');
    t.same(
      onApril.members.map((m) => m.memberNo),
      [1, 3, 6],
      'before 2026 dues fell due; 4 and 5 owe 2025; 6 had not left yet',
    );
    const onJune = await assemblyRoster(em(), '2026-06-10');
    t.same(
      onJune.members.map((m) => m.memberNo),
      [3],
    );
    t.same([onJune.quorum, onJune.rule], [1, 'majority']);
    await asTest(() =>
      updateSettings(em(), { assemblyQuorum: 'two-thirds', assemblyMemberTypes: ['正会員', '賛助会員'] }),
    );
    const both = await assemblyRoster(em(), '2026-06-10');
    t.same(
      both.members.map((m) => m.memberNo),
      [2, 3],
    );
    t.equal(both.quorum, 2);
    const c = await loggedIn(app, 'viewer');
    const page = await c.get('/reports/assembly?date=2026-06-10');
    t.match(page.body, /class="roster-count">2</);
    t.match(page.body, '3分の2以上');
    t.match(page.body, '委任状');
    t.equal((page.body.match(/☐/g) ?? []).length, 4, '出席 and 委任状 boxes for each member');
    t.equal((await c.get('/reports/assembly?date=2026-13-01')).statusCode, 422);
  },
);
