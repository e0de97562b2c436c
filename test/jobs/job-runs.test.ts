import t from 'tap';
import { spawnSync } from 'node:child_process';
import { JobRun } from '../../src/batches/job-run.entity.js';
import { markInterruptedRuns, recordJobRun, recentJobRuns } from '../../src/batches/job-runs.js';
import { testDatabase } from '../helper.js';

async function db(t: Parameters<typeof testDatabase>[0]) {
  const { orm } = await testDatabase(t);
  return () => orm.em.fork();
}

t.test('a successful run records start, finish, outcome and counts', async (t) => {
  const em = await db(t);
  const run = await recordJobRun(em(), 'status', 'cli', async () => ({
    counts: { members: 3 },
    summary: '更新しました',
  }));
  t.equal(run.outcome, 'ok');
  t.same(run.counts, { members: 3 });
  t.equal(run.summary, '更新しました');
  t.ok(run.finishedAt && run.finishedAt >= run.startedAt);
  t.equal(run.runningKey, null, 'the lock is released');
});

t.test('a failing job is recorded as failed with its error, and does not throw', async (t) => {
  const em = await db(t);
  const run = await recordJobRun(em(), 'backup', 'schedule', async () => {
    throw new Error('ディスクがいっぱいです');
  });
  t.equal(run.outcome, 'failed');
  t.equal(run.error, 'ディスクがいっぱいです');
  const next = await recordJobRun(em(), 'backup', 'schedule', async () => ({}));
  t.equal(next.outcome, 'ok', 'a failure leaves no lock behind');
});

t.test('a job never overlaps itself: a second start while it runs is recorded as skipped', async (t) => {
  const em = await db(t);
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let calls = 0;
  const slow = recordJobRun(em(), 'reminders', 'schedule', async () => {
    calls++;
    await gate;
    return { counts: { invoices: 1 } };
  });
  await new Promise((r) => setTimeout(r, 50));
  const second = await recordJobRun(em(), 'reminders', 'cli', async () => {
    calls++;
    return {};
  });
  t.equal(second.outcome, 'skipped');
  t.match(second.summary, '見送り');
  const other = await recordJobRun(em(), 'status', 'cli', async () => ({}));
  t.equal(other.outcome, 'ok', 'another job is not blocked');
  release();
  t.equal((await slow).outcome, 'ok');
  t.equal(calls, 1, 'the skipped run never called the job');
});

t.test('a running row of another live process (the CLI beside the server) blocks the job too', async (t) => {
  const em = await db(t);
  const now = new Date();
  await em().insert(JobRun, {
    job: 'backup',
    trigger: 'cli',
    startedAt: now,
    outcome: 'running',
    runningKey: 'backup',
    pid: process.ppid,
    createdAt: now,
    updatedAt: now,
  });
  t.equal((await recordJobRun(em(), 'backup', 'schedule', async () => ({}))).outcome, 'skipped');
  t.equal(await markInterruptedRuns(em(), -1), 0, 'a live process keeps its run');
  t.equal((await recordJobRun(em(), 'backup', 'schedule', async () => ({}))).outcome, 'skipped');
});

t.test('a job that was running when the server stopped shows as interrupted at the next start', async (t) => {
  const em = await db(t);
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(gone.stdout);
  const now = new Date();
  await em().insert(JobRun, {
    job: 'status',
    trigger: 'schedule',
    startedAt: now,
    outcome: 'running',
    runningKey: 'status',
    pid: deadPid,
    createdAt: now,
    updatedAt: now,
  });
  t.equal(await markInterruptedRuns(em()), 1);
  const [run] = await recentJobRuns(em());
  t.equal(run!.outcome, 'interrupted');
  t.match(run!.summary, '中断');
  t.ok(run!.finishedAt);
  t.equal((await recordJobRun(em(), 'status', 'schedule', async () => ({}))).outcome, 'ok', 'the job runs again');
});
