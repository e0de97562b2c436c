import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Organisation-wide settings as key → JSON value; typed access lives in settings.service.ts. */
export const Setting = defineEntity({
  name: 'Setting',
  tableName: 'setting',
  properties: {
    key: p.string().length(60).primary(),
    value: p.json<unknown>(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ISetting = InferEntity<typeof Setting>;
