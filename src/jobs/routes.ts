import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { lastRunOf, recentJobRuns } from '../batches/job-runs.js';
import { listReminderFiles, reminderFilePath } from '../operations/reminder-letters.js';
import { COUNT_LABELS, OUTCOME_LABELS, TRIGGER_LABELS } from '../operations/ui-text.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { runJobNow } from './runner.js';
import { findJob, JOBS, jobSetting } from './schedule.js';
import { JOBS_PAGE } from './ui-text.js';

/** 定時ジョブ (admin): each job's switch, time and last run; the run history; run one now. */
export async function jobRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin/jobs', { config: { role: 'admin' } }, async (req, reply) => {
    const s = await getSettings(req.em);
    const jobs = await Promise.all(
      JOBS.map(async (j) => ({ ...j, ...jobSetting(s, j), last: await lastRunOf(req.em, j.name) })),
    );
    return reply.render('jobs/index', {
      title: JOBS_PAGE.title,
      jobs,
      runs: await recentJobRuns(req.em),
      letters: listReminderFiles(app.config.dataDir).slice(0, 12),
      outcomes: OUTCOME_LABELS,
      triggers: TRIGGER_LABELS,
      countLabels: COUNT_LABELS,
    });
  });

  app.get('/admin/jobs/reminders/:file', { config: { role: 'admin' } }, async (req, reply) => {
    const path = reminderFilePath(app.config.dataDir, (req.params as { file: string }).file);
    if (!path) throw new UserError(JOBS_PAGE.noReminderFile, 404);
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .send(createReadStream(path));
  });

  app.post('/admin/jobs/:name/run', { config: { role: 'admin' } }, async (req, reply) => {
    const job = findJob((req.params as { name: string }).name);
    if (!job) throw new UserError(JOBS_PAGE.noJob, 404);
    const run = await runJobNow(app.orm, app.config, job, 'web');
    return reply.redirectWithFlash(
      '/admin/jobs',
      `${job.label}: ${OUTCOME_LABELS[run.outcome]}`,
      run.outcome === 'ok' ? 'ok' : 'error',
    );
  });
}
