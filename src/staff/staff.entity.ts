import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { StaffRole } from '../web/roles.js';

export const Staff = defineEntity({
  name: 'Staff',
  tableName: 'staff',
  properties: {
    id: p.integer().primary().autoincrement(),
    loginId: p.string().length(60).unique(),
    displayName: p.string().length(100),
    passwordHash: p.string().length(200),
    role: p.string().length(20).$type<StaffRole>(),
    active: p.boolean().default(true),
    lastLoginAt: p.datetime().nullable(),
    /** Wrong passwords in a row; reaching the limit locks the account for a while. */
    failedLogins: p.integer().default(0),
    lockedUntil: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IStaff = InferEntity<typeof Staff>;
