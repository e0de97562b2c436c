import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';
import { Activity } from './activity.entity.js';

export const PARTICIPATION_STATUSES = ['asked', 'accepted', 'declined', 'took_part', 'absent'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** One member on one activity: asked → accepted / declined → took part / absent. */
export const Participation = defineEntity({
  name: 'Participation',
  tableName: 'participation',
  properties: {
    id: p.integer().primary().autoincrement(),
    activity: p.manyToOne(Activity),
    member: p.manyToOne(Member),
    status: p.string().length(20).$type<ParticipationStatus>(),
    askedOn: p.date().nullable(),
    note: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['activity', 'member'] }],
  indexes: [{ properties: ['member', 'status'] }],
});
export type IParticipation = InferEntity<typeof Participation>;
