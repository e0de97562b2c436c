import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import {
  annualInvoiceJob,
  backupJob,
  reminderJob,
  specialDaysJob,
  statusJob,
  type JobContext,
} from '../operations/jobs.service.js';
import type { JobOutput } from '../batches/job-runs.js';
import { jobRows } from '../settings/scheduled-jobs.js';
import { getSettings, type Settings } from '../settings/settings.service.js';
import { runJobNow } from './runner.js';
import { JOB_LABELS } from './ui-text.js';

export interface JobDef {
  name: string;
  label: string;
  /** 'HH:MM' Asia/Tokyo, every day, unless the jobSwitches setting says otherwise. */
  defaultTime: string;
  run(ctx: JobContext): Promise<JobOutput>;
}

/** Every scheduled job, in one place. Each is one call into a service tested on its own. */
export const JOBS: JobDef[] = [
  { name: 'invoice-run', label: JOB_LABELS['invoice-run'], defaultTime: '06:00', run: annualInvoiceJob },
  { name: 'reminders', label: JOB_LABELS.reminders, defaultTime: '06:30', run: reminderJob },
  { name: 'status', label: JOB_LABELS.status, defaultTime: '07:00', run: statusJob },
  { name: 'backup', label: JOB_LABELS.backup, defaultTime: '02:30', run: backupJob },
  { name: 'special-days', label: JOB_LABELS['special-days'], defaultTime: '07:30', run: specialDaysJob },
];

export function findJob(name: string): JobDef | undefined {
  return JOBS.find((j) => j.name === name);
}

/** A job's switch and time from settings, defaulting to on at its default time. */
export function jobSetting(s: Settings, job: JobDef): { enabled: boolean; time: string } {
  const { enabled, time } = jobRows(s.jobSwitches, [job])[0]!;
  return { enabled, time };
}

/** '02:30' → '30 2 * * *' (daily). */
export function cronOf(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${m} ${h} * * *`;
}

/**
 * Starts one cron task per job (Asia/Tokyo, noOverlap within this process; the job-run table's
 * running row keeps other processes out). Times are read at start: a changed time applies after
 * a restart; the on/off switch is read again at every tick, so switching off works at once.
 */
export async function startScheduler(
  orm: Orm,
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  log: { error(o: object, m: string): void },
): Promise<{ stop(): Promise<void> }> {
  const settings = await getSettings(orm.em.fork());
  const tasks: ScheduledTask[] = JOBS.map((job) =>
    cron.schedule(
      cronOf(jobSetting(settings, job).time),
      async () => {
        try {
          if (!jobSetting(await getSettings(orm.em.fork()), job).enabled) return;
          await runJobNow(orm, config, job, 'schedule');
        } catch (err) {
          log.error({ err, job: job.name }, 'scheduled job could not be recorded');
        }
      },
      { timezone: 'Asia/Tokyo', name: job.name, noOverlap: true },
    ),
  );
  return {
    stop: async () => {
      for (const t of tasks) await t.stop();
    },
  };
}
