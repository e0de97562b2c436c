import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '../db/orm.js';
import { birthdayListDoc, dormantListDoc, writeDoc } from '../mailings/special-days.service.js';
import { getSettings } from '../settings/settings.service.js';
import { remindersDir } from './reminder-letters.js';

/**
 * The monthly lists of the special-days page, made by the scheduled job: this month's 誕生日 list
 * and the 休眠 supporters list, as PDFs in the data dir (beside the reminder letters, listed on
 * the jobs page). Made once a month: a later run in the same month (or a server that was down on
 * the 1st) finds them and does nothing. Each file is written whole or not at all.
 */
export async function makeSpecialDayLists(
  em: EntityManager,
  dataDir: string,
  today: string,
): Promise<{ made: string[]; existing: string[] }> {
  const ym = today.slice(0, 7);
  const month = Number(today.slice(5, 7));
  const dir = remindersDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const wanted: [string, () => Promise<PDFKit.PDFDocument>][] = [
    [`birthdays-${ym}.pdf`, () => birthdayListDoc(em, month, today)],
    [`dormant-${ym}.pdf`, async () => dormantListDoc(em, (await getSettings(em)).dormantMonths, today)],
  ];
  const made: string[] = [];
  const existing: string[] = [];
  for (const [name, draw] of wanted) {
    const file = join(dir, name);
    if (existsSync(file)) {
      existing.push(name);
      continue;
    }
    const part = `${file}.part`;
    try {
      await writeDoc(await draw(), createWriteStream(part));
      renameSync(part, file);
      made.push(name);
    } catch (err) {
      rmSync(part, { force: true });
      throw err;
    }
  }
  return { made, existing };
}
