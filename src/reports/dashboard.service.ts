import { listBackups } from '../backup/backup.service.js';
import { Batch } from '../batches/batch.entity.js';
import { failedRunsSince } from '../batches/job-runs.js';
import type { EntityManager } from '../db/orm.js';
import { sqlDate } from '../dues/invoice-status.js';
import { openLapseProposals } from '../dues/lapse-proposals.service.js';
import { addDays, todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf } from '../lib/fiscal-year.js';
import { listCampaigns, progressOf } from '../mailings/campaigns.service.js';
import { PREFECTURES } from '../members/prefectures.js';
import { getSettings } from '../settings/settings.service.js';
import { UNKNOWN_PREFECTURE } from './ui-text.js';

export interface TodayNumbers {
  reviewLines: number;
  toThank: number;
  followUpsDue: number;
  fiscalYear: number;
  unpaidCount: number;
  unpaidAmount: number;
  lapseProposals: number;
  failedJobs: number;
  failedBatches: number;
  lastBackupAt: Date | null;
}

const n = (rows: Record<string, unknown>[], k = 'n') => Number(rows[0]?.[k] ?? 0);

/**
 * Tables no dashboard figure reads. A write to one of them (a login, the change log, a receipt)
 * keeps the cached figures (see writeVersions); anything not listed here counts as read.
 */
const NEVER_READ = [
  'audit_log',
  'staff_session',
  'staff',
  'thank_letter',
  'mailed_document',
  'member_skill',
  'skill',
  'segment',
  'newsletter_image',
  'newsletter_issue',
  'mailing_contact',
  'payer_alias',
  'bank_profile',
  'receipt',
  'receipt_item',
  'receipt_counter',
  'donation_certificate',
  'certificate_gift',
  'member_role',
  'supporter_role',
  'household',
  'setup_done',
];
/** What the charts (aggregates) do not read, besides NEVER_READ. */
export const AGGREGATES_IGNORE: readonly string[] = [
  ...NEVER_READ,
  'interaction',
  'bank_transaction',
  'bank_import',
  'lapse_proposal',
  'job_run',
  'batch',
  'mailing',
  'mailing_recipient',
];
/** What today's counts read is the rest; the follow-ups are counted apart, on `interaction` alone. */
export const TODAY_IGNORE: readonly string[] = [
  ...NEVER_READ,
  'interaction',
  'member_type',
  'campaign',
  'participation',
  'activity',
  'mailing',
  'mailing_recipient',
];
export const FOLLOW_UPS_READ: readonly string[] = ['interaction'];

/**
 * The morning's numbers: what needs doing today. failedJobs: failed or interrupted runs of the last
 * 7 days; failedBatches: background batches (PDFs, letters, imports) that failed in those 7 days.
 */
export async function todayNumbers(
  em: EntityManager,
  dataDir: string,
  today = todayInTokyo(),
  now = new Date(),
): Promise<TodayNumbers> {
  return { ...(await todayCounts(em, dataDir, today, now)), followUpsDue: await followUpsDue(em, today) };
}

/** 対応予定 due by the day and not done (reads `interaction` only: FOLLOW_UPS_READ). */
export async function followUpsDue(em: EntityManager, today = todayInTokyo()): Promise<number> {
  return n(
    await em.execute(
      `select count(*) as n from interaction where follow_up is not null and not follow_up_done and follow_up_due <= ?`,
      [today],
    ),
  );
}

/** todayNumbers without the follow-ups (they change with every note; these do not). */
export async function todayCounts(
  em: EntityManager,
  dataDir: string,
  today = todayInTokyo(),
  now = new Date(),
): Promise<Omit<TodayNumbers, 'followUpsDue'>> {
  const fy = fiscalYearOf(today, (await getSettings(em)).fiscalYearStartMonth);
  const review =
    await em.execute(`select count(*) as n from bank_transaction t join bank_import i on i.id = t.bank_import_id
     where t.status in ('review', 'skipped') and t.direction = 'deposit' and i.status = 'active'`);
  const thank = await em.execute(
    `select count(*) as n from payment where status = 'active' and thank_status = 'pending'`,
  );
  const unpaid = await em.execute(
    `select count(*) as n, coalesce(sum(amount - paid_amount), 0) as s from invoice where fiscal_year = ? and status in ('unpaid', 'partial')`,
    [fy],
  );
  return {
    reviewLines: n(review),
    toThank: n(thank),
    fiscalYear: fy,
    unpaidCount: n(unpaid),
    unpaidAmount: n(unpaid, 's'),
    lapseProposals: await openLapseProposals(em),
    failedJobs: await failedRunsSince(em, new Date(now.getTime() - 7 * 86400_000)),
    failedBatches: await em.count(Batch, {
      status: 'failed',
      createdAt: { $gte: new Date(now.getTime() - 7 * 86400_000) },
    }),
    lastBackupAt: listBackups(dataDir)[0]?.createdAt ?? null,
  };
}

export interface TypeStatusRow {
  typeName: string;
  active: number;
  withdrawn: number;
}

export async function membersByTypeAndStatus(em: EntityManager): Promise<TypeStatusRow[]> {
  // Counted on the member table alone (no join per row); type names are looked up after.
  const rows = await em.execute<{ t: number; status: string; n: number }[]>(
    `select member_type_id as t, status, count(*) as n from member group by member_type_id, status`,
  );
  const types = await em.execute<{ id: number; name: string }[]>(
    `select id, name from member_type order by sort_order, name`,
  );
  const out = new Map<number, TypeStatusRow>(
    types.map((t) => [Number(t.id), { typeName: t.name, active: 0, withdrawn: 0 }]),
  );
  for (const r of rows) {
    const row = out.get(Number(r.t));
    if (row) row[r.status === 'withdrawn' ? 'withdrawn' : 'active'] += Number(r.n);
  }
  return [...out.values()].filter((r) => r.active + r.withdrawn > 0);
}

