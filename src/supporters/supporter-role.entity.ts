import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** 役割 the office can hold people in (理事, 寄付者 …); `officer` puts its holders on the 役員名簿. */
export const SupporterRole = defineEntity({
  name: 'SupporterRole',
  tableName: 'supporter_role',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(60).unique(),
    officer: p.boolean().default(false),
    sortOrder: p.integer().default(0),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ISupporterRole = InferEntity<typeof SupporterRole>;
