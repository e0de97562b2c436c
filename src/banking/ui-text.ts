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
  allKnown: (lines: number) =>
    `この明細の ${lines} 行はすべて取り込み済みです。新しい入金はないため、取り込みは作成していません`,
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
  chooseRemainder: (yen: number) =>
    `請求に割り当てていない残りが ${yen.toLocaleString('ja-JP')}円 あります。残りを「寄付にする」か「預り金にする」か選んでください（まだ何も記録していません）`,
  concurrent: '同時に別の取り込みが行われたため、何も取り込んでいません。もう一度お試しください。',
  mappingRequired: '「日付」と、「金額」または「入金額」の列を選んでください',
  dryRun: '確認のみ（取り込んでいません）',
} as const;

/** The 「会員以外からの寄付として記録」 form of a statement line. */
export const NON_MEMBER_DONATION = {
  checkInput: '寄付者の入力を確認してください（まだ何も記録していません）',
  nameLabel: '寄付者名',
  addressLabel: '住所',
  purposeLabel: '目的',
  nameRequired: '寄付者名を入力してください',
  addressRequired: '寄付者の住所を入力してください（お礼状と寄附金受領証明書に使います）',
  postalInvalid: '郵便番号は7桁で入力してください（例：160-0022）',
  tooLong: (label: string, max: number) => `${label}は${max}文字までにしてください`,
  lineNote: (name: string) => `会員以外からの寄付：${name}`,
  /** The donation row has one address column (printed on certificates): the postal code leads it. */
  addressWithPostalCode: (postal: string, address: string) => `〒${postal} ${address}`,
} as const;

export const FLASH = {
  imported: (n: number, matched: number, review: number) =>
    `明細を取り込みました：入金 ${n} 件（自動消込 ${matched} 件、要確認 ${review} 件）`,
  confirmed: '入金を記録しました',
  donation: '寄付として記録しました',
  nonMemberDonation: '会員以外からの寄付として記録しました',
  notDues: '会費以外の入金にしました',
  skipped: '保留にしました',
  lineUndone: '消込を取り消しました（行は確認待ちに戻りました）',
  importUndone: '取り込みを取り消しました',
  profileSaved: '列の設定を保存しました',
  profileSavedAndImported: (imported: string) => `列の設定を保存しました。${imported}`,
  profileDeleted: '列の設定を削除しました',
} as const;

/** Page titles of the banking domain. */
export const TITLES = {
  profiles: 'CSVの列の設定',
  index: '入金消込（銀行明細の取り込み）',
  toThank: 'お礼状・領収書の送付待ち',
  line: (n: number) => `明細 ${n} 行目の確認`,
  import: (id: number) => `明細の取り込み #${id}`,
};

/** What staff are told about a file that is not a bank statement the app can read. */
export const STATEMENT_TEXT = {
  zenginLabel: '全銀協 入出金取引明細（固定長）',
  genericLabel: 'その他のCSV（列の設定を使う）',
  empty: 'ファイルが空です',
  utf16:
    'UTF-16（Unicode テキスト）で保存されたファイルは読めません。銀行からダウンロードしたままのファイルを選んでください',
  pdf: 'PDFファイルは取り込めません。インターネットバンキングから「CSV」または「全銀協形式」の明細をダウンロードしてください',
  xlsx: 'Excelファイル（.xlsx）は取り込めません。CSV形式で保存してから取り込んでください',
  notText: 'テキストファイルではありません。銀行の入出金明細（CSV・全銀協形式）を選んでください',
  memberList: '会員名簿のようです。銀行の入出金明細を選んでください（会員名簿は「会員の取り込み」から取り込めます）',
  unknownFormat:
    '銀行の入出金明細として形式を判定できませんでした。形式を選ぶか、「CSVの列の設定」で列を指定してください',
  genericNeedsMapping: '「その他のCSV」には列の設定が必要です',
  noLines: '明細の行がありません',
  tooLarge: (mb: number) =>
    `ファイルが大きすぎます（${mb}MBまで）。1か月ごとなど、期間を区切ってダウンロードした明細を取り込んでください`,
  tooManyLines: (found: number, limit: number) =>
    `行が多すぎます（${found.toLocaleString('ja-JP')}行。${limit.toLocaleString('ja-JP')}行まで）。期間を区切った明細を取り込んでください`,
  lineTooLong: (limit: number) =>
    `1行が長すぎます（${limit.toLocaleString('ja-JP')}文字まで）。銀行の明細ファイルか確かめてください`,
  fieldTooLong: (limit: number) =>
    `振込依頼人名または摘要が長すぎます（${limit}文字まで）。銀行の明細ファイルか確かめてください`,
  mappingRequired: MSG.mappingRequired,
  noHeader: (format: string) => `選んだ形式（${format}）の見出し行が見つかりません`,
  badFormatName: (name: string) => `不明な形式です: ${name}`,
  undoneNote: (why: string) => `取り消し: ${why}`,
};

