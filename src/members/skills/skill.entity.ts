import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** 協力できる分野: an area a supporter can help with (会計, 翻訳 …). Never deleted, only set inactive. */
export const Skill = defineEntity({
  name: 'Skill',
  tableName: 'skill',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(60).unique(),
    sortOrder: p.integer().default(0),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ISkill = InferEntity<typeof Skill>;
