import { listBackups } from '../backup/backup.service.js';
import { failedRunsSince } from '../batches/job-runs.js';
import type { EntityManager } from '../db/orm.js';
import { collectionRates } from '../dues/dues-status.service.js';
import { sqlDate } from '../dues/invoice-status.js';
import { openLapseProposals } from '../dues/lapse-proposals.service.js';
import { addDays, todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf } from '../lib/fiscal-year.js';
import { PREFECTURES } from '../members/prefectures.js';
import { getSettings } from '../settings/settings.service.js';
import { UNKNOWN_PREFECTURE } from './ui-text.js';

export interface TodayNumbers {
  reviewLines: number; toThank: number; followUpsDue: number; fiscalYear: number; unpaidCount: number; unpaidAmount: number;
  lapseProposals: number; failedJobs: number; lastBackupAt: Date | null;
}

const n = (rows: Record<string, unknown>[], k = 'n') => Number(rows[0]?.[k] ?? 0);

/** The morning's numbers: what needs doing today. failedJobs: failed or interrupted runs of the last 7 days. */
export async function todayNumbers(em: EntityManager, dataDir: string, today = todayInTokyo(), now = new Date()): Promise<TodayNumbers> {
  const fy = fiscalYearOf(today, (await getSettings(em)).fiscalYearStartMonth);
  const review = await em.execute(`select count(*) as n from bank_transaction t join bank_import i on i.id = t.bank_import_id
     where t.status in ('review', 'skipped') and t.direction = 'deposit' and i.status = 'active'`);
  const thank = await em.execute(`select count(*) as n from payment where status = 'active' and thank_status = 'pending'`);
  const follow = await em.execute(`select count(*) as n from interaction where follow_up is not null and not follow_up_done and follow_up_due <= ?`, [today]);
  const unpaid = await em.execute(`select count(*) as n, coalesce(sum(amount - paid_amount), 0) as s from invoice where fiscal_year = ? and status in ('unpaid', 'partial')`, [fy]);
  return {
    reviewLines: n(review), toThank: n(thank), followUpsDue: n(follow), fiscalYear: fy, unpaidCount: n(unpaid), unpaidAmount: n(unpaid, 's'),
    lapseProposals: await openLapseProposals(em), failedJobs: await failedRunsSince(em, new Date(now.getTime() - 7 * 86400_000)),
    lastBackupAt: listBackups(dataDir)[0]?.createdAt ?? null,
  };
}

export interface TypeStatusRow { typeName: string; active: number; withdrawn: number }

export async function membersByTypeAndStatus(em: EntityManager): Promise<TypeStatusRow[]> {
  const rows = await em.execute<{ name: string; status: string; n: number }[]>(`select t.name, m.status, count(*) as n from member m join member_type t on t.id = m.member_type_id
     group by t.name, t.sort_order, m.status order by t.sort_order, t.name`);
  const out = new Map<string, TypeStatusRow>();
  for (const r of rows) {
    const row = out.get(r.name) ?? { typeName: r.name, active: 0, withdrawn: 0 };
    row[r.status === 'withdrawn' ? 'withdrawn' : 'active'] += Number(r.n);
    out.set(r.name, row);
  }
  return [...out.values()];
}

export interface MonthRow { month: string; dues: number; donations: number }

/** The last `months` calendar months up to today's: dues (allocations of active payments) and donations, by day received. */
export async function moneyByMonth(em: EntityManager, today = todayInTokyo(), months = 24): Promise<MonthRow[]> {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const list = Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (months - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
  const from = `${list[0]}-01`;
  const to = addDays(`${list.at(-1)}-01`, 31);
  const out = new Map(list.map((mo) => [mo, { month: mo, dues: 0, donations: 0 }]));
  const dues = await em.execute<{ d: string | Date; s: number }[]>(`select p.received_on as d, sum(a.amount) as s from allocation a join payment p on p.id = a.payment_id
     where not a.reversed and p.status = 'active' and p.received_on >= ? and p.received_on < ? group by p.received_on`, [from, to]);
  const gifts = await em.execute<{ d: string | Date; s: number }[]>(`select received_on as d, sum(amount) as s from donation
     where status = 'active' and received_on >= ? and received_on < ? group by received_on`, [from, to]);
  for (const r of dues) { const row = out.get(sqlDate(r.d).slice(0, 7)); if (row) row.dues += Number(r.s); }
  for (const r of gifts) { const row = out.get(sqlDate(r.d).slice(0, 7)); if (row) row.donations += Number(r.s); }
  return [...out.values()];
}

export interface YearRate { fiscalYear: number; billed: number; collected: number; rate: number }

export async function collectionByYear(em: EntityManager, years = 6): Promise<YearRate[]> {
  return (await collectionRates(em)).filter((r) => r.typeName === null).slice(0, years).reverse()
    .map((r) => ({ fiscalYear: r.fiscalYear, billed: r.billed, collected: r.collected, rate: r.rate }));
}

/** Members not withdrawn, per 都道府県 in the usual north-to-south order; no prefecture → 不明, last. */
export async function membersByPrefecture(em: EntityManager): Promise<{ prefecture: string; count: number }[]> {
  const rows = await em.execute<{ p: string | null; n: number }[]>(`select prefecture as p, count(*) as n from member where status <> 'withdrawn' group by prefecture`);
  const rank = (p: string) => { const i = (PREFECTURES as readonly string[]).indexOf(p); return i < 0 ? 99 : i; };
  const merged = new Map<string, number>();
  for (const r of rows) { const k = r.p || UNKNOWN_PREFECTURE; merged.set(k, (merged.get(k) ?? 0) + Number(r.n)); }
  return [...merged].map(([prefecture, count]) => ({ prefecture, count })).sort((a, b) => rank(a.prefecture) - rank(b.prefecture) || a.prefecture.localeCompare(b.prefecture, 'ja'));
}

export interface Aggregates { types: TypeStatusRow[]; months: MonthRow[]; years: YearRate[]; prefectures: { prefecture: string; count: number }[] }

export async function aggregates(em: EntityManager, today = todayInTokyo()): Promise<Aggregates> {
  return { types: await membersByTypeAndStatus(em), months: await moneyByMonth(em, today), years: await collectionByYear(em), prefectures: await membersByPrefecture(em) };
}
