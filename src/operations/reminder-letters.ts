import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderReminders, type ReminderDoc } from '../documents/reminder.pdf.js';
import type { EntityManager } from '../db/orm.js';
import { orgInfo } from '../dues/dues-documents.js';
import { reminderCandidates } from '../dues/lapse-proposals.service.js';
import { remindInvoices } from '../dues/unpaid.service.js';

export const remindersDir = (dataDir: string) => join(dataDir, 'reminders');
/** The files the jobs make here: reminder letters of a day, the monthly birthday and dormant lists. */
const NAME = /^(reminders-\d{4}-\d{2}-\d{2}|birthdays-\d{4}-\d{2}|dormant-\d{4}-\d{2})\.pdf$/;

/**
 * 督促状 for open invoices past due by `days` and not reminded since: one PDF in the data dir
 * for staff to print and post, and each invoice marked reminded today (remindInvoices, one
 * transaction per fiscal year). The file is opened first, so nothing is marked when it cannot be written.
 */
export async function makeReminderLetters(
  em: EntityManager,
  dataDir: string,
  days: number,
  today: string,
): Promise<{ letters: number; outstanding: number; file: string | null }> {
  const c = await reminderCandidates(em, days, today);
  if (!c.invoiceIds.length) return { letters: 0, outstanding: 0, file: null };
  mkdirSync(remindersDir(dataDir), { recursive: true });
  const file = join(remindersDir(dataDir), `reminders-${today}.pdf`);
  const out = createWriteStream(file);
  await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  try {
    const docs: ReminderDoc[] = [];
    for (const fiscalYear of c.fiscalYears)
      docs.push(...(await remindInvoices(em, { fiscalYear, invoiceIds: c.invoiceIds, on: today })));
    await renderReminders(docs, await orgInfo(em, dataDir), out);
    return { letters: docs.length, outstanding: c.outstanding, file };
  } catch (err) {
    out.destroy();
    rmSync(file, { force: true });
    throw err;
  }
}

export function listReminderFiles(dataDir: string): { name: string; size: number }[] {
  const dir = remindersDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((name) => ({ name, size: statSync(join(dir, name)).size }));
}

export function reminderFilePath(dataDir: string, name: string): string | null {
  return NAME.test(name) && existsSync(join(remindersDir(dataDir), name)) ? join(remindersDir(dataDir), name) : null;
}
