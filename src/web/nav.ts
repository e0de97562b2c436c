import type { StaffRole } from '../staff/staff.entity.js';

/** The main menu, in order. Each domain adds its own entry here. */
export interface NavItem { href: string; label: string; role: StaffRole }

export const NAV: NavItem[] = [
  { href: '/members', label: '会員', role: 'viewer' },
  { href: '/member-types', label: '会員種別', role: 'viewer' },
  { href: '/dues', label: '会費', role: 'viewer' },
  { href: '/bank', label: '入金消込', role: 'viewer' },
  { href: '/supporters', label: '支援者', role: 'viewer' },
  { href: '/activities', label: '活動', role: 'viewer' },
  { href: '/mailings', label: '発送・会報', role: 'viewer' },
  { href: '/audit', label: '変更履歴', role: 'admin' },
  { href: '/staff', label: 'スタッフ', role: 'admin' },
  { href: '/settings', label: '設定', role: 'admin' },
];
