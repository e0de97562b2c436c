import t from 'tap';
import cron from 'node-cron';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups } from '../../src/backup/backup.service.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { JobRun } from '../../src/batches/job-run.entity.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { LapseProposal } from '../../src/dues/lapse-proposal.entity.js';
import { recordPayment } from '../../src/dues/payment.service.js';
import { cronOf, JOBS, jobSetting, startScheduler } from '../../src/jobs/schedule.js';
import { Member } from '../../src/members/member.entity.js';
import {
  annualInvoiceJob,
  backupJob,
  reminderJob,
  statusJob,
  type JobContext,
} from '../../src/operations/jobs.service.js';
import { seedDefaults } from '../../src/seed.js';
import { DEFAULT_SETTINGS, updateSettings } from '../../src/settings/settings.service.js';
import { build, cliWorkspace, loggedIn, testDatabase } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

async function context(t: Parameters<typeof testDatabase>[0]) {
  const { orm, config } = await testDatabase(t);
  await seedDefaults(orm.em.fork());
  const ctx = (today: string): JobContext => ({ orm, config, today });
  return { orm, em: () => orm.em.fork(), ctx };
}

t.test(
  'the invoice-run job does nothing on other days, plans only when set to confirm first, issues when set to auto',
  async (t) => {
    const { em, ctx } = await context(t);
    await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
    t.match((await annualInvoiceJob(ctx('2026-04-02'))).summary, '年度の初日ではない');
    const preview = await annualInvoiceJob(ctx('2026-04-01'));
    t.same(preview.counts, { planned: 1, skipped: 0, total: 5000 });
    t.match(preview.summary, 'プレビュー');
    t.equal(await em().count(Invoice, {}), 0, 'confirm first: nothing issued');
    await asTest(() => updateSettings(em(), { invoiceRunMode: 'auto' }));
    const issued = await asTest(() => annualInvoiceJob(ctx('2026-04-01')));
    t.same(issued.counts, { issued: 1, skipped: 0, total: 5000 });
    t.equal(await em().count(Invoice, { fiscalYear: 2026 }), 1);
    await asTest(() => updateSettings(em(), { fiscalYearStartMonth: 1 }));
    t.equal(
      (await asTest(() => annualInvoiceJob(ctx('2027-01-01')))).counts?.issued,
      1,
      'the first day follows the fiscal-year setting',
    );
  },
);

t.test(
  'the reminder job makes letters for open invoices past due by the setting and not reminded since, and marks them',
  async (t) => {
    const { em, ctx } = await context(t);
    const a = await addMember(em(), {
      familyName: '山田',
      givenName: '太郎',
      familyKana: 'ヤマダ',
      givenKana: 'タロウ',
    });
    await addMember(em(), {
      familyName: '佐藤',
      givenName: '花子',
      familyKana: 'サトウ',
      givenKana: 'ハナコ',
      memberTypeId: '2',
    });
    await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026, issuedOn: '2026-04-01' })); // due 2026-05-01
    const early = await asTest(() => reminderJob(ctx('2026-05-30')));
    t.same(early.counts, { invoices: 0, outstanding: 0 }, '29 days after: not yet');
    t.match(early.summary, '督促前の未納はありません');
    const inv = await em().findOneOrFail(Invoice, { member: a.id });
    await asTest(() =>
      recordPayment(em(), {
        memberId: a.id,
        receivedOn: '2026-05-20',
        amount: 5000,
        method: 'bank',
        allocations: [{ invoiceId: inv.id, amount: 5000 }],
      }),
    );
    const due = await asTest(() => reminderJob(ctx('2026-05-31')));
    t.same(due.counts, { invoices: 1, outstanding: 3000 }, 'the paid one is left out');
    const file = join(ctx('x').config.dataDir, 'reminders', 'reminders-2026-05-31.pdf');
    t.ok(existsSync(file), 'the letters are in the data dir');
    t.match(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), '佐藤');
    const marked = await em().findOneOrFail(Invoice, { member: { $ne: a.id } });
    t.same([marked.reminderCount, marked.lastRemindedOn], [1, '2026-05-31']);
    t.same(
      (await asTest(() => reminderJob(ctx('2026-06-01')))).counts,
      { invoices: 0, outstanding: 0 },
      'reminded after the due date: not again',
    );
    await asTest(() => updateSettings(em(), { reminderDaysAfterDue: 10 }));
    await em().nativeUpdate(Invoice, {}, { lastRemindedOn: null });
    t.same(
      (await asTest(() => reminderJob(ctx('2026-05-11')))).counts,
      { invoices: 1, outstanding: 3000 },
      'the days come from the setting',
    );
  },
);

