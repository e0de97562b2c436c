import { backupNow } from '../backup/backup.service.js';
import type { JobOutput } from '../batches/job-runs.js';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import { issueInvoiceRun, planInvoiceRun } from '../dues/invoice-run.service.js';
import { refreshLapseProposals } from '../dues/lapse-proposals.service.js';
import { fiscalYearOf, fiscalYearRange } from '../lib/fiscal-year.js';
import { getSettings } from '../settings/settings.service.js';
import { makeReminderLetters } from './reminder-letters.js';
import { makeSpecialDayLists } from './special-days-job.js';
import { JOB_TEXT } from './ui-text.js';

/** What every job gets: the database, the config (data dir) and today's date in Tokyo. */
export interface JobContext {
  orm: Orm;
  config: Pick<Config, 'dataDir' | 'databaseUrl'>;
  today: string;
}

/**
 * The year's invoice run, on the fiscal year's first day only (other days: nothing). With the
 * "confirm first" setting it only plans, and staff issue from the preview on the dues page.
 */
export async function annualInvoiceJob(ctx: JobContext): Promise<JobOutput> {
  const em = ctx.orm.em.fork();
  const s = await getSettings(em);
  const fy = fiscalYearOf(ctx.today, s.fiscalYearStartMonth);
  if (fiscalYearRange(fy, s.fiscalYearStartMonth).start !== ctx.today)
    return { summary: JOB_TEXT.notFirstDay, counts: {} };
  if (s.invoiceRunMode === 'confirm') {
    const plan = await planInvoiceRun(em, fy, ctx.today);
    return {
      summary: JOB_TEXT.previewReady(fy),
      counts: { planned: plan.issue.length, skipped: plan.skipped.length, total: plan.total },
    };
  }
  const r = await issueInvoiceRun(em, { fiscalYear: fy, issuedOn: ctx.today });
  return {
    summary: JOB_TEXT.issued(fy),
    counts: { issued: r.issued.length, skipped: r.skipped.length, total: r.total },
  };
}

/** Reminder list refresh: letters for invoices past due by the setting's days, not reminded since. */
export async function reminderJob(ctx: JobContext): Promise<JobOutput> {
  const em = ctx.orm.em.fork();
  const days = (await getSettings(em)).reminderDaysAfterDue;
  const r = await makeReminderLetters(em, ctx.config.dataDir, days, ctx.today);
  return {
    summary: r.file ? JOB_TEXT.reminders(days, r.file.split(/[\\/]/).pop()!) : JOB_TEXT.noReminders(days),
    counts: { invoices: r.letters, outstanding: r.outstanding },
  };
}

/** The month's birthday and dormant lists, once a month (a later run that month finds them). */
export async function specialDaysJob(ctx: JobContext): Promise<JobOutput> {
  const r = await makeSpecialDayLists(ctx.orm.em.fork(), ctx.config.dataDir, ctx.today);
  return {
    summary: r.made.length ? JOB_TEXT.specialDaysMade(r.made) : JOB_TEXT.specialDaysExisting(ctx.today.slice(0, 7)),
    counts: { made: r.made.length },
  };
}

/** Dues status of everyone, and 退会候補 proposals (never a withdrawal). */
export async function statusJob(ctx: JobContext): Promise<JobOutput> {
  const r = await refreshLapseProposals(ctx.orm.em.fork(), ctx.today);
  return { summary: JOB_TEXT.status, counts: { ...r } };
}

/** Nightly backup into the data dir, keeping the newest N. */
export async function backupJob(ctx: JobContext): Promise<JobOutput> {
  const keep = (await getSettings(ctx.orm.em.fork())).backupKeep;
  const r = await backupNow(ctx.orm, ctx.config, keep);
  return { summary: r.file.split(/[\\/]/).pop(), counts: { bytes: r.size, pruned: r.pruned.length } };
}
