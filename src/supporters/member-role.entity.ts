import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';
import { SupporterRole } from './supporter-role.entity.js';

/** A member holding a role for a period (理事 2024-06-01 – 2026-05-31); endedOn null = still holds it. */
export const MemberRole = defineEntity({
  name: 'MemberRole',
  tableName: 'member_role',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member),
    role: p.manyToOne(SupporterRole),
    startedOn: p.date(),
    endedOn: p.date().nullable(),
    note: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['role', 'startedOn'] }],
});
export type IMemberRole = InferEntity<typeof MemberRole>;
