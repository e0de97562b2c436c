/** Words of the job schedule, its CLI and the admin page's routes. */
export const JOB_LABELS = {
  'invoice-run': '年度の会費一括発行（年度の初日）',
  reminders: '督促対象の更新',
  status: '会費状況の更新と退会候補の提案',
  backup: '夜間バックアップ',
  'special-days': '誕生日リストと休眠支援者リスト（毎月）',
} as const;

export const JOBS_CLI = {
  listSummary: '定時ジョブの一覧（有効/無効、時刻、前回の結果）',
  never: '未実行',
  on: '有効',
  off: '無効',
  last: (text: string) => `前回: ${text}`,
  runUsage: (names: string[]) => `enishi jobs run NAME（${names.join(' | ')}）`,
  runSummary: '定時ジョブを今すぐ 1 回実行します（結果はジョブ履歴に残ります）',
  needName: '実行するジョブの名前を 1 つ指定してください',
  unknown: (name: string, names: string[]) => `不明なジョブです: ${name}（${names.join(', ')}）`,
} as const;

export const JOBS_PAGE = {
  title: '定時ジョブ',
  noReminderFile: '督促状のファイルが見つかりません',
  noJob: 'ジョブが見つかりません',
  actor: (job: string) => `ジョブ: ${job}`,
} as const;
