/** Words of the scheduled jobs (admin page, CLI, job-run summaries). */
export const JOB_TEXT = {
  specialDaysMade: (files: string[]) =>
    `今月の誕生日リストと休眠支援者リストを作りました（${files.join('、')}、定時ジョブの画面から印刷してください）`,
  specialDaysExisting: (ym: string) => `${ym} のリストは作成済みです`,
  notFirstDay: '年度の初日ではないため、何もしませんでした',
  previewReady: (fy: number) =>
    `${fy}年度の一括発行のプレビューを用意しました。会費 › 一括発行 で確認して発行してください`,
  issued: (fy: number) => `${fy}年度の年会費を一括発行しました`,
  reminders: (days: number, file: string) =>
    `支払期限から${days}日を過ぎた未納の督促状を作りました（${file}、定時ジョブの画面から印刷してください）`,
  noReminders: (days: number) => `支払期限から${days}日を過ぎた、督促前の未納はありません`,
  status: '会費の状況を更新し、退会候補を提案しました（退会処理はしていません）',
} as const;

export const OUTCOME_LABELS = {
  running: '実行中',
  ok: '成功',
  failed: '失敗',
  skipped: '見送り',
  interrupted: '中断',
} as const;
export const TRIGGER_LABELS = { schedule: '定時', cli: 'コマンド', web: '画面から' } as const;
export const COUNT_LABELS: Record<string, string> = {
  planned: '発行予定',
  issued: '発行',
  skipped: '対象外',
  total: '合計金額',
  invoices: '督促対象',
  outstanding: '未納額',
  members: '会員',
  candidates: '退会候補',
  created: '新しい提案',
  resolved: '解消',
  bytes: 'バイト',
  pruned: '削除した古いバックアップ',
};

/** Words of `enishi migrate-data` (copying a SQLite installation into PostgreSQL). */
export const MIGRATE_DATA_TEXT = {
  summary: 'SQLite のデータを空の PostgreSQL データベースへ移す（件数と金額を照合）',
  usage: 'enishi migrate-data --to postgresql://… [--json]',
  needTo: '--to に移行先の PostgreSQL の URL（postgresql://…）を指定してください',
  notPostgres: (to: string) => `移行先は postgresql:// で始まる URL にしてください: ${to}`,
  sourceNotSqlite:
    'ENISHI_DATABASE_URL が設定されています。移行元は SQLite のデータフォルダです（ENISHI_DATABASE_URL を外して実行してください）',
  notEmpty: (tables: string[]) =>
    `移行先のデータベースは空ではありません（${tables.slice(0, 5).join('、')}${tables.length > 5 ? ' ほか' : ''} にデータがあります）。空のデータベースを指定してください`,
  missingColumn: (table: string, column: string) => `移行先の表 ${table} に列 ${column} がありません`,
  mismatch: (table: string, what: string, from: number, to: number) =>
    `照合が合いません: ${table} の${what}（移行元 ${from}、移行先 ${to}）。何も移していません`,
  copyFailed: (table: string, why: string) => `表 ${table} を移せませんでした（${why}）。何も移していません`,
  cannotConnect: (why: string) => `移行先の PostgreSQL に接続できません: ${why}`,
  rows: '件数',
  sum: (column: string) => `${column} の合計`,
  head: '表\t件数\t金額の合計',
  done: (tables: number, rows: number) => `移行しました: ${tables} 表、${rows} 行。件数と金額はすべて一致しました`,
} as const;
