import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const STAFF_ROLES = ['admin', 'staff', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLE_LABELS: Record<StaffRole, string> = { admin: '管理者', staff: '事務局', viewer: '閲覧のみ' };
const RANK: Record<StaffRole, number> = { viewer: 0, staff: 1, admin: 2 };

export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return RANK[role] >= RANK[needed];
}

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
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type IStaff = InferEntity<typeof Staff>;
