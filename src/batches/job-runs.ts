import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '../db/orm.js';
import { JobRun, type IJobRun, type JobOutcome, type JobTrigger } from './job-run.entity.js';
import { JOB_TEXT } from './ui-text.js';

export interface JobOutput {
  counts?: Record<string, number>;
  summary?: string;
}

async function insertRun(em: EntityManager, row: Partial<IJobRun>): Promise<number> {
  const now = new Date();
  return (await em.insert(JobRun, { pid: process.pid, ...row, createdAt: now, updatedAt: now } as IJobRun)) as number;
}

async function finish(
  em: EntityManager,
  id: number,
  outcome: JobOutcome,
  out: JobOutput & { error?: string },
): Promise<void> {
  await em.nativeUpdate(
    JobRun,
    { id },
    {
      outcome,
      finishedAt: new Date(),
      runningKey: null,
      counts: out.counts ?? null,
      summary: out.summary?.slice(0, 400) ?? null,
      error: out.error?.slice(0, 1000) ?? null,
      updatedAt: new Date(),
    },
  );
}

/**
 * Runs one job and records it: started, finished, outcome, counts, error. A job already running
 * (a 'running' row holds its key) is not started again; that attempt is recorded as skipped.
 * A failure is recorded, not thrown: the scheduler keeps going and the admin page shows it.
 */
export async function recordJobRun(
  em: EntityManager,
  job: string,
  trigger: JobTrigger,
  fn: () => Promise<JobOutput>,
): Promise<IJobRun> {
  const startedAt = new Date();
  let id: number;
  try {
    id = await insertRun(em, { job, trigger, startedAt, outcome: 'running', runningKey: job });
  } catch (err) {
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
    id = await insertRun(em, {
      job,
      trigger,
      startedAt,
      finishedAt: new Date(),
      outcome: 'skipped',
      summary: JOB_TEXT.overlap,
    });
    return em.fork().findOneOrFail(JobRun, { id });
  }
  try {
    const out = await fn();
    await finish(em, id, 'ok', out);
  } catch (err) {
    await finish(em, id, 'failed', { error: err instanceof Error ? err.message : String(err) });
  }
  return em.fork().findOneOrFail(JobRun, { id });
}

function alive(pid: number | null): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * At server start: runs left 'running' by a process that is gone (the server stopped or
 * crashed mid-job) become 'interrupted' and release their key. A run of a live process (a CLI
 * job still working) is left alone. `self` counts as gone: a fresh server has run nothing yet.
 */
export async function markInterruptedRuns(em: EntityManager, self = process.pid): Promise<number> {
  const running = await em.fork().find(JobRun, { outcome: 'running' });
  const dead = running.filter((r) => r.pid === self || !alive(r.pid ?? null));
  for (const r of dead)
    await finish(em, r.id, 'interrupted', { summary: JOB_TEXT.interrupted, counts: r.counts ?? undefined });
  return dead.length;
}

export async function recentJobRuns(em: EntityManager, limit = 50): Promise<IJobRun[]> {
  return em.fork().find(JobRun, {}, { orderBy: { startedAt: 'desc', id: 'desc' }, limit });
}

export async function lastRunOf(em: EntityManager, job: string): Promise<IJobRun | null> {
  return em.fork().findOne(JobRun, { job }, { orderBy: { startedAt: 'desc', id: 'desc' } });
}

/** Failed runs since a moment (the dashboard counts the last 7 days). */
export async function failedRunsSince(em: EntityManager, since: Date): Promise<number> {
  return em.fork().count(JobRun, { outcome: { $in: ['failed', 'interrupted'] }, startedAt: { $gte: since } });
}
