/** The role vocabulary of the whole app: who may see and do what. Pure; the staff domain stores one per account. */
export const STAFF_ROLES = ['admin', 'staff', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLE_LABELS: Record<StaffRole, string> = { admin: '管理者', staff: '事務局', viewer: '閲覧のみ' };
const RANK: Record<StaffRole, number> = { viewer: 0, staff: 1, admin: 2 };

export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return RANK[role] >= RANK[needed];
}
