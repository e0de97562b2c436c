import { lastRunOf } from '../batches/job-runs.js';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { OUTCOME_LABELS } from '../operations/ui-text.js';
import { getSettings } from '../settings/settings.service.js';
import { runJobNow } from './runner.js';
import { findJob, JOBS, jobSetting } from './schedule.js';
import { JOBS_CLI as T } from './ui-text.js';

const counts = (c: Record<string, number> | null | undefined) =>
  Object.entries(c ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

export const jobsListCommand: Command = {
  name: 'jobs list',
  usage: 'enishi jobs list',
  summary: T.listSummary,
  async run(_args, io) {
    await withDatabase(io, async (em) => {
      const s = await getSettings(em);
      for (const job of JOBS) {
        const { enabled, time } = jobSetting(s, job);
        const last = await lastRunOf(em, job.name);
        const lastText = last ? `${last.startedAt.toISOString()} ${OUTCOME_LABELS[last.outcome]}` : T.never;
        io.out([job.name.padEnd(12), enabled ? T.on : T.off, time, job.label, T.last(lastText)].join('  '));
      }
    });
    return 0;
  },
};

export const jobsRunCommand: Command = {
  name: 'jobs run',
  usage: T.runUsage(JOBS.map((j) => j.name)),
  summary: T.runSummary,
  async run(args, io) {
    if (args.length !== 1) throw new CliError(T.needName, 2);
    const job = findJob(args[0]!);
    if (!job)
      throw new CliError(
        T.unknown(
          args[0]!,
          JOBS.map((j) => j.name),
        ),
        2,
      );
    const run = await withDatabase(io, (_em, orm, config) => runJobNow(orm, config, job, 'cli'));
    const line = `${job.name}: ${OUTCOME_LABELS[run.outcome]}${run.summary ? ` — ${run.summary}` : ''}${run.counts ? ` (${counts(run.counts)})` : ''}`;
    if (run.outcome !== 'ok') throw new CliError(run.error ? `${line}: ${run.error}` : line);
    io.out(line);
    return 0;
  },
};

export const jobsCommands: Command[] = [jobsListCommand, jobsRunCommand];