t.test('the status job proposes lapse for two unpaid years, never withdraws, and resolves when paid', async (t) => {
  const { em, ctx } = await context(t);
  const a = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    joinedOn: '2020-04-01',
  });
  await addMember(em(), {
    familyName: '佐藤',
    givenName: '花子',
    familyKana: 'サトウ',
    givenKana: 'ハナコ',
    joinedOn: '2020-04-01',
  });
  await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2025, issuedOn: '2025-04-01' }));
  await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026, issuedOn: '2026-04-01' }));
  const b2025 = await em().findOneOrFail(Invoice, { member: { $ne: a.id }, fiscalYear: 2025 });
  await asTest(() =>
    recordPayment(em(), {
      memberId: b2025.member.id,
      receivedOn: '2025-05-01',
      amount: 5000,
      method: 'bank',
      allocations: [{ invoiceId: b2025.id, amount: 5000 }],
    }),
  );
  const first = await asTest(() => statusJob(ctx('2026-06-01')));
  t.same(first.counts, { members: 2, candidates: 1, created: 1, resolved: 0 });
  t.same(
    (await asTest(() => statusJob(ctx('2026-06-02')))).counts,
    { members: 2, candidates: 1, created: 0, resolved: 0 },
    'no second proposal',
  );
  t.equal((await em().findOneOrFail(Member, { id: a.id })).status, 'active', 'a proposal, not a withdrawal');
  const p = await em().findOneOrFail(LapseProposal, { member: a.id });
  t.same([p.unpaidYears, p.outstanding, p.status], ['2025,2026', 10000, 'open']);
  const open = await em().find(Invoice, { member: a.id }, { orderBy: { fiscalYear: 'asc' } });
  await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-06-03',
      amount: 10000,
      method: 'bank',
      allocations: open.map((i) => ({ invoiceId: i.id, amount: 5000 })),
    }),
  );
  t.same((await asTest(() => statusJob(ctx('2026-06-04')))).counts, {
    members: 2,
    candidates: 0,
    created: 0,
    resolved: 1,
  });
});

t.test('the backup job writes into the data dir and keeps the newest N', async (t) => {
  const { em, ctx, orm } = await context(t);
  await asTest(() => updateSettings(em(), { backupKeep: 2 }));
  for (let i = 0; i < 3; i++) {
    const out = await backupJob(ctx('2026-12-02'));
    // On PostgreSQL the archive holds the data dir's files only (the database is pg_dump's job).
    const minBytes = process.env.ENISHI_TEST_DATABASE_URL ? 1 : 1000;
    t.ok((out.counts?.bytes ?? 0) >= minBytes, `archive of ${out.counts?.bytes} bytes`);
    await new Promise((r) => setTimeout(r, 1100)); // names carry the second
  }
  t.equal(listBackups(ctx('x').config.dataDir).length, 2);
  void orm;
});

