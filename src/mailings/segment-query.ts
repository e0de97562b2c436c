/**
 * A segment filter → one SQL query over member (knex builder, every value a bound parameter,
 * the same SQL on SQLite and PostgreSQL). Building it touches no database.
 */
import type { Knex } from '@mikro-orm/knex';
import type { SegmentFilter } from './segment-filter.js';

export type Channel = 'post' | 'email';
export interface QueryContext {
  today: string;
  fiscalYear: number;
}

const inList = (n: number) => Array.from({ length: n }, () => '?').join(', ');

type Q = Knex.QueryBuilder;

// Each related-table criterion is `m.id in (select member_id …)`: the subquery runs once and the
// database keeps its result as a lookup, instead of once per member (5–10× faster on 50,000).
function duesCriterion(q: Q, f: SegmentFilter, ctx: QueryContext) {
  const inv = (statuses: string) =>
    `select i.member_id from invoice i where i.fiscal_year = ? and i.voided = ? and i.status in (${statuses})`;
  if (f.dues === 'paid') {
    q.whereRaw(`m.id in (${inv("'paid', 'waived'")}) and m.id not in (${inv("'unpaid', 'partial'")})`, [
      ctx.fiscalYear,
      false,
      ctx.fiscalYear,
      false,
    ]);
  } else if (f.dues === 'unpaid') {
    q.whereRaw(`m.id in (${inv("'unpaid', 'partial'")})`, [ctx.fiscalYear, false]);
  }
}

function supporterCriteria(q: Q, f: SegmentFilter, ctx: QueryContext) {
  if (f.roleIds?.length) {
    q.whereRaw(
      `m.id in (select r.member_id from member_role r where r.role_id in (${inList(f.roleIds.length)})
      and r.started_on <= ? and (r.ended_on is null or r.ended_on >= ?))`,
      [...f.roleIds, ctx.today, ctx.today],
    );
  }
  if (f.skillIds?.length) {
    q.whereRaw(
      `m.id in (select s.member_id from member_skill s where s.skill_id in (${inList(f.skillIds.length)}))`,
      f.skillIds,
    );
  }
  if (f.activityIds?.length) {
    q.whereRaw(
      `m.id in (select pa.member_id from participation pa where pa.status = ? and pa.activity_id in (${inList(f.activityIds.length)}))`,
      ['took_part', ...f.activityIds],
    );
  }
  if (f.donated) {
    const { from, to, minTotal } = f.donated;
    const range = `${from ? ' and d.received_on >= ?' : ''}${to ? ' and d.received_on <= ?' : ''}`;
    q.whereRaw(
      `m.id in (select d.member_id from donation d where d.member_id is not null and d.status = ?${range} group by d.member_id having sum(d.amount) >= ?)`,
      ['active', ...(from ? [from] : []), ...(to ? [to] : []), minTotal ?? 1],
    );
  }
}

function memberCriteria(q: Q, f: SegmentFilter) {
  if (f.memberTypeIds?.length) q.whereIn('m.member_type_id', f.memberTypeIds);
  if (f.kinds?.length) q.whereIn('m.kind', f.kinds);
  if (f.prefectures?.length) q.whereIn('m.prefecture', f.prefectures);
  // substr instead of LIKE: nothing in the value can act as a wildcard, and both databases count characters.
  if (f.city) q.whereRaw('substr(m.city, 1, ?) = ?', [[...f.city].length, f.city]);
  if (f.postalPrefix) {
    // Postal codes are stored as NNN-NNNN (normalizePostalCode): compare with the prefix in that shape.
    const p = f.postalPrefix.length > 3 ? `${f.postalPrefix.slice(0, 3)}-${f.postalPrefix.slice(3)}` : f.postalPrefix;
    q.whereRaw('substr(m.postal_code, 1, ?) = ?', [p.length, p]);
  }
  if (f.joinedFrom) q.where('m.joined_on', '>=', f.joinedFrom);
  if (f.joinedTo) q.where('m.joined_on', '<=', f.joinedTo);
  // SQLite keeps dates as text, PostgreSQL as date: the cast gives 'YYYY-MM-DD' on both.
  if (f.birthMonth)
    q.whereRaw('substr(cast(m.birth_date as varchar(10)), 6, 2) = ?', [String(f.birthMonth).padStart(2, '0')]);
  if (f.mailPreferences?.length) q.whereIn('m.mail_preference', f.mailPreferences);
  if (f.hasEmail === true) q.whereRaw("m.email is not null and m.email <> ''");
  if (f.hasEmail === false) q.whereRaw("(m.email is null or m.email = '')");
}

/** Members matching the filter (alias m; mailing_contact joined as mc when asked); select what you need. */
export function segmentQuery(knex: Knex, f: SegmentFilter, ctx: QueryContext, opts: { contact?: boolean } = {}): Q {
  const q = knex('member as m');
  if (opts.contact) q.leftJoin('mailing_contact as mc', 'mc.member_id', 'm.id');
  memberCriteria(q, f);
  duesCriterion(q, f, ctx);
  supporterCriteria(q, f, ctx);
  return q;
}

type Rule = [reason: string, sql: string, bindings: Knex.Value[]];
const blank = (col: string) => `(${col} is null or ${col} = '')`;

/**
 * Why a matching member gets nothing on a channel, in order (the first that applies is the
 * reason). Paper: 退会, 宛先不明, 郵送物「不要」, no address. E-mail: 退会, no address, the
 * address bounced, opted out. Plain comparisons, no functions: they run on every member.
 */
const RULES: Record<Channel, Rule[]> = {
  post: [
    ['withdrawn', 'm.status = ?', ['withdrawn']],
    ['address_unknown', 'm.address_unknown = ?', [true]],
    ['no_mail', 'm.mail_preference = ?', ['none']],
    ['no_address', `(${blank('m.postal_code')} or (${blank('m.address1')} and ${blank('m.city')}))`, []],
  ],
  email: [
    ['withdrawn', 'm.status = ?', ['withdrawn']],
    ['no_email', blank('m.email'), []],
    ['bounced', 'mc.bounced_email = m.email', []],
    ['opted_out', 'mc.email_opted_out = ?', [true]],
  ],
};

/** The reason as a CASE expression (null: the member gets it). */
export function exclusionSql(knex: Knex, channel: Channel): Knex.Raw {
  const rules = RULES[channel];
  return knex.raw(
    `case ${rules.map(([r, sql]) => `when ${sql} then '${r}'`).join(' ')} else null end`,
    rules.flatMap(([, , b]) => b),
  );
}

/** True when any reason applies (cheaper than the CASE when only the count is wanted). */
export function excludedSql(knex: Knex, channel: Channel): Knex.Raw {
  const rules = RULES[channel];
  return knex.raw(
    `(${rules.map(([, sql]) => sql).join(' or ')})`,
    rules.flatMap(([, , b]) => b),
  );
}

/** Whether the query needs the mailing_contact join (only e-mail rules read it). */
export const needsContact = (channel?: Channel) => channel === 'email';

export const RECIPIENT_COLUMNS = [
  'm.id',
  'm.member_no',
  'm.kind',
  'm.family_name',
  'm.given_name',
  'm.family_kana',
  'm.given_kana',
  'm.org_name',
  'm.contact_person',
  'm.postal_code',
  'm.prefecture',
  'm.city',
  'm.address1',
  'm.address2',
  'm.email',
  'm.household_id',
  'm.household_relation',
] as const;
