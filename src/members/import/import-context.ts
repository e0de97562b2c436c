import type { EntityManager } from '../../db/orm.js';
import { normalizeText } from '../../lib/kana.js';
import { MemberSkill, type IMemberSkill } from '../skills/member-skill.entity.js';
import { Skill } from '../skills/skill.entity.js';
import { Member, type IMember } from '../member.entity.js';
import { MemberType } from '../member-type.entity.js';
import { IMPORT_TEXT } from './ui-text.js';

export interface DupEntry {
  memberNo: number;
  phones: string[];
  birthDate: string | null;
}

/** What the rows of one file are checked against, loaded in a handful of queries (not one per row). */
export interface ImportContext {
  types: Map<string, { id: number; name: string }>;
  typeNames: string;
  skills: Map<string, { id: number; name: string }>;
  skillNames: string;
  existing: Map<number, IMember>;
  existingSkills: Map<number, IMemberSkill[]>;
  byKana: Map<string, DupEntry[]>;
  maxMemberNo: number;
}

const CHUNK = 900; // well under SQLite's bound-parameter limit

async function inChunks<T>(ids: number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

export async function loadImportContext(
  em: EntityManager,
  memberNos: number[],
  withSkills: boolean,
): Promise<ImportContext> {
  const types = await em.find(MemberType, {}, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  const skills = await em.find(Skill, {}, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  const existing = await inChunks([...new Set(memberNos)], (chunk) => em.find(Member, { memberNo: { $in: chunk } }));
  const existingSkills = new Map<number, IMemberSkill[]>();
  if (withSkills && existing.length) {
    const rows = await inChunks(
      existing.map((m) => m.id),
      (chunk) => em.find(MemberSkill, { member: { $in: chunk } }),
    );
    for (const ms of rows) {
      const list = existingSkills.get(ms.member.id);
      if (list) list.push(ms);
      else existingSkills.set(ms.member.id, [ms]);
    }
  }
  // Plain rows (no entities) for the duplicate check: every member's フリガナ key, phones and birth date.
  const keys = await em.execute<
    { member_no: number; kana_key: string; phone_digits: string; birth_date: string | null }[]
  >(em.getKnex()('member').select('member_no', 'kana_key', 'phone_digits', 'birth_date'));
  const byKana = new Map<string, DupEntry[]>();
  let maxMemberNo = 0;
  for (const k of keys) {
    maxMemberNo = Math.max(maxMemberNo, Number(k.member_no));
    if (!k.kana_key) continue;
    const entry = {
      memberNo: Number(k.member_no),
      phones: String(k.phone_digits ?? '')
        .split(' ')
        .filter(Boolean),
      birthDate: k.birth_date ? String(k.birth_date).slice(0, 10) : null,
    };
    const list = byKana.get(k.kana_key);
    if (list) list.push(entry);
    else byKana.set(k.kana_key, [entry]);
  }
  const active = (list: { name: string; active: boolean }[]) =>
    list
      .filter((x) => x.active)
      .map((x) => x.name)
      .join(IMPORT_TEXT.listSeparator);
  return {
    types: new Map(types.map((t) => [normalizeText(t.name), t])),
    typeNames: active(types),
    skills: new Map(skills.map((s) => [normalizeText(s.name), s])),
    skillNames: active(skills),
    existing: new Map(existing.map((m) => [m.memberNo, m])),
    existingSkills,
    byKana,
    maxMemberNo,
  };
}
