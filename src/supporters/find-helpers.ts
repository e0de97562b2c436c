import type { EntityManager } from '../db/orm.js';
import type { IMember } from '../members/member.entity.js';
import { displayKana, displayName, fullAddress } from '../members/member.model.js';
import type { IActivity } from './activity.entity.js';

export interface HelperCandidate {
  memberId: number;
  memberNo: number;
  name: string;
  kana: string;
  kanaKey: string;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  postalCode: string | null;
  address: string;
  skills: { name: string; note: string | null }[];
  matchCount: number;
  timesHelped: number;
  lastHelpedOn: string | null;
}

interface SkillRow {
  member_id: number;
  member_no: number;
  kind: IMember['kind'];
  family_name: string | null;
  given_name: string | null;
  family_kana: string | null;
  given_kana: string | null;
  org_name: string | null;
  org_kana: string | null;
  kana_key: string;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  postal_code: string | null;
  prefecture: string | null;
  city: string | null;
  address1: string | null;
  address2: string | null;
  skill_name: string;
  note: string | null;
}

/**
 * 協力者を探す: active members who accept contact (郵送物 is not 不要) and have at least one of
 * the wanted skills (any skill when none is wanted), not yet on the activity's list.
 * Ranked by how many wanted skills they have, then by how often they took part before
 * (people who have helped are the likeliest to say yes), then by フリガナ.
 */
export async function findHelpers(
  em: EntityManager,
  activity: Pick<IActivity, 'id' | 'skillIds'>,
): Promise<HelperCandidate[]> {
  const knex = em.getKnex();
  const q = knex('member_skill as ms')
    .join('skill as s', 's.id', 'ms.skill_id')
    .join('member as m', 'm.id', 'ms.member_id')
    .select(
      'm.id as member_id',
      'm.member_no',
      'm.kind',
      'm.family_name',
      'm.given_name',
      'm.family_kana',
      'm.given_kana',
      'm.org_name',
      'm.org_kana',
      'm.kana_key',
      'm.phone',
      'm.mobile',
      'm.email',
      'm.postal_code',
      'm.prefecture',
      'm.city',
      'm.address1',
      'm.address2',
      's.name as skill_name',
      'ms.note',
    )
    .where('m.status', 'active')
    .whereNot('m.mail_preference', 'none')
    .whereNotIn('m.id', knex('participation').select('member_id').where('activity_id', activity.id))
    .orderBy('s.sort_order');
  if (activity.skillIds.length) q.whereIn('ms.skill_id', activity.skillIds);
  const rows = await em.execute<SkillRow[]>(q);
  const helped = await helpedCounts(em, activity.id);
  const byMember = new Map<number, HelperCandidate>();
  for (const r of rows) {
    const id = Number(r.member_id);
    let c = byMember.get(id);
    if (!c) {
      c = toCandidate(r, helped.get(id));
      byMember.set(id, c);
    }
    c.skills.push({ name: r.skill_name, note: r.note });
    c.matchCount++;
  }
  return rankHelpers([...byMember.values()]);
}

/** The ranking on its own, so it can be tested with plain values. */
export function rankHelpers(list: HelperCandidate[]): HelperCandidate[] {
  return list.sort(
    (a, b) =>
      b.matchCount - a.matchCount ||
      b.timesHelped - a.timesHelped ||
      (a.kanaKey < b.kanaKey ? -1 : a.kanaKey > b.kanaKey ? 1 : a.memberNo - b.memberNo),
  );
}

/** How many other activities each member took part in, and when last. */
async function helpedCounts(
  em: EntityManager,
  activityId: number,
): Promise<Map<number, { n: number; last: string | null }>> {
  const rows = await em.execute(
    em
      .getKnex()('participation as p')
      .join('activity as a', 'a.id', 'p.activity_id')
      .select('p.member_id')
      .count({ n: '*' })
      .max({ last: 'a.starts_on' })
      .where('p.status', 'took_part')
      .whereNot('p.activity_id', activityId)
      .groupBy('p.member_id'),
  );
  return new Map(
    (rows as { member_id: number; n: number | string; last: string | null }[]).map((r) => [
      Number(r.member_id),
      { n: Number(r.n), last: r.last ? String(r.last).slice(0, 10) : null },
    ]),
  );
}

function toCandidate(r: SkillRow, helped: { n: number; last: string | null } | undefined): HelperCandidate {
  const parts = {
    kind: r.kind,
    familyName: r.family_name,
    givenName: r.given_name,
    familyKana: r.family_kana,
    givenKana: r.given_kana,
    orgName: r.org_name,
    orgKana: r.org_kana,
  };
  return {
    memberId: Number(r.member_id),
    memberNo: Number(r.member_no),
    name: displayName(parts),
    kana: displayKana(parts),
    kanaKey: r.kana_key,
    phone: r.phone,
    mobile: r.mobile,
    email: r.email,
    postalCode: r.postal_code,
    address: fullAddress({ prefecture: r.prefecture, city: r.city, address1: r.address1, address2: r.address2 }),
    skills: [],
    matchCount: 0,
    timesHelped: helped?.n ?? 0,
    lastHelpedOn: helped?.last ?? null,
  };
}
