import type { EntityManager } from '../../db/orm.js';
import { Member } from '../member.entity.js';
import { UserError } from '../../web/errors.js';
import { MemberSkill, type IMemberSkill } from './member-skill.entity.js';
import { Skill, type ISkill } from './skill.entity.js';
import { MEMBERS_TEXT } from '../ui-text.js';

export interface SkillSelection {
  skillId: number;
  note: string | null;
}

export async function memberSkills(em: EntityManager, memberId: number): Promise<IMemberSkill[]> {
  const rows = await em.find(MemberSkill, { member: memberId }, { populate: ['skill'] });
  return rows.sort((a, b) => a.skill.sortOrder - b.skill.sortOrder || a.skill.id - b.skill.id);
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