t.test('every job has a valid daily schedule from its setting; the scheduler starts and stops', async (t) => {
  t.same(
    JOBS.map((j) => j.name),
    ['invoice-run', 'reminders', 'status', 'backup', 'special-days'],
  );
  const cases: [string, string][] = [
    ['02:30', '30 2 * * *'],
    ['06:00', '0 6 * * *'],
    ['23:59', '59 23 * * *'],
  ];
  for (const [time, want] of cases) t.equal(cronOf(time), want, time);
  for (const j of JOBS) t.ok(cron.validate(cronOf(jobSetting(DEFAULT_SETTINGS, j).time)), j.name);
  const off = {
    ...DEFAULT_SETTINGS,
    jobSwitches: { backup: { enabled: false, time: '04:15' }, status: { enabled: true, time: 'noon' } },
  };
  t.same(jobSetting(off, JOBS[3]!), { enabled: false, time: '04:15' });
  t.same(jobSetting(off, JOBS[2]!), { enabled: true, time: '07:00' }, 'a bad time falls back to the default');
  const { orm, config } = await testDatabase(t);
  const before = cron.getTasks().size;
  const s = await startScheduler(orm, config, { error: () => {} });
  t.equal(cron.getTasks().size - before, JOBS.length);
  await s.stop();
});

t.test('enishi jobs list and jobs run NAME; an unknown job exits 2', async (t) => {
  const { run } = await cliWorkspace(t, 'enishi-jobs-cli-');
  const ok = await run('jobs', 'run', 'status');
  t.equal(ok.code, 0, ok.err);
  t.match(ok.out, 'status: 成功');
  const list = await run('jobs', 'list');
  t.equal(list.code, 0);
  t.match(list.out, /status\s+有効\s+07:00/);
  t.match(list.out, /backup\s+有効\s+02:30.*未実行/);
  const bad = await run('jobs', 'run', 'nightly');
  t.equal(bad.code, 2);
  t.match(bad.err, '不明なジョブです');
});

t.test(
  'enishi jobs list shows the switches and times from settings; jobs run records a cli run; no name exits 2',
  async (t) => {
    const { env, run } = await cliWorkspace(t, 'enishi-jobs-cli2-');
    t.equal((await run('jobs', 'list')).code, 0, 'creates the database');
    const orm = await openOrm(loadConfig(env));
    await asTest(() =>
      updateSettings(orm.em.fork(), {
        jobSwitches: { backup: { enabled: false, time: '04:15' }, reminders: { enabled: true, time: '05:45' } },
      }),
    );
    const list = await run('jobs', 'list');
    t.equal(list.code, 0, list.err);
    t.match(list.out, /backup\s+無効\s+04:15/);
    t.match(list.out, /reminders\s+有効\s+05:45/);
    t.match(list.out, /invoice-run\s+有効\s+06:00/, 'a job without its own setting keeps its default');
    const ran = await run('jobs', 'run', 'reminders');
    t.equal(ran.code, 0, ran.err);
    const rows = await orm.em.fork().find(JobRun, { job: 'reminders' });
    t.same(
      rows.map((r) => [r.trigger, r.outcome]),
      [['cli', 'ok']],
      'the run is in the job-run table',
    );
    t.match((await run('jobs', 'list')).out, /reminders\s+有効\s+05:45.*前回: \S+ 成功/);
    const none = await run('jobs', 'run');
    t.equal(none.code, 2);
    t.match(none.err, '実行するジョブの名前を 1 つ指定してください');
    t.equal(await orm.em.fork().count(JobRun, {}), 1, 'a refused run records nothing');
    await orm.close();
  },
);

t.test('the admin page shows each job and the run history, and runs a job now', async (t) => {
  const { app, em } = await build(t);
  const admin = await loggedIn(app, 'admin');
  const run = await admin.post('/admin/jobs/status/run');
  t.equal(run.statusCode, 303);
  t.equal(await em().count(JobRun, { job: 'status', outcome: 'ok', trigger: 'web' }), 1);
  const page = await admin.get('/admin/jobs');
  t.equal(page.statusCode, 200);
  t.match(page.body, '会費状況の更新と退会候補の提案');
  t.match(page.body, /class="outcome-ok"/);
  t.equal((await admin.post('/admin/jobs/nope/run')).statusCode, 404);
  t.equal((await admin.get('/admin/jobs/reminders/..%2Fsecret.key')).statusCode, 404);
  const staff = await loggedIn(app, 'staff');
  t.equal((await staff.get('/admin/jobs')).statusCode, 403);
});
