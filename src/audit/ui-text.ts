/** The change log's own words (each domain's entity and field names are registered from its audit-labels.ts). */
export const AUDIT_TEXT = {
  title: '変更履歴',
  empty: '（空）',
  yes: 'はい',
  no: 'いいえ',
};

export const ACTION_LABELS: Record<string, string> = {
  create: '登録',
  update: '変更',
  delete: '削除',
  withdraw: '退会',
  readmit: '再入会',
  login: 'ログイン',
  login_failed: 'ログイン失敗',
  lockout: 'ロック',
  logout: 'ログアウト',
  export_personal_data: '個人データの書き出し',
  erase_personal_data: '個人情報の削除',
};