export interface MonthRow {
  month: string;
  dues: number;
  donations: number;
}

/**
 * The last `months` calendar months up to today's: dues (what active payments allocated to
 * invoices, payment.allocated_amount) and donations, summed by day received (portable SQL; months in JS).
 */
export async function moneyByMonth(em: EntityManager, today = todayInTokyo(), months = 24): Promise<MonthRow[]> {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const list = Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (months - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
  const from = `${list[0]}-01`;
  const to = addDays(`${list.at(-1)}-01`, 31);
  const out = new Map(list.map((mo) => [mo, { month: mo, dues: 0, donations: 0 }]));
  const dues = await em.execute<{ d: string | Date; s: number }[]>(
    `select received_on as d, sum(allocated_amount) as s from payment
     where status = 'active' and received_on >= ? and received_on < ? group by received_on`,
    [from, to],
  );
  const gifts = await em.execute<{ d: string | Date; s: number }[]>(
    `select received_on as d, sum(amount) as s from donation
     where status = 'active' and received_on >= ? and received_on < ? group by received_on`,
    [from, to],
  );
  for (const r of dues) {
    const row = out.get(sqlDate(r.d).slice(0, 7));
    if (row) row.dues += Number(r.s);
  }
  for (const r of gifts) {
    const row = out.get(sqlDate(r.d).slice(0, 7));
    if (row) row.donations += Number(r.s);
  }
  return [...out.values()];
}

export interface YearRate {
  fiscalYear: number;
  billed: number;
  collected: number;
  rate: number;
}

/** Same rule as collectionRates (dues domain), grouped by year only: one pass over the invoices of the last years. */
export async function collectionByYear(em: EntityManager, years = 6, today = todayInTokyo()): Promise<YearRate[]> {
  const fy = fiscalYearOf(today, (await getSettings(em)).fiscalYearStartMonth);
  const rows = await em.execute<Record<string, number>[]>(
    `select fiscal_year,
       sum(case when status not in ('waived', 'cancelled') then amount else 0 end) as billed,
       sum(case when status in ('waived', 'cancelled') then 0 when paid_amount > amount then amount else paid_amount end) as collected
     from invoice where not voided and fiscal_year > ? and fiscal_year <= ? group by fiscal_year order by fiscal_year`,
    [fy - years, fy + 1],
  );
  return rows.map((r) => {
    const [billed, collected] = [Number(r.billed), Number(r.collected)];
    return { fiscalYear: Number(r.fiscal_year), billed, collected, rate: billed ? collected / billed : 0 };
  });
}

/** Members not withdrawn, per 都道府県 in the usual north-to-south order; no prefecture → 不明, last. */
export async function membersByPrefecture(em: EntityManager): Promise<{ prefecture: string; count: number }[]> {
  const rows = await em.execute<{ p: string | null; n: number }[]>(
    `select prefecture as p, count(*) as n from member where status <> 'withdrawn' group by prefecture`,
  );
  const rank = (p: string) => {
    const i = (PREFECTURES as readonly string[]).indexOf(p);
    return i < 0 ? 99 : i;
  };
  const merged = new Map<string, number>();
  for (const r of rows) {
    const k = r.p || UNKNOWN_PREFECTURE;
    merged.set(k, (merged.get(k) ?? 0) + Number(r.n));
  }
  return [...merged]
    .map(([prefecture, count]) => ({ prefecture, count }))
    .sort((a, b) => rank(a.prefecture) - rank(b.prefecture) || a.prefecture.localeCompare(b.prefecture, 'ja'));
}

export interface CampaignRow {
  name: string;
  targetLabel: string;
  currentLabel: string;
  /** Reached share of the target (can pass 1). */
  ratio: number;
  percent: number;
}

/**
 * Campaigns running on the day, or ended within the last 90 days (late gifts still come in),
 * newest first, with progress as on the campaign's own page (same rule: mailings' campaignProgress).
 */
export async function campaignsProgress(em: EntityManager, today = todayInTokyo()): Promise<CampaignRow[]> {
  const since = addDays(today, -90);
  const list = (await listCampaigns(em)).filter((c) => c.startsOn <= today && (!c.endsOn || c.endsOn >= since));
  const out: CampaignRow[] = [];
  for (const c of list) {
    const p = await progressOf(em, c);
    out.push({
      name: c.name,
      targetLabel: p.targetLabel,
      currentLabel: p.currentLabel,
      ratio: p.target > 0 ? p.current / p.target : 0,
      percent: p.percent,
    });
  }
  return out;
}

export interface Aggregates {
  types: TypeStatusRow[];
  months: MonthRow[];
  years: YearRate[];
  prefectures: { prefecture: string; count: number }[];
  campaigns: CampaignRow[];
}

export async function aggregates(em: EntityManager, today = todayInTokyo()): Promise<Aggregates> {
  return {
    types: await membersByTypeAndStatus(em),
    months: await moneyByMonth(em, today),
    years: await collectionByYear(em, 6, today),
    prefectures: await membersByPrefecture(em),
    campaigns: await campaignsProgress(em, today),
  };
}
