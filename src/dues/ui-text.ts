import type { InvoiceStatus } from './invoice.entity.js';
import type { PaymentMethod, RemainderKind } from './payment.entity.js';

/** Staff-facing words of the dues domain, in one place. */
export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  unpaid: '未納',
  partial: '一部入金',
  paid: '入金済',
  waived: '免除',
  cancelled: '取消',
};
export const METHOD_LABELS: Record<PaymentMethod, string> = {
  bank: '銀行振込',
  postal: '郵便振替',
  cash: '現金',
  other: 'その他',
};
export const REMAINDER_LABELS: Record<RemainderKind, string> = {
  donation: '寄付',
  credit: '預り金（次回以降の会費に充当）',
};
export const DUES_STATUS_LABELS = { member: '会員', unpaid: '未納', arrears: '滞納', withdrawn: '退会' } as const;

export const SKIP_REASONS = {
  withdrawn: '退会済み',
  alreadyInvoiced: (no: string) => `請求済み（${no}）`,
  noFee: '会費のない会員種別',
  joinedLater: '年度末より後に入会',
} as const;

export const MSG = {
  memberNotFound: '会員が見つかりません',
  invoiceNotFound: '請求が見つかりません',
  paymentNotFound: '入金が見つかりません',
  runNotFound: '一括発行が見つかりません',
  donationNotFound: '寄付が見つかりません',
  badYear: '年度を正しく入力してください（例: 2026）',
  nothingToIssue: '発行する請求はありません',
  runAlreadyUndone: 'この一括発行はすでに取り消されています',
  runUndonePdf: '取り消した一括発行の請求書は印刷できません',
  runPrintTitle: (year: number, id: number) => `請求書の印刷（${year}年度 一括発行 #${id}）`,
  runHasPayments: (nos: string[]) =>
    `入金のある請求があるため取り消せません: ${nos.slice(0, 10).join('、')}${nos.length > 10 ? ` ほか${nos.length - 10}件` : ''}。先に入金を取り消してください。`,
  reasonRequired: '理由を入力してください',
  amountRequired: '金額を1円以上の整数で入力してください',
  dateRequired: '日付を入力してください',
  methodRequired: '入金方法を選んでください',
  allocationInvalid: (no: string) => `${no} への充当額が正しくありません（残額を超えているか、0円以下です）`,
  invoiceClosed: (no: string) => `${no} は入金済・免除・取消のため充当できません`,
  allocationsTooMuch: '充当額の合計が入金額を超えています',
  remainderKindRequired: '充当しない残り（差額）を寄付にするか預り金にするか選んでください',
  feeWithRemainder: '振込手数料は不足分にだけ使えます（残りがあるときは手数料なしで記録してください）',
  feeTooLarge: '振込手数料が設定の上限を超えています',
  alreadyReversed: 'この入金はすでに取り消されています',
  cannotCancelPaid: '入金のある請求は取り消せません。先に入金を取り消してください。',
  notOpen: 'この請求は未納・一部入金ではありません',
  duplicateInvoice: (fy: number) => `${fy}年度の請求はすでにあります`,
  concurrent: '同時に別の発行が行われたため、何も発行していません。もう一度お試しください。',
  noCredit: 'この会員には充当できる預り金がありません',
} as const;
