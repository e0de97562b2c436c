import { isClockTime } from '../lib/dates.js';

/**
 * The scheduled jobs the settings page offers a switch and a time for. The schedule lives at the
 * top (src/jobs/); app.ts registers its list here, so settings imports nothing above it.
 */
export interface ScheduledJobInfo {
  name: string;
  label: string;
  defaultTime: string;
}

let jobs: ScheduledJobInfo[] = [];

export function registerScheduledJobs(list: ScheduledJobInfo[]): void {
  jobs = list.map((j) => ({ ...j }));
}

export function scheduledJobs(): ScheduledJobInfo[] {
  return jobs.map((j) => ({ ...j }));
}

export interface JobRow extends ScheduledJobInfo {
  enabled: boolean;
  time: string;
}

type Switches = Record<string, { enabled: boolean; time: string }>;

/** Each job with its switch and time as stored, defaulting to on at its own time (as the scheduler reads it). */
export function jobRows(stored: Switches, list = scheduledJobs()): JobRow[] {
  return list.map((j) => ({
    ...j,
    enabled: stored[j.name]?.enabled ?? true,
    time: isClockTime(stored[j.name]?.time) ? stored[j.name]!.time : j.defaultTime,
  }));
}

/**
 * The per-job fields of the settings form (`job.NAME.enabled` checkbox, `job.NAME.time` HH:MM)
 * → the jobSwitches value, or the field errors. Pure. Null when the form has no job fields.
 */
export function parseJobFields(
  body: Record<string, string | undefined>,
  badTime: string,
  list = scheduledJobs(),
): { value: Switches } | { errors: Record<string, string> } | null {
  if (!list.some((j) => body[`job.${j.name}.time`] !== undefined)) return null;
  const value: Switches = {};
  const errors: Record<string, string> = {};
  for (const j of list) {
    const time = (body[`job.${j.name}.time`] ?? j.defaultTime).normalize('NFKC').trim();
    if (!isClockTime(time)) errors[`job.${j.name}.time`] = badTime;
    value[j.name] = { enabled: body[`job.${j.name}.enabled`] === '1', time };
  }
  return Object.keys(errors).length ? { errors } : { value };
}
