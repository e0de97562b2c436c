import type { EntityManager } from '../db/orm.js';
import { Skill } from '../members/skills/skill.entity.js';
import { SupporterRole } from './supporter-role.entity.js';

export const DEFAULT_ROLES = [
  { name: '理事', officer: true, sortOrder: 1 },
  { name: '監事', officer: true, sortOrder: 2 },
  { name: '事務局長', officer: true, sortOrder: 3 },
  { name: '寄付者', officer: false, sortOrder: 10 },
  { name: 'ボランティア', officer: false, sortOrder: 11 },
  { name: '協力団体', officer: false, sortOrder: 12 },
];

export const DEFAULT_SKILLS = ['イベント運営', '広報・デザイン', '会計', '翻訳', '車の運転', '子ども支援', 'IT'];

/** First-run lists; an organisation that emptied or renamed them keeps its own (only empty tables are filled). */
export async function seedSupporterDefaults(em: EntityManager): Promise<void> {
  if ((await em.count(SupporterRole, {})) === 0) for (const r of DEFAULT_ROLES) em.create(SupporterRole, r);
  if ((await em.count(Skill, {})) === 0) DEFAULT_SKILLS.forEach((name, i) => em.create(Skill, { name, sortOrder: i + 1 }));
  await em.flush();
}
