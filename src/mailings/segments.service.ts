import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf } from '../lib/fiscal-year.js';
import { getSettings } from '../settings/settings.service.js';
import { NotFoundError, UserError } from '../web/errors.js';
import type { SegmentFilter } from './segment-filter.js';
import {
  excludedSql,
  exclusionSql,
  needsContact,
  RECIPIENT_COLUMNS,
  segmentQuery,
  type Channel,
  type QueryContext,
} from './segment-query.js';
import { Segment, type ISegment } from './segment.entity.js';
import { exclusionLabel, SEGMENT_ERRORS, MAIL_TEXT } from './ui-text.js';

/** One member of a segment, read as a plain row (no entities: segments can hold every member). */
export interface RecipientRow {
  id: number;
  memberNo: number;
  kind: string;
  familyName: string | null;
  givenName: string | null;
  familyKana: string | null;
  givenKana: string | null;
  orgName: string | null;
  contactPerson: string | null;
  postalCode: string | null;
  prefecture: string | null;
  city: string | null;
  address1: string | null;
  address2: string | null;
  email: string | null;
  householdId: number | null;
  householdRelation: string | null;
}
export interface Excluded {
  member: RecipientRow;
  reason: string;
  /** What staff wrote when they marked the address bounced or opted out. */
  detail?: string | null;
  reasonLabel: string;
}
export interface SegmentResult {
  recipients: RecipientRow[];
  excluded: Excluded[];
}

export async function queryContext(em: EntityManager, today = todayInTokyo()): Promise<QueryContext> {
  const { fiscalYearStartMonth } = await getSettings(em);
  return { today, fiscalYear: fiscalYearOf(today, fiscalYearStartMonth) };
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
function toRow(r: Record<string, unknown>): RecipientRow {
  return {
    id: Number(r.id),
    memberNo: Number(r.member_no),
    kind: String(r.kind),
    familyName: str(r.family_name),
    givenName: str(r.given_name),
    familyKana: str(r.family_kana),
    givenKana: str(r.given_kana),
    orgName: str(r.org_name),
    contactPerson: str(r.contact_person),
    postalCode: str(r.postal_code),
    prefecture: str(r.prefecture),
    city: str(r.city),
    address1: str(r.address1),
    address2: str(r.address2),
    email: str(r.email),
    householdId: r.household_id === null ? null : Number(r.household_id),
    householdRelation: str(r.household_relation),
  };
}

export interface SegmentCount {
  total: number;
  included: number;
  excluded: Record<string, number>;
}

/**
 * How many match and how many a channel reaches — one query. With `breakdown`, the number left
 * out for each reason too (slower: the reason is worked out for every member).
 */
export async function countSegment(
  em: EntityManager,
  filter: SegmentFilter,
  channel?: Channel,
  ctx?: QueryContext,
  opts: { breakdown?: boolean } = {},
): Promise<SegmentCount> {
  const knex = em.getKnex();
  const base = segmentQuery(knex, filter, ctx ?? (await queryContext(em)), { contact: needsContact(channel) });
  if (!channel) {
    const [row] = await em.execute<{ n: number | string }[]>(base.count('* as n'));
    return { total: Number(row?.n ?? 0), included: Number(row?.n ?? 0), excluded: {} };
  }
  if (!opts.breakdown) {
    const [row] = await em.execute<{ n: number | string; out: number | string | null }[]>(
      base.select(
        knex.raw('count(*) as n'),
        knex.raw('sum(case when ? then 1 else 0 end) as ??', [excludedSql(knex, channel), 'out']),
      ),
    );
    const total = Number(row?.n ?? 0);
    return { total, included: total - Number(row?.out ?? 0), excluded: {} };
  }
  const inner = base.select(knex.raw('? as reason', [exclusionSql(knex, channel)]));
  const rows = await em.execute<{ reason: string | null; n: number | string }[]>(
    knex.from(inner.as('s')).select('reason').count('* as n').groupBy('reason'),
  );
  const excluded: Record<string, number> = {};
  let total = 0;
  let included = 0;
  for (const r of rows) {
    total += Number(r.n);
    if (r.reason) excluded[r.reason] = Number(r.n);
    else included += Number(r.n);
  }
  return { total, included, excluded };
}

/** The members (by 会員番号), split into recipients and the excluded with their reason. */
export async function segmentMembers(
  em: EntityManager,
  filter: SegmentFilter,
  channel?: Channel,
  opts: { limit?: number; ctx?: QueryContext } = {},
): Promise<SegmentResult> {
  const knex = em.getKnex();
  const q = segmentQuery(knex, filter, opts.ctx ?? (await queryContext(em)), { contact: needsContact(channel) })
    .select(...RECIPIENT_COLUMNS)
    .orderBy('m.member_no');
  if (channel) q.select(knex.raw('? as reason', [exclusionSql(knex, channel)]));
  if (needsContact(channel)) q.select('mc.bounce_reason as mc_bounce_reason', 'mc.opt_out_reason as mc_opt_out_reason');
  if (opts.limit) q.limit(opts.limit);
  const out: SegmentResult = { recipients: [], excluded: [] };
  for (const r of await em.execute<Record<string, unknown>[]>(q)) {
    const reason = str(r.reason);
    const detail =
      reason === 'bounced' ? str(r.mc_bounce_reason) : reason === 'opted_out' ? str(r.mc_opt_out_reason) : null;
    if (reason) out.excluded.push({ member: toRow(r), reason, detail, reasonLabel: exclusionLabel(reason, detail) });
    else out.recipients.push(toRow(r));
  }
  return out;
}

export function listSegments(em: EntityManager): Promise<ISegment[]> {
  return em.find(Segment, {}, { orderBy: { name: 'asc' } });
}

export async function segmentByName(em: EntityManager, name: string): Promise<ISegment> {
  const s = await em.findOne(Segment, { name: name.trim() });
  if (!s) throw new NotFoundError(MAIL_TEXT.noSegment(name));
  return s;
}

export async function saveSegment(
  em: EntityManager,
  id: number | null,
  input: { name: string; note: string | null; filter: SegmentFilter },
): Promise<ISegment> {
  const name = input.name.normalize('NFKC').trim();
  if (!name || [...name].length > 60) throw new UserError(MAIL_TEXT.invalid, 422, { name: SEGMENT_ERRORS.name });
  const same = await em.findOne(Segment, { name });
  if (same && same.id !== id) throw new UserError(MAIL_TEXT.invalid, 409, { name: SEGMENT_ERRORS.duplicate });
  const segment = id
    ? await em.findOne(Segment, { id })
    : em.create(Segment, { name, filter: input.filter, note: input.note });
  if (!segment) throw new NotFoundError();
  Object.assign(segment, { name, filter: input.filter, note: input.note });
  await em.flush();
  return segment;
}
