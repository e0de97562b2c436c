import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { Member } from '../members/member.entity.js';
import { UserError } from '../web/errors.js';
import { Activity, type IActivity } from './activity.entity.js';
import {
  Participation,
  PARTICIPATION_STATUSES,
  type IParticipation,
  type ParticipationStatus,
} from './participation.entity.js';
import { Skill } from '../members/skills/skill.entity.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

export type ActivityInput = Pick<
  IActivity,
  'title' | 'startsOn' | 'endsOn' | 'place' | 'skillIds' | 'helpersWanted' | 'description'
>;

async function knownSkillIds(em: EntityManager, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const found = new Set((await em.find(Skill, { id: { $in: ids } })).map((s) => s.id));
  return ids.filter((id) => found.has(id));
}

export async function saveActivity(em: EntityManager, id: number | null, v: ActivityInput): Promise<IActivity> {
  const input = { ...v, skillIds: await knownSkillIds(em, v.skillIds) };
  const a = id === null ? em.create(Activity, input) : Object.assign(await getActivity(em, id), input);
  await em.flush();
  return a;
}

export function getActivity(em: EntityManager, id: number): Promise<IActivity> {
  return em.findOneOrFail(
    Activity,
    { id },
    { failHandler: () => new UserError(SUPPORTERS_TEXT.activityNotFound, 404) },
  );
}

/** Coming activities (soonest first) and past ones (latest first). */
export async function listActivities(em: EntityManager, today = todayInTokyo()) {
  const upcoming = await em.find(
    Activity,
    { $or: [{ startsOn: { $gte: today } }, { endsOn: { $gte: today } }] },
    { orderBy: { startsOn: 'asc', id: 'asc' } },
  );
  const past = await em.find(
    Activity,
    { startsOn: { $lt: today }, $or: [{ endsOn: null }, { endsOn: { $lt: today } }] },
    { orderBy: { startsOn: 'desc', id: 'desc' }, limit: 200 },
  );
  return { upcoming, past };
}

export type StatusCounts = Record<ParticipationStatus, number> & { total: number };

export async function statusCounts(em: EntityManager, activityIds: number[]): Promise<Map<number, StatusCounts>> {
  const out = new Map<number, StatusCounts>();
  for (const id of activityIds)
    out.set(id, { total: 0, ...Object.fromEntries(PARTICIPATION_STATUSES.map((s) => [s, 0])) } as StatusCounts);
  if (!activityIds.length) return out;
  const rows = await em.execute(
    em
      .getKnex()('participation')
      .select('activity_id', 'status')
      .count({ n: '*' })
      .whereIn('activity_id', activityIds)
      .groupBy('activity_id', 'status'),
  );
  for (const r of rows as { activity_id: number; status: ParticipationStatus; n: number | string }[]) {
    const c = out.get(Number(r.activity_id))!;
    c[r.status] = Number(r.n);
    c.total += Number(r.n);
  }
  return out;
}

export async function participantsOf(em: EntityManager, activityId: number): Promise<IParticipation[]> {
  const rows = await em.find(Participation, { activity: activityId }, { populate: ['member'] });
  return rows.sort((a, b) =>
    a.member.kanaKey < b.member.kanaKey
      ? -1
      : a.member.kanaKey > b.member.kanaKey
        ? 1
        : a.member.memberNo - b.member.memberNo,
  );
}

/** Puts members on the activity (already listed ones are left as they are); returns how many were added. */
export async function addParticipants(
  em: EntityManager,
  activityId: number,
  memberIds: number[],
  status: ParticipationStatus = 'asked',
): Promise<number> {
  const activity = await getActivity(em, activityId);
  const listed = new Set(
    (await em.find(Participation, { activity: activityId }, { fields: ['member'] })).map((p) => p.member.id),
  );
  const members = await em.find(Member, { id: { $in: memberIds.filter((id) => !listed.has(id)) } });
  for (const member of members) {
    em.create(Participation, { activity, member, status, askedOn: status === 'asked' ? todayInTokyo() : null });
  }
  await em.flush();
  return members.length;
}

export async function addParticipantByMemberNo(
  em: EntityManager,
  activityId: number,
  memberNo: number,
  status: ParticipationStatus,
): Promise<number> {
  const member = await em.findOne(Member, { memberNo });
  if (!member)
    throw new UserError(SUPPORTERS_TEXT.checkInput, 422, {
      memberNo: SUPPORTERS_TEXT.noSuchMemberNo(memberNo || ''),
    });
  if (await em.count(Participation, { activity: activityId, member }))
    throw new UserError(SUPPORTERS_TEXT.checkInput, 409, { memberNo: SUPPORTERS_TEXT.alreadyListed });
  return addParticipants(em, activityId, [member.id], status);
}

export async function getParticipation(em: EntityManager, id: number): Promise<IParticipation> {
  return em.findOneOrFail(
    Participation,
    { id },
    { populate: ['member', 'activity'], failHandler: () => new UserError(SUPPORTERS_TEXT.participationNotFound, 404) },
  );
}

export async function setParticipationStatus(
  em: EntityManager,
  id: number,
  status: string,
  note?: string | null,
): Promise<IParticipation> {
  if (!(PARTICIPATION_STATUSES as readonly string[]).includes(status))
    throw new UserError(SUPPORTERS_TEXT.statusRequired, 422);
  const p = await getParticipation(em, id);
  p.status = status as ParticipationStatus;
  if (status === 'asked' && !p.askedOn) p.askedOn = todayInTokyo();
  if (note !== undefined) p.note = note;
  await em.flush();
  return p;
}

/** Takes a member off the list (added by mistake); the audit log keeps the entry. */
export async function removeParticipation(em: EntityManager, id: number): Promise<IParticipation> {
  const p = await getParticipation(em, id);
  em.remove(p);
  await em.flush();
  return p;
}

export async function participationsOf(em: EntityManager, memberId: number): Promise<IParticipation[]> {
  return em.find(
    Participation,
    { member: memberId },
    { populate: ['activity'], orderBy: { activity: { startsOn: 'desc' }, id: 'desc' } },
  );
}
