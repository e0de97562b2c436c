import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf } from '../lib/fiscal-year.js';
import { MemberType } from '../members/member-type.entity.js';
import { getSettings } from '../settings/settings.service.js';
import { DUES_STATUS_LABELS } from './ui-text.js';

export type DuesStatus = keyof typeof DUES_STATUS_LABELS;
export interface MemberDuesStatus {
  status: DuesStatus;
  label: string;
  /** Fiscal years (up to the current one) with an open invoice, oldest first. */
  unpaidYears: number[];
  outstanding: number;
  /** Unpaid for at least the grace setting's number of years: to be proposed for lapse (退会候補). */
  lapseCandidate: boolean;
}

/**
 * 会員 / 未納 / 滞納 / 退会, derived from the open invoices (never stored, so it cannot go stale):
 * no open invoice up to the current fiscal year → 会員; one unpaid year → 未納; two or more → 滞納.
 */
export function deriveDuesStatus(
  withdrawn: boolean,
  unpaidYears: number[],
  outstanding: number,
  graceYears: number,
): MemberDuesStatus {
  const status: DuesStatus = withdrawn
    ? 'withdrawn'
    : unpaidYears.length >= 2
      ? 'arrears'
      : unpaidYears.length === 1
        ? 'unpaid'
        : 'member';
  return {
    status,
    label: DUES_STATUS_LABELS[status],
    unpaidYears,
    outstanding,
    lapseCandidate: !withdrawn && unpaidYears.length >= Math.max(1, graceYears),
  };
}

/** Dues status of several members at once (one query; for lists and member pages). */
export async function duesStatuses(
  em: EntityManager,
  members: { id: number; status: string }[],
  today = todayInTokyo(),
): Promise<Map<number, MemberDuesStatus>> {
  const out = new Map<number, MemberDuesStatus>();
  if (!members.length) return out;
  const settings = await getSettings(em);
  const currentFy = fiscalYearOf(today, settings.fiscalYearStartMonth);
  const open = new Map<number, { years: Set<number>; outstanding: number }>();
  for (let i = 0; i < members.length; i += 500) {
    const ids = members.slice(i, i + 500).map((m) => m.id);
    const rows = await em.execute<{ member_id: number; fiscal_year: number; open: number }[]>(
      `select member_id, fiscal_year, sum(amount - paid_amount) as open from invoice
       where status in ('unpaid', 'partial') and fiscal_year <= ? and member_id in (${ids.map(() => '?').join(',')})
       group by member_id, fiscal_year`,
      [currentFy, ...ids],
    );
    for (const r of rows) {
      const e = open.get(Number(r.member_id)) ?? { years: new Set<number>(), outstanding: 0 };
      e.years.add(Number(r.fiscal_year));
      e.outstanding += Number(r.open);
      open.set(Number(r.member_id), e);
    }
  }
  for (const m of members) {
    const e = open.get(m.id);
    out.set(
      m.id,
      deriveDuesStatus(
        m.status === 'withdrawn',
        e ? [...e.years].sort((a, b) => a - b) : [],
        e?.outstanding ?? 0,
        settings.graceYears,
      ),
    );
  }
  return out;
}

export async function duesStatusOf(
  em: EntityManager,
  member: { id: number; status: string },
  today = todayInTokyo(),
): Promise<MemberDuesStatus> {
  return (await duesStatuses(em, [member], today)).get(member.id)!;
}

export interface CollectionRow {
  fiscalYear: number;
  typeName: string | null;
  invoices: number;
  paidCount: number;
  waivedCount: number;
  billed: number;
  collected: number;
  /** collected / billed, 0..1 (waived and cancelled invoices are not expected income). */
  rate: number;
}

/**
 * 会費回収率 per fiscal year, and per member type within each year (typeName null = whole year).
 * Counted on the amounts, capped per invoice so an overpayment does not lift the rate.
 */
export async function collectionRates(em: EntityManager, fiscalYear?: number): Promise<CollectionRow[]> {
  const rows = await em.execute<Record<string, number | string>[]>(
    `select fiscal_year, member_type_name,
       sum(case when status not in ('waived', 'cancelled') then 1 else 0 end) as invoices,
       sum(case when status = 'paid' then 1 else 0 end) as paid_count,
       sum(case when status = 'waived' then 1 else 0 end) as waived_count,
       sum(case when status not in ('waived', 'cancelled') then amount else 0 end) as billed,
       sum(case when status in ('waived', 'cancelled') then 0 when paid_amount > amount then amount else paid_amount end) as collected
     from invoice where not voided ${fiscalYear ? 'and fiscal_year = ?' : ''}
     group by fiscal_year, member_type_name order by fiscal_year desc, member_type_name`,
    fiscalYear ? [fiscalYear] : [],
  );
  const out: CollectionRow[] = [];
  const totals = new Map<number, CollectionRow>();
  for (const r of rows) {
    const row = toRow(Number(r.fiscal_year), String(r.member_type_name), r);
    const total = totals.get(row.fiscalYear) ?? {
      ...row,
      typeName: null,
      invoices: 0,
      paidCount: 0,
      waivedCount: 0,
      billed: 0,
      collected: 0,
    };
    for (const k of ['invoices', 'paidCount', 'waivedCount', 'billed', 'collected'] as const) total[k] += row[k];
    totals.set(row.fiscalYear, total);
    out.push(row);
  }
  for (const t of totals.values()) {
    t.rate = t.billed ? t.collected / t.billed : 0;
    out.push(t);
  }
  // Types in their usual order (正会員, 賛助会員 …); a renamed or removed type's snapshot name goes last.
  const order = new Map(
    (await em.find(MemberType, {}, { fields: ['name', 'sortOrder'] })).map((m) => [m.name, m.sortOrder]),
  );
  const rank = (r: CollectionRow) => (r.typeName === null ? -Infinity : (order.get(r.typeName) ?? Infinity));
  return out.sort(
    (a, b) =>
      b.fiscalYear - a.fiscalYear || rank(a) - rank(b) || String(a.typeName).localeCompare(String(b.typeName), 'ja'),
  );
}

function toRow(fiscalYear: number, typeName: string, r: Record<string, number | string>): CollectionRow {
  const billed = Number(r.billed);
  const collected = Number(r.collected);
  return {
    fiscalYear,
    typeName,
    invoices: Number(r.invoices),
    paidCount: Number(r.paid_count),
    waivedCount: Number(r.waived_count),
    billed,
    collected,
    rate: billed ? collected / billed : 0,
  };
}
