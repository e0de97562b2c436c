import type { EntityManager } from '../../db/orm.js';
import { Member } from '../member.entity.js';
import { UserError } from '../../web/errors.js';
import { MemberSkill } from './member-skill.entity.js';
import { Skill, type ISkill } from './skill.entity.js';
import { MEMBERS_TEXT } from '../ui-text.js';

export interface SkillSelection {
  skillId: number;
  note: string | null;
}

/**
 * The member page's skills section in one query: the member's skills (as memberSkills gives them)
 * and the choices of its form (as skillChoices(em, memberId, null) gives them).
 */
export async function memberSkillSection(
  em: EntityManager,
  memberId: number,
): Promise<{
  memberSkills: { skill: { id: number; name: string }; note: string | null }[];
  skillChoices: SkillChoice[];
}> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select s.id, s.name, s.active, ms.id as held, ms.note from skill s
     left join member_skill ms on ms.skill_id = s.id and ms.member_id = ?
     order by s.sort_order, s.id`,
    [memberId],
  );
  const list = rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    active: Boolean(r.active),
    held: r.held !== null && r.held !== undefined,
    note: r.note === null || r.note === undefined ? null : String(r.note),
  }));
  return {
    memberSkills: list.filter((s) => s.held).map((s) => ({ skill: { id: s.id, name: s.name }, note: s.note })),
    skillChoices: list
      .filter((s) => s.active || s.held)
      .map((s) => ({ id: s.id, name: s.name, active: s.active, checked: s.held, note: s.note ?? '' })),
  };
}

/** Makes the member's skills exactly `selections` (keeping rows that stay, so history shows only real changes). */
export async function setMemberSkills(
  em: EntityManager,
  memberId: number,
  selections: SkillSelection[],
): Promise<void> {
  const member = await em.findOne(Member, { id: memberId });
  if (!member) throw new UserError(MEMBERS_TEXT.memberNotFound, 404);
  const known = new Map(
    (await em.find(Skill, { id: { $in: selections.map((s) => s.skillId) } })).map((s) => [s.id, s]),
  );
  const existing = await em.find(MemberSkill, { member: memberId });
  const wanted = new Map(selections.filter((s) => known.has(s.skillId)).map((s) => [s.skillId, s]));
  for (const ms of existing) {
    const keep = wanted.get(ms.skill.id);
    if (!keep) em.remove(ms);
    else if ((ms.note ?? null) !== keep.note) ms.note = keep.note;
    wanted.delete(ms.skill.id);
  }
  for (const s of wanted.values()) em.create(MemberSkill, { member, skill: known.get(s.skillId)!, note: s.note });
  await em.flush();
}

export interface SkillChoice {
  id: number;
  name: string;
  checked: boolean;
  note: string;
  active: boolean;
}

/** The checklist: active skills plus any inactive one the member still has; checked from the posted form (when given) or the database. */
export async function skillChoices(
  em: EntityManager,
  memberId: number | null,
  posted: SkillSelection[] | null,
): Promise<SkillChoice[]> {
  const all: ISkill[] = await em.find(Skill, {}, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  const saved = posted ? [] : memberId ? await em.find(MemberSkill, { member: memberId }) : [];
  const chosen = new Map<number, string | null>(
    posted ? posted.map((s) => [s.skillId, s.note]) : saved.map((s) => [s.skill.id, s.note ?? null]),
  );
  return all
    .filter((s) => s.active || chosen.has(s.id))
    .map((s) => ({
      id: s.id,
      name: s.name,
      active: s.active,
      checked: chosen.has(s.id),
      note: chosen.get(s.id) ?? '',
    }));
}
