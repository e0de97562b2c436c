import { registerAuditLabels } from '../audit/labels.js';

/** The staff domain's names in the change log. */
export function registerStaffAuditLabels(): void {
  registerAuditLabels('Staff', {
    label: 'スタッフ',
    fields: {
      loginId: 'ログインID',
      displayName: '表示名',
      passwordHash: 'パスワード',
      role: '権限',
      active: '有効',
      lastLoginAt: '最終ログイン',
      failedLogins: 'ログイン失敗回数',
      lockedUntil: 'ロック期限',
      ip: '接続元',
    },
    values: { role: { admin: '管理者', staff: '事務局', viewer: '閲覧のみ' } },
  });
}
