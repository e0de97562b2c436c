import { lastRunOf } from '../batches/job-runs.js';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { OUTCOME_LABELS } from '../operations/ui-text.js';
import { getSettings } from '../settings/settings.service.js';
import { runJobNow } from './runner.js';
import { findJob, JOBS, jobSetting } from './schedule.js';

const counts = (c: Record<string, number> | null | undefined) =>
  Object.entries(c ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

export const jobsListCommand: Command = {
  name: 'jobs list',
  usage: 'enishi jobs list',
  summary: '定時ジョブの一覧（有効/無効、時刻、前回の結果）',
  async run(_args, io) {
    await withDatabase(io, async (em) => {
      const s = await getSettings(em);
      for (const job of JOBS) {
        const { enabled, time } = jobSetting(s, job);
        const last = await lastRunOf(em, job.name);
        const lastText = last ? `${last.startedAt.toISOString()} ${OUTCOME_LABELS[last.outcome]}` : '未実行';
        io.out([job.name.padEnd(12), enabled ? '有効' : '無効', time, job.label, `前回: ${lastText}`].join('  '));
      }
    });
    return 0;
  },
};

export const jobsRunCommand: Command = {
  name: 'jobs run',
  usage: `enishi jobs run NAME（${JOBS.map((j) => j.name).join(' | ')}）`,
  summary: '定時ジョブを今すぐ 1 回実行します（結果はジョブ履歴に残ります）',
  async run(args, io) {
    if (args.length !== 1) throw new CliError('実行するジョブの名前を 1 つ指定してください', 2);
    const job = findJob(args[0]!);
    if (!job) throw new CliError(`不明なジョブです: ${args[0]}（${JOBS.map((j) => j.name).join(', ')}）`, 2);
    const run = await withDatabase(io, (_em, orm, config) => runJobNow(orm, config, job, 'cli'));
    const line = `${job.name}: ${OUTCOME_LABELS[run.outcome]}${run.summary ? ` — ${run.summary}` : ''}${run.counts ? ` (${counts(run.counts)})` : ''}`;
    if (run.outcome !== 'ok') throw new CliError(run.error ? `${line}: ${run.error}` : line);
    io.out(line);
    return 0;
  },
};

export const jobsCommands: Command[] = [jobsListCommand, jobsRunCommand];
