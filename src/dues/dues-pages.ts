import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf } from '../lib/fiscal-year.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { checkFiscalYear } from './invoice-run.service.js';

/** The year a page shows: ?year= when given and valid, else the current fiscal year. */
export async function pageYear(em: EntityManager, raw: unknown): Promise<number> {
  if (raw === undefined || raw === '') return currentFiscalYear(em);
  try {
    return checkFiscalYear(raw);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.message, 422);
    throw e;
  }
}

export async function currentFiscalYear(em: EntityManager): Promise<number> {
  return fiscalYearOf(todayInTokyo(), (await getSettings(em)).fiscalYearStartMonth);
}

export function yen(n: number): string {
  return `${Number(n).toLocaleString('ja-JP')}円`;
}

export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
