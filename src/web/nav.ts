import type { StaffRole } from './roles.js';

/** The main menu, in order. Each domain adds its own entry here. */
export interface NavItem {
  href: string;
  label: string;
  role: StaffRole;
}

export const NAV: NavItem[] = [
  { href: '/dashboard', label: 'ダッシュボード', role: 'viewer' },
  { href: '/members', label: '会員', role: 'viewer' },
  { href: '/member-types', label: '会員種別', role: 'viewer' },
  { href: '/dues', label: '会費', role: 'viewer' },
  { href: '/bank', label: '入金消込', role: 'viewer' },
  { href: '/receipts', label: '領収書', role: 'viewer' },
  { href: '/supporters', label: '支援者', role: 'viewer' },
  { href: '/letters/to-thank', label: '礼状', role: 'viewer' },
  { href: '/activities', label: '活動', role: 'viewer' },
  { href: '/accounting/export', label: '会計連携', role: 'staff' },
  { href: '/admin/backups', label: 'バックアップ', role: 'admin' },
  { href: '/admin/jobs', label: '定時ジョブ', role: 'admin' },
  { href: '/mailings', label: '発送・会報', role: 'viewer' },
  { href: '/audit', label: '変更履歴', role: 'admin' },
  { href: '/staff', label: 'スタッフ', role: 'admin' },
  { href: '/settings', label: '設定', role: 'admin' },
];