/** How sure a suggestion is (confidence.ts), shown instead of the matcher's score. */
export const CONFIDENCE_LABELS = {
  prefix: '一致度：',
  high: '高',
  medium: '中',
  low: '低',
} as const;

/** The reasons shown to staff beside each suggested member of a deposit (matcher.ts). */
export const MATCH_REASONS = {
  learnedAlias: '以前この振込名義で入金があった会員（学習済み）',
  memberNo: (memberNo: string, note: string) => `振込人名に会員番号 ${memberNo}${note}`,
  nameDiffers: '（名前は一致しません）',
  noName: '（名前の記載なし）',
  corporateName: '法人名（団体会員）が一致',
  exactKana: 'フリガナが完全に一致',
  homonyms: (reason: string, n: number) => `${reason}（同じフリガナの会員が ${n} 人）`,
  familyAndHousehold: '姓が一致し、金額が世帯の未納額と一致',
  familyNameOnly: '姓のみの記載で、金額がこの会員の未納の会費と一致（同じ姓の会員から選んでください）',
  typo: '名前が似ている（1文字違い：入力ミスの可能性）',
  feeDeducted: (note: string, fee: number) => `${note}（振込手数料 ${fee}円 差し引き）`,
  openYears: (n: number) => `未納 ${n} 年度分と一致`,
  openDues: '金額が未納の会費と一致',
  householdDues: '金額が世帯の未納の会費と一致',
  oneYear: (year: number) => `金額が ${year}年度分と一致（ほかの年度は未納のまま）`,
  nothingOpen: '未納の請求がありません',
  surplus: (yen: number) => `未納額より ${yen}円 多い（寄付の可能性）`,
  short: (yen: number) => `未納額に ${yen}円 足りない（一部入金）`,
  settledByEarlierLine: 'この請求は同じ明細の前の行で入金済み',
};

/** `enishi bank import`: summary, usage errors and the report. */
export const BANK_CLI = {
  summary: '銀行の入出金明細（全銀協・CSV・ゆうちょ）を取り込み、会費の入金を消し込みます',
  oneFile: '取り込む明細ファイルを1つ指定してください',
  badFormat: (name: string, known: string[]) => `${STATEMENT_TEXT.badFormatName(name)}（${known.join(', ')}）`,
  imported: (id: number | null) => `取り込みました（取り込み番号 ${id}）`,
  summaryLine: (
    head: string,
    i: {
      format: string;
      lines: number;
      deposits: number;
      known: number;
      matched: number;
      review: number;
      ignored: number;
    },
  ) =>
    `${head}: 形式 ${i.format}、${i.lines} 行、入金 ${i.deposits} 件、取り込み済み ${i.known} 件、自動消込 ${i.matched} 件、要確認 ${i.review} 件、対象外 ${i.ignored} 件`,
  candidate: (memberNo: string, reasons: string[]) => ` → 候補 会員番号 ${memberNo}（${reasons.join('、')}）`,
  reviewLine: (line: number, date: string, amount: number, payer: string, candidate: string) =>
    `  要確認 ${line} 行目 ${date} ${amount}円 ${payer}${candidate}`,
};
