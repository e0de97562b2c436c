import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const JOB_OUTCOMES = ['running', 'ok', 'failed', 'skipped', 'interrupted'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];
export type JobTrigger = 'schedule' | 'cli' | 'web';

/**
 * One run of a scheduled job. While it runs, runningKey holds the job's name under a unique
 * index: a second start of the same job — in this process or another (the CLI beside the
 * server) — fails to insert and is recorded as skipped instead of overlapping.
 * Written natively (not through the unit of work): run bookkeeping is not an audited change.
 */
export const JobRun = defineEntity({
  name: 'JobRun',
  tableName: 'job_run',
  properties: {
    id: p.integer().primary().autoincrement(),
    job: p.string().length(60),
    trigger: p.string().length(20).$type<JobTrigger>(),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    outcome: p.string().length(20).$type<JobOutcome>(),
    counts: p.json<Record<string, number>>().nullable(),
    summary: p.string().length(400).nullable(),
    error: p.string().length(1000).nullable(),
    pid: p.integer().nullable(),
    runningKey: p.string().length(60).nullable().unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['job', 'startedAt'] }, { properties: ['outcome'] }],
});
export type IJobRun = InferEntity<typeof JobRun>;
