import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../member.entity.js';
import { Skill } from './skill.entity.js';

/** A member can help with a skill; the note says how (「平日の夜のみ」「英語・中国語」). */
export const MemberSkill = defineEntity({
  name: 'MemberSkill',
  tableName: 'member_skill',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member),
    skill: p.manyToOne(Skill),
    note: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['member', 'skill'] }],
  indexes: [{ properties: ['skill'] }],
});
export type IMemberSkill = InferEntity<typeof MemberSkill>;
