/** Words of the accounting export: what appears in 摘要 and on the export page. */
export const ACCOUNTING_TEXT = {
  duesMemo: (years: number[], typeName: string) => `${years.map((y) => `${y}年度`).join('・')} ${typeName} 会費`,
  creditMemo: '会費 預り金',
  creditUseMemo: '預り金充当',
  donationWord: '寄付',
  feeWord: '振込手数料差引',
  memberNo: (no: string) => `会員番号${no}`,
  reversalPrefix: '【取消】',
  /** Joins the 摘要 of one payment's dues groups. */
  memoJoin: '・',
  exportTitle: '会計ソフトへの書き出し',
  fileName: (format: string, from: string, to: string) => `仕訳_${format}_${from}-${to}.csv`,
} as const;

export const ACCOUNTING_CLI = {
  summary: '期間の入金と寄付を会計ソフトの仕訳 CSV に書き出します',
  unknownArgs: (args: string[]) => `不明な引数です: ${args.join(' ')}`,
  needOut: '--out FILE.csv を指定してください',
  cannotWrite: (path: string, why: string) => `書き込めません: ${path} (${why})`,
  written: (label: string, entries: number, path: string) => `${label}: 仕訳 ${entries} 件を ${path} に書き出しました`,
} as const;

export const FORMAT_LABELS = {
  freee: 'freee 会計（取引インポート）',
  moneyforward: 'マネーフォワード クラウド会計（仕訳帳インポート）',
  yayoi: '弥生会計（インポート形式）',
} as const;
export type AccountingFormat = keyof typeof FORMAT_LABELS;
export const FORMATS = Object.keys(FORMAT_LABELS) as AccountingFormat[];

export const ACCOUNTING_MSG = {
  badFormat: `形式は ${FORMATS.join(' / ')} のどれかを指定してください`,
  badFrom: '開始日を正しく入力してください（例: 2026-04-01）',
  badTo: '終了日を正しく入力してください（例: 2027-03-31）',
  badRange: '終了日は開始日より後にしてください',
  tooLong: '期間は最長 1 年（366 日）までです',
  nothing: 'この期間に出力する仕訳はありません',
} as const;
