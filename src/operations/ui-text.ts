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
