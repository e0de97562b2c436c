import type { BankTxStatus } from './bank-transaction.entity.js';

/** Staff-facing words of the banking domain, in one place so the office can change them. */
export const STATUS_LABELS: Record<BankTxStatus | 'known', string> = {
  matched: '消込済み',
  review: '要確認',
  ignored: '対象外（出金）',
  donation: '寄付',
  not_dues: '会費以外',
  skipped: '保留',
  known: '取り込み済み',
};

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（BOM付き）',
  cp932: 'Shift_JIS',
};

export const MAPPING_FIELDS = {
  date: '日付',
  amount: '金額（入出金が1列・符号付き）',
  deposit: '入金額（お預入れ）',
  withdrawal: '出金額（お引出し）',
  direction: '入出金区分',
  payer: '振込依頼人名',
  reference: '照会番号・参照番号',
  memo: '摘要・メモ',
} as const;

export const MSG = {
  chooseFile: '取り込むファイルを選んでください',
  chooseFormat: '形式を選んでください',
  chooseMember: '会員を選んでください',
  importNotFound: '取り込みが見つかりません',
  lineNotFound: '明細の行が見つかりません',
  memberNotFound: '会員が見つかりません',
  profileNotFound: '列の設定が見つかりません',
  profileName: '設定の名前を入力してください',
  profileNameTaken: 'この名前の設定はすでにあります',
  reasonRequired: '取り消しの理由を入力してください',
  alreadyUndone: 'この取り込みはすでに取り消されています',
  notInReview: 'この行は確認待ちではありません',
  notConfirmed: 'この行はまだ消し込まれていません',
  allocationsTooMuch: '割り当ての合計が入金額を超えています',
  allocationInvalid: '割り当ての金額を確認してください',
  concurrent: '同時に別の取り込みが行われたため、何も取り込んでいません。もう一度お試しください。',
  mappingRequired: '「日付」と、「金額」または「入金額」の列を選んでください',
  dryRun: '確認のみ（取り込んでいません）',
} as const;

export const FLASH = {
  imported: (n: number, matched: number, review: number) =>
    `明細を取り込みました：入金 ${n} 件（自動消込 ${matched} 件、要確認 ${review} 件）`,
  confirmed: '入金を記録しました',
  donation: '寄付として記録しました',
  notDues: '会費以外の入金にしました',
  skipped: '保留にしました',
  lineUndone: '消込を取り消しました（行は確認待ちに戻りました）',
  importUndone: '取り込みを取り消しました',
  profileSaved: '列の設定を保存しました',
} as const;
