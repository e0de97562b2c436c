import { onPostgres } from '../db/write-lock.js';
import { todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf } from '../lib/fiscal-year.js';
import { addListBadgeColumn } from '../members/member-page.js';
import { readSettings } from '../settings/settings.service.js';
import { deriveDuesStatus } from './dues-status.service.js';
import { TIMELINE } from './ui-text.js';

/** The fiscal years (up to the current one) with an open invoice, as 'y1,y2,…' (any order). */
export function openYearsSql(postgres: boolean): string {
  const years = postgres
    ? `string_agg(distinct cast(i.fiscal_year as text), ',')`
    : 'group_concat(distinct i.fiscal_year)';
  return `(select ${years} from invoice i where i.member_id = m.id and i.status in ('unpaid', 'partial') and i.fiscal_year <= ?)`;
}

/** The years of openYearsSql, oldest first. */
export function parseOpenYears(value: unknown): number[] {
  if (value === null || value === undefined || value === '') return [];
  return String(value)
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * 未納 / 滞納 (and 退会候補) next to each member in the member list; 会員 and 退会 need no badge.
 * Read as a column of the list's own rows query (the same rule as duesStatuses: deriveDuesStatus).
 */
export function registerDuesListBadges(): void {
  addListBadgeColumn({
    key: 'dues',
    async prepare(em) {
      const settings = await readSettings(em);
      const currentFy = fiscalYearOf(todayInTokyo(), settings.fiscalYearStartMonth);
      return {
        sql: openYearsSql(onPostgres(em)),
        bindings: [currentFy],
        badge(value, row) {
          const s = deriveDuesStatus(row.status === 'withdrawn', parseOpenYears(value), 0, settings.graceYears);
          if (s.status !== 'unpaid' && s.status !== 'arrears') return null;
          const years = s.unpaidYears.map(TIMELINE.fiscalYear).join(TIMELINE.yearSeparator);
          return {
            label: s.lapseCandidate ? TIMELINE.lapseCandidate(s.label) : s.label,
            cls: s.status,
            title: TIMELINE.unpaidYears(years),
          };
        },
      };
    },
  });
}
