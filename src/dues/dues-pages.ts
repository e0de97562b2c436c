import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf } from '../lib/fiscal-year.js';
import { getSettings } from '../settings/settings.service.js';
import { checkFiscalYear } from './invoice.service.js';

/** The year a page shows: ?year= when given and valid, else the current fiscal year. */
export async function pageYear(em: EntityManager, raw: unknown): Promise<number> {
  if (raw === undefined || raw === '') return currentFiscalYear(em);
  return checkFiscalYear(raw);
}

export async function currentFiscalYear(em: EntityManager): Promise<number> {
  return fiscalYearOf(todayInTokyo(), (await getSettings(em)).fiscalYearStartMonth);
}

export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
