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
  duplicatePayment: (on: string, amount: number) =>
    `この会員には ${on} に同じ金額（${amount.toLocaleString('ja-JP')}円）の入金がすでに記録されています。ブラウザの「戻る」で二度送信していないか確かめてください。別の入金なら「同じ内容でもう一度記録する」を押してください。`,
  duplicateDonation: (on: string, amount: number) =>
    `この寄付者には ${on} に同じ金額（${amount.toLocaleString('ja-JP')}円）の寄付がすでに記録されています。ブラウザの「戻る」で二度送信していないか確かめてください。別の寄付なら「同じ内容でもう一度記録する」を押してください。`,
  seeRecordedDonation: '記録済みの寄付を見る',
  confirmDuplicate: '同じ内容でもう一度記録する',
  seeRecordedPayment: '記録済みの入金を見る',
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
  receivedOnInvalid: '入金日を正しく入力してください',
  feeInvalid: '振込手数料を正しく入力してください',
  allocationAmountInvalid: '充当額を正しく入力してください',
  issuedOnInvalid: '発行日を正しく入力してください',
  donorRequired: '会員を選ぶか、寄付者名を入力してください',
  tooLong: (max: number) => `${max}文字以内で入力してください`,
  noSuchMemberNo: (no: string) => `会員番号 ${no} の会員はいません`,
  donationDateInvalid: '受領日を正しく入力してください（例: 2026-06-01）',
  campaignNotListed: 'キャンペーンを一覧から選んでください',
  donationFromPayment: '入金の残りから作られた寄付です。入金の方を取り消してください。',
  nothingNewToIssue: '新たに発行する請求はありません（全員発行済みか対象外です）',
  nothingToRemind: '督促する未納の請求がありません',
} as const;

export const TITLES = {
  dues: '会費',
  donations: '寄付一覧',
  newDonation: '寄付を記録',
  newPayment: (name: string) => `${name} の入金を記録`,
  newInvoice: (name: string) => `${name} の請求を作成`,
  invoice: (no: string) => `請求 ${no}`,
  payment: (id: number) => `入金 #${id}`,
  newRun: (year: number) => `${year}年度 年会費の一括発行`,
  run: (id: number, year: number) => `一括発行 #${id}（${year}年度）`,
  unpaid: (year: number) => `${year}年度 未納者一覧`,
};

export const FILE_NAMES = {
  runInvoices: (year: number, id: number) => `請求書_${year}年度_${id}.pdf`,
  invoice: (no: string) => `請求書_${no}.pdf`,
  unpaidCsv: (year: number, day: string) => `未納者一覧_${year}年度_${day}.csv`,
  reminders: (year: number, day: string) => `督促状_${year}年度_${day}.pdf`,
};

/** The columns of the 未納者一覧 CSV (opened in Excel by the office). */
export const UNPAID_CSV_HEADER = [
  '請求番号',
  '会員番号',
  '氏名・団体名',
  '会員種別',
  '請求額',
  '入金済',
  '残額',
  '状態',
  '電話',
  '携帯',
  'メール',
  '郵便番号',
  '住所',
  '宛先不明',
  '督促回数',
  '最終督促日',
];
export const ADDRESS_UNKNOWN = '宛先不明';

/** The dues entries of the member page's timeline and list badges. */
export const TIMELINE = {
  invoice: '請求',
  payment: '入金',
  cancelled: '取消',
  waived: '免除',
  reversedMark: '（取消）',
  invoiceTitle: (no: string) => `請求 ${no}`,
  paymentTitle: (on: string, amount: string) => `入金 ${on} ${amount}`,
  fiscalYear: (y: number) => `${y}年度`,
  yearSeparator: '・',
  lapseCandidate: (label: string) => `${label}（退会候補）`,
  unpaidYears: (years: string) => `未納: ${years}`,
};

export const DOCUMENT_TEXT = {
  noOrgName: '（団体名未設定）',
  runUndoneReason: (reason: string) => `一括発行の取消: ${reason}`,
  annualFee: (year: string, typeName: string) => `${year} 年会費（${typeName}）`,
};

export const FLASH = {
  donationRecorded: '寄付を記録しました',
  donationReversed: '寄付を取り消しました',
  paymentRecorded: '入金を記録しました',
  invoiceCreated: '請求を作成しました',
  creditApplied: '預り金を請求に充当しました',
  waived: '免除にしました',
  invoiceCancelled: '請求を取り消しました',
  paymentReversed: '入金を取り消しました（充当していた請求は未納に戻りました）',
  runUndone: '一括発行を取り消しました',
  runIssued: (year: number, n: number, total: string) => `${year}年度の請求を ${n} 件発行しました（合計 ${total}）`,
};

/** `enishi invoices …`: summaries, usage errors and reports. */
export const DUES_CLI = {
  issueUsage: 'enishi invoices issue --year YYYY [--date YYYY-MM-DD] [--dry-run] [--json]',
  issueSummary: '年度の年会費の請求を一括発行します（発行済みの会員は飛ばします）',
  undoUsage: 'enishi invoices undo RUN_ID --reason 理由',
  undoSummary: '一括発行を取り消します（入金のある請求があるときは取り消せません）',
  pdfSummary: '一括発行の請求書を1つのPDF（1人1ページ）に書き出します',
  remindSummary: '年度の未納の請求に督促状を作り、督促日を記録します',
  yearRequired: '--year YYYY（年度）を指定してください',
  runIdRequired: '一括発行の番号を1つ指定してください',
  reasonRequired: '--reason で取り消しの理由を指定してください',
  runIdAndOut: '一括発行の番号と --out を指定してください',
  yearAndOut: '--year と --out を指定してください',
  skippedCount: (reason: string, n: number) => `${reason} ${n} 件`,
  dryRun: '確認のみ（発行していません）',
  nothingNew: '新たに発行する請求はありません',
  issued: (runId: number) => `発行しました（一括発行 #${runId}）`,
  runLine: (head: string, year: number, n: number, total: string, dueOn: string) =>
    `${head}: ${year}年度 請求 ${n} 件、合計 ${total}円、支払期限 ${dueOn}`,
  skippedLine: (skipped: string) => `対象外: ${skipped}`,
  undone: (id: number, year: number, n: number) => `一括発行 #${id}（${year}年度 ${n} 件）を取り消しました`,
  remindersWritten: (n: number, file: string) => `督促状 ${n} 件を書き出しました: ${file}`,
};
