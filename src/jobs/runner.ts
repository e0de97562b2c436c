import { withActor } from '../db/actor.js';
import type { IJobRun, JobTrigger } from '../batches/job-run.entity.js';
import { recordJobRun, type JobOutput } from '../batches/job-runs.js';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import type { JobContext } from '../operations/jobs.service.js';
import { JOBS_PAGE } from './ui-text.js';

/** Runs one job now, recorded in the job-run table, as the actor 'ジョブ: name' in the audit log. */
export async function runJobNow(
  orm: Orm,
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  job: { name: string; run(ctx: JobContext): Promise<JobOutput> },
  trigger: JobTrigger,
  today = todayInTokyo(),
): Promise<IJobRun> {
  return withActor({ staffId: null, name: JOBS_PAGE.actor(job.name) }, () =>
    recordJobRun(orm.em.fork(), job.name, trigger, () => job.run({ orm, config, today })),
  );
}
