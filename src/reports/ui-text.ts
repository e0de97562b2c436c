/** Words of the dashboard, aggregates and 社員総会 pages. */
export const UNKNOWN_PREFECTURE = '不明';

export const REPORT_TEXT = {
  dashboard: 'ダッシュボード',
  aggregates: '集計',
  assembly: '社員総会 名簿',
  reviewLines: '入金消込の確認待ち',
  toThank: 'お礼状・領収書の送付待ち',
  followUpsDue: '期限の来たフォローアップ',
  unpaid: (fy: number) => `${fy}年度の未納`,
  lapseProposals: '退会候補（提案）',
  failedJobs: '失敗・中断した定時ジョブ（7日間）',
  lastBackup: '最後のバックアップ',
  noBackup: 'まだありません',
  age: (hours: number) =>
    hours < 1 ? '1時間以内' : hours < 48 ? `${Math.floor(hours)}時間前` : `${Math.floor(hours / 24)}日前`,
  chartTypes: '会員種別・状態別の会員数',
  chartMonths: '月別の会費・寄付の入金額（24か月）',
  chartYears: '年度別の会費回収率',
  chartPrefectures: '都道府県別の会員数',
  chartCampaigns: 'キャンペーンの達成率',
  colCampaign: 'キャンペーン',
  colTarget: '目標',
  colCurrent: '現在',
  colReached: '達成率',
  failedBatches: '失敗したバッチ（7日間）',
  active: '在籍',
  withdrawn: '退会',
  dues: '会費',
  donations: '寄付',
  badDate: '基準日を正しく入力してください（例: 2026-06-01）',
  quorum: { majority: '過半数', 'two-thirds': '3分の2以上' },
  /** The 社員総会 member type when the setting names none. */
  defaultAssemblyType: '正会員',
  noTable: '集計が見つかりません',
  csvName: (table: string, today: string) => `集計_${table}_${today}.csv`,
  noData: (title: string) => `${title}: データがありません`,
  /** Between series and between categories in a chart's text description. */
  listSep: '、',
  sentenceEnd: '。',
  colType: '会員種別',
  colTotal: '合計',
  colMonth: '月',
  yen: (label: string) => `${label}（円）`,
  /** A table column of yen amounts (printed as 12,345円 on the page, plain in the CSV). */
  yenColumn: /円/,
  colYear: '年度',
  colBilled: '請求額（円）',
  colCollected: '回収額（円）',
  colRate: '回収率',
  colPrefecture: '都道府県',
  colMembers: '会員数',
  people: (n: number) => `${n}人`,
  fiscalYear: (fy: number) => `${fy}年度`,
} as const;

/** Aggregate tables offered as CSV: name in the URL → file name. */
export const AGGREGATE_TABLES = {
  types: '会員種別・状態別',
  months: '月別入金額',
  years: '年度別回収率',
  prefectures: '都道府県別',
  campaigns: 'キャンペーン進捗',
} as const;
export type AggregateTable = keyof typeof AGGREGATE_TABLES;
