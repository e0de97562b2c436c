/** Staff-facing words of the settings domain, in one place so the office can change them. */
export const SETTINGS_TEXT = {
  title: '設定',
  saved: '設定を保存しました',
  unknownKey: (key: string) => `不明な設定項目です: ${key}`,
  tooLong: (label: string, max: number) => `${label}は${max}文字以内で入力してください`,
  notJson: (label: string) => `${label}はJSONの形で入力してください`,
  monthOption: (m: number) => `${m}月`,
};

/** The fieldsets of the settings page, in page order: one per purpose. */
export const GROUPS = {
  org: '団体情報（請求書・領収書に印刷されます）',
  transfer: '振込先',
  fiscal: '年度と会費',
  dates: '日付の書き方',
  receipt: '領収書',
  certification: '寄附金受領証明書（認定NPO法人・特例認定NPO法人）',
  print: '印刷と礼状',
  jobs: '定時ジョブ',
  operations: '会計連携・総会・発送・メール',
} as const;

export const SALUTATIONS = ['拝啓', '謹啓', '前略'] as const;
export type Salutation = (typeof SALUTATIONS)[number];
export const CERTIFICATION_KINDS = ['認定', '特例認定'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

/** Range messages several settings share. */
const RANGE = {
  days: '0〜365の日数で入力してください',
  labelMm: '-20〜20のmmで入力してください',
};

/** Each setting's label, the choices of a select, the hint under it and the message when refused. */
export const SETTING_TEXT = {
  jobTime: '時刻は 00:00〜23:59 の形で入力してください',
  jobOn: '有効',
  jobAt: '時刻',
  orgName: { label: '団体名' },
  representative: { label: '代表者（肩書と氏名）' },
  orgPostalCode: {
    label: '郵便番号',
    error: '郵便番号は7桁の数字で入力してください',
    hint: '入力すると住所を補います',
  },
  orgAddress: { label: '住所' },
  orgPhone: { label: '電話', error: '電話番号は 03-1234-5678 のように入力してください' },
  orgEmail: { label: 'メール' },
  orgInvoiceNumber: {
    label: 'インボイス登録番号（適格請求書発行事業者）',
    hint: '登録している場合だけ、T と13桁の数字（例: T1234567890123）',
    error: 'インボイス登録番号は T と13桁の数字で入力してください（例: T1234567890123）',
  },
  seal: '領収書の印影（角印）を登録する',
  bankAccounts: {
    label: '振込先の口座（1行に1口座：銀行・ゆうちょ）',
    hint: '例: ○○銀行 △△支店 普通 1234567 トクテイヒエイリカツドウホウジン エニシ ／ ゆうちょ銀行 振替口座 00120-1-123456',
  },
  fiscalYearStartMonth: { label: '年度の開始月', error: '1〜12の月を選んでください' },
  era: {
    label: '日付の書き方（画面と印刷物）',
    wareki: '和暦（令和8年4月1日）',
    seireki: '西暦（2026-04-01、印刷物は2026年4月1日）',
    error: '和暦（wareki）か西暦（seireki）を選んでください',
  },
  dueDays: { label: '支払期限（発行日から何日後）', error: RANGE.days },
  graceYears: { label: '退会候補とする未納年数', error: '1〜10の年数で入力してください' },
  proration: {
    label: '年度途中の入会',
    none: '年会費の全額',
    monthly: '月割り',
    error: '全額（none）か月割り（monthly）を選んでください',
  },
  transferFees: {
    label: '振込手数料として許容する金額（円、カンマ区切り）',
    hint: 'この金額だけ少ない入金も、会費を納めたものとして消し込みます',
    error: '手数料は 110, 220 のように円単位でカンマ区切りで入力してください',
  },
  'receipt.paper': {
    label: '用紙',
    A4: 'A4（窓付き封筒の宛名つき）',
    A5: 'A5 横',
    error: '用紙は A4 か A5 を選んでください',
  },
  'receipt.stampNote': {
    label: '印紙税の非課税の注記',
    on: '印刷する',
    off: '印刷しない',
    hint: '「印紙税法基本通達別表第1第17号文書により非課税」',
    error: '印紙税の注記は on か off で指定してください',
  },
  'certification.kind': {
    label: '認定の種類',
    none: '認定を受けていない',
    認定: '認定NPO法人',
    特例認定: '特例認定NPO法人',
    error: '認定の種類は「認定」「特例認定」または空欄で指定してください',
  },
  'certification.number': { label: '認定（特例認定）通知書の番号' },
  'certification.date': { label: '認定（特例認定）年月日', error: '認定年月日は 2024-04-01 のように入力してください' },
  'certification.activity': {
    label: '寄附金に係る事業（特定非営利活動）',
    hint: '例：子どもの居場所づくり　→「…に係る（子どもの居場所づくり）事業に関連する寄附金として受領いたしました」',
  },
  'print.offsetX': {
    label: '印刷のずれ 横（mm）',
    hint: '窓付き封筒（長形3号）の窓から宛名がずれるときは、ずれた分だけ逆向きに入れてください（右・下がプラス）。',
    error: '印刷のずれは -20〜20 の mm で入力してください（例: 1.5, -2）',
  },
  'print.offsetY': { label: '印刷のずれ 縦（mm）' },
  'letters.salutation': {
    label: '礼状の頭語',
    拝啓: '拝啓 … 敬具（標準）',
    謹啓: '謹啓 … 謹白（改まった場合）',
    前略: '前略 … 草々（時候の挨拶なし）',
    error: '頭語は 拝啓・謹啓・前略 から選んでください',
  },
  'letters.layout': {
    label: '礼状の向き',
    horizontal: '横書き',
    vertical: '縦書き',
    error: '礼状の向きは horizontal（横書き）か vertical（縦書き）です',
  },
  jobSwitches: {
    label: '定時ジョブの有効・無効と時刻',
    hint: '例: {"backup": {"enabled": true, "time": "02:30"}, "reminders": {"enabled": false, "time": "06:30"}}（ジョブ名は「定時ジョブ」の画面にあります）',
    error:
      '定時ジョブは {"ジョブ名": {"enabled": true, "time": "02:30"}} の形で、時刻は 00:00〜23:59 で入力してください',
  },
  invoiceRunMode: {
    label: '年度初日の一括発行',
    confirm: '確認してから発行（下書きを残す）',
    auto: '自動で発行する',
    error: '一括発行は confirm（確認してから）か auto（自動）を選んでください',
  },
  reminderDaysAfterDue: { label: '督促：支払期限から何日後', error: RANGE.days },
  accountingDuesAccount: { label: '会計：受取会費の勘定科目' },
  accountingDuesSubAccounts: { label: '会計：会員種別ごとの補助科目' },
  accountingDonationAccount: { label: '会計：受取寄付金の勘定科目' },
  accountingDonationSubAccount: { label: '会計：受取寄付金の補助科目' },
  accountingFeeAccount: { label: '会計：振込手数料の勘定科目' },
  accountingCreditAccount: { label: '会計：預り金の勘定科目' },
  accountingDepositAccounts: { label: '会計：入金方法ごとの借方科目' },
  accountingTaxCategory: { label: '会計：会費・寄付の税区分' },
  accountingFeeTaxCategory: { label: '会計：手数料の税区分' },
  backupKeep: { label: '夜間バックアップを残す数', error: '1〜365で入力してください' },
  assemblyQuorum: {
    label: '社員総会の定足数',
    majority: '過半数',
    'two-thirds': '3分の2以上',
    error: '定足数は majority（過半数）か two-thirds（3分の2）を選んでください',
  },
  assemblyMemberTypes: { label: '社員総会で数える会員種別' },
  labelOffsetX: { label: '宛名ラベルの横のずれ（mm）', error: RANGE.labelMm },
  labelOffsetY: { label: '宛名ラベルの縦のずれ（mm）', error: RANGE.labelMm },
  dormantMonths: { label: '休眠とみなす月数', error: '1〜240の月数で入力してください' },
  smtpHost: { label: 'メール：SMTPサーバー' },
  smtpPort: { label: 'メール：ポート', error: '1〜65535で入力してください' },
  smtpSecurity: {
    label: 'メール：暗号化',
    tls: 'TLS（465番ポートなど）',
    starttls: 'STARTTLS（587番ポートなど）',
    none: 'なし',
    error: '暗号化は tls・starttls・none から選んでください',
  },
  smtpUser: { label: 'メール：ユーザー名' },
  smtpFrom: { label: 'メール：差出人' },
};

/** Default values that are words: account names of the accounting export, the member type of the roster. */
export const SETTING_DEFAULTS_TEXT = {
  duesAccount: '受取会費',
  donationAccount: '受取寄付金',
  feeAccount: '支払手数料',
  creditAccount: '前受金',
  bankAccount: '普通預金',
  postalAccount: '振替貯金',
  cashAccount: '現金',
  taxOutOfScope: '対象外',
  assemblyMemberType: '正会員',
};

/** `enishi settings …`. */
export const SETTINGS_CLI = {
  listSummary: '設定の一覧を表示します（--json: すべての項目のキーと値）',
  setSummary: '設定を1項目変更します（設定画面と同じ確認をします）',
  setArgs: 'キーと値を1つずつ指定してください（値が空なら ""）',
  listLine: (key: string, value: string, label: string) => `${key} = ${value}  （${label}）`,
  lineSeparator: ' / ',
  saved: (key: string) => `${key} を保存しました`,
};
