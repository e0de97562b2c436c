import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** 活動: an event or task that needs helpers. Wanted skills are ids of Skill (a short list, audited as one value). */
export const Activity = defineEntity({
  name: 'Activity',
  tableName: 'activity',
  properties: {
    id: p.integer().primary().autoincrement(),
    title: p.string().length(120),
    startsOn: p.date().index(),
    endsOn: p.date().nullable(),
    place: p.string().length(120).nullable(),
    skillIds: p.json<number[]>(),
    helpersWanted: p.integer().nullable(),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IActivity = InferEntity<typeof Activity>;
