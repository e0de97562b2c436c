/** Words of the accounting export: what appears in 摘要 and on the export page. */
export const ACCOUNTING_TEXT = {
  duesMemo: (years: number[], typeName: string) => `${years.map((y) => `${y}年度`).join('・')} ${typeName} 会費`,
  creditMemo: '会費 預り金',
  creditUseMemo: '預り金充当',
  donationWord: '寄付',
  feeWord: '振込手数料差引',
  memberNo: (no: string) => `会員番号${no}`,
  reversalPrefix: '【取消】',
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
