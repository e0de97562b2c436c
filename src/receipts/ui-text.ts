/** What staff read in the receipts domain. */
export const MSG = {
  nothingToIssue: '領収書を発行する入金はありません（発行済みか、対象の入金がありません）',
  alreadyReceipted: 'この入金には有効な領収書があります。再発行するか、取り消してから発行し直してください',
  receiptNotFound: (n: string) => `領収書が見つかりません: ${n}`,
  receiptVoid: (n: string) => `領収書 ${n} は取り消されています（再発行できません）`,
  alreadyVoid: (n: string) => `領収書 ${n} は既に取り消されています`,
  reasonRequired: '取り消しの理由を入力してください',
  paymentNotFound: '入金が見つかりません',
  donationNotFound: '寄付が見つかりません',
  memberNotFound: '会員が見つかりません',
  annualTooMany: (max: number, n: number) =>
    `年間領収書に載せられる入金は ${max} 件までです（${n} 件あります）。個別の領収書を発行してください`,
  yearInvalid: '年度は 2026 のように4桁で指定してください',
  certificationMissing: (items: string[]) =>
    `寄附金受領証明書を発行できません。設定で認定の情報を入力してください（未入力: ${items.join('、')}）`,
  nothingToCertify: '証明書を発行する寄附はありません（証明書を発行済みか、対象の寄附がありません）',
  certificateNotFound: (n: string) => `寄附金受領証明書が見つかりません: ${n}`,
  certificateVoid: (n: string) => `寄附金受領証明書 ${n} は既に取り消されています`,
  certificateVoidNoReissue: (n: string) => `寄附金受領証明書 ${n} は取り消されています（再発行できません）`,
  donorAddressMissing: (name: string) =>
    `寄附者「${name}」の住所がありません。住所は証明書に必ず載る項目です。会員情報か寄付の記録に住所を入力してください`,
  sealInvalid: '印影は PNG か JPEG の画像（2MB まで）をアップロードしてください',
  sealSaved: '印影を登録しました',
  sealRemoved: '印影を削除しました',
};

export const KIND_LABELS: Record<string, string> = { dues: '会費', donation: '寄付', mixed: '会費・寄付' };
export const STATUS_LABELS: Record<string, string> = { issued: '有効', void: '取消' };

/** Japanese names for the change history (registered into the shared audit labels). */
export const SCOPE_LABELS: Record<string, string> = { payment: '入金', donation: '寄付', annual: '年間' };
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Receipt: '領収書',
  ReceiptItem: '領収書の対象',
  DonationCertificate: '寄附金受領証明書',
  CertificateGift: '証明書の対象の寄附',
};
export const AUDIT_FIELD_LABELS: Record<string, Record<string, string>> = {
  Receipt: {
    number: '番号',
    fiscalYear: '年度',
    scope: '対象',
    kind: '種類',
    member: '会員',
    payerName: '宛名',
    honorific: '敬称',
    postalCode: '郵便番号',
    address: '住所',
    amount: '金額',
    receivedOn: '受領日',
    issuedOn: '発行日',
    status: '状態',
    voidReason: '取消の理由',
    voidedAt: '取消日時',
    reissueCount: '再発行の回数',
    lastReissuedOn: '最終再発行日',
  },
  ReceiptItem: {
    receipt: '領収書',
    sourceKey: '対象',
    activeKey: '有効な対象',
    receivedOn: '受領日',
    amount: '金額',
    lines: '但し書き',
  },
  DonationCertificate: {
    number: '番号',
    year: '年',
    combined: '年間まとめ',
    member: '会員',
    donorName: '寄附者',
    donorHonorific: '敬称',
    donorPostalCode: '郵便番号',
    donorAddress: '住所',
    total: '合計',
    issuedOn: '発行日',
    status: '状態',
    voidReason: '取消の理由',
    voidedAt: '取消日時',
    reissueCount: '再発行の回数',
    lastReissuedOn: '最終再発行日',
  },
  CertificateGift: {
    certificate: '証明書',
    giftKey: '寄附',
    activeKey: '有効な寄附',
    receivedOn: '受領日',
    amount: '金額',
  },
};

/** File names of the background print runs. */
export const BATCH_NAMES = {
  lettersFile: (on: string) => `礼状_${on}.pdf`,
  receiptsFile: (year: number) => `領収書_${year}年度.pdf`,
  receiptsTitle: (year: number, n: number) => `領収書の印刷（${year}年度・${n}件）`,
};

/** 寄附金受領証明書: file names and what the CLI says. */
export const CERT_NAMES = {
  reissueFile: (n: string) => `寄附金受領証明書_${n}_再発行.pdf`,
  reissued: (n: string, count: number, file: string) =>
    `寄附金受領証明書 ${n} を再発行しました（${count}回目）: ${file}`,
};

/** What the receipts, certificates and donations commands say. */
export const CLI_TEXT = {
  unknownArgs: (a: string) => `不明な引数です: ${a}`,
  needOut: '--out FILE.pdf を指定してください',
  needReason: '--reason で取り消しの理由を指定してください',
  cannotWrite: (file: string) => `ファイルに書き込めません: ${file}`,
  receiptLabel: '領収書',
  certificateLabel: '寄附金受領証明書',
  issueSummary: '年度の入金・寄付のうち領収書のないものに領収書を発行し、1つのPDFに書き出します',
  issuedMany: (n: number) => `領収書 ${n} 件を発行しました。PDFを作成しています…`,
  issued: (n: number, first: string, last: string, file: string) =>
    `領収書 ${n} 件を発行しました（${first}〜${last}）: ${file}`,
  reissueSummary: '領収書を同じ番号で再発行します（「再発行」と印刷されます）',
  reissueArgs: '領収書番号を1つと --out を指定してください',
  reissued: (n: string, count: number, file: string) => `領収書 ${n} を再発行しました（${count}回目）: ${file}`,
  voidUsage: 'enishi receipts void NUMBER --reason 理由',
  voidSummary: '領収書を取り消します（番号は欠番にせず、理由とともに残ります）',
  voidArgs: '領収書番号を1つ指定してください',
  voided: (n: string) => `領収書 ${n} を取り消しました`,
  certIssueSummary: '年（1〜12月）の寄附に寄附金受領証明書を発行します（--combined: 寄附者ごとに1枚）',
  certIssued: (n: number, file: string) => `寄附金受領証明書 ${n} 件を発行しました: ${file}`,
  certReissueSummary: '寄附金受領証明書を同じ番号で再発行します（「再発行」と印刷されます）',
  certReissueArgs: '証明書番号を1つと --out を指定してください',
  certVoidUsage: 'enishi certificates void NUMBER --reason 理由',
  certVoidSummary: '寄附金受領証明書を取り消します（対象の寄附は改めて証明できます）',
  certVoidArgs: '証明書番号を1つ指定してください',
  certVoided: (n: string) => `寄附金受領証明書 ${n} を取り消しました`,
  donationUsage:
    'enishi donations record (--member NO | --donor 氏名 --address 住所) --amount N --date YYYY-MM-DD [--purpose 目的] [--method bank|postal|cash|other] [--json]',
  donationSummary: '寄付を記録します（会員以外の寄附者は氏名と住所を指定します）',
  memberOrDonor: '--member か --donor のどちらか一方を指定してください',
  donorAddress: '会員以外の寄附者には --address（住所）を指定してください',
  amount: '--amount は1円以上の金額で指定してください',
  date: '--date は YYYY-MM-DD で指定してください',
  method: (methods: readonly string[]) => `--method は ${methods.join('|')} のいずれかです`,
  donationRecorded: (id: number, on: string, amount: number) =>
    `寄付を記録しました（#${id}、${on}、${amount.toLocaleString('ja-JP')}円）`,
};

/** The receipts pages: titles, file names and flashes. */
export const PAGE_TEXT = {
  receiptsTitle: (year: number) => `領収書（${year}年度）`,
  receiptFile: (n: string) => `領収書_${n}.pdf`,
  annualFile: (n: string) => `年間領収書_${n}.pdf`,
  reissueFile: (n: string) => `領収書_${n}_再発行.pdf`,
  receiptVoided: (n: string) => `領収書 ${n} を取り消しました`,
  certificatesTitle: (year: number) => `寄附金受領証明書（${year}年）`,
  certificatesFile: (year: number) => `寄附金受領証明書_${year}年.pdf`,
  certificateVoided: (n: string) => `寄附金受領証明書 ${n} を取り消しました`,
  sealTitle: '領収書の印影',
};

/** The member timeline's entries for receipts and certificates. */
export const TIMELINE_TEXT = {
  receipt: '領収書',
  certificate: '寄附金受領証明書',
  issued: '発行',
  reissued: '再発行',
  voided: '取消',
  reissueTitle: (label: string, n: string, count: number) => `${label} ${n}（${count}回目）`,
};

/** Certificate items staff are told are missing, and the printed facts' labels. */
export const CERT_TEXT = {
  kindItem: '認定の種類（認定・特例認定）',
  numberItem: '通知書の番号',
  dateItem: '認定年月日',
  activityItem: '寄附金に係る事業',
  activityWording: '寄附金に係る事業の文言',
  /** The word the activity sentence must contain. */
  giftWord: '寄附金',
  orgName: '団体名',
  orgAddress: '団体の住所',
  donorName: '寄附者の氏名',
  donorAddress: '寄附者の住所',
  gifts: '受領年月日と金額',
  total: '合計金額',
  corporation: (kind: string) => `${kind}特定非営利活動法人`,
  numberFact: (kind: string) => `${kind}通知書の番号`,
  dateFact: (kind: string) => `${kind}年月日`,
  missing: (number: string, items: string[]) =>
    `寄附金受領証明書${number ? ` ${number}` : ''}に必要な項目がありません: ${items.join('、')}`,
};

/** 但し書き: printed on receipts (dues are never worded as a gift). */
export const PROVISO = {
  memberFallback: '会員',
  dues: (year: number, type: string) => `${year}年度 ${type} 年会費として`,
  donation: 'ご寄附として',
  donationFor: (purpose: string) => `ご寄附（${purpose}）として`,
  credit: '会費の預り金として',
  /** Stripped from a member type's name on a dues line (a type called 寄付会員 still pays dues). */
  giftWords: /寄[附付]/g,
  yen: '￥',
  notInteger: (n: number) => `金額が整数ではありません: ${n}`,
};

/** The two honorifics a payer or donor gets (values of PayerInfo.honorific, stored as such). */
export const HONORIFIC = { person: '様', organisation: '御中' } as const;
export const honorificOf = (v: unknown) => (v === HONORIFIC.organisation ? HONORIFIC.organisation : HONORIFIC.person);

/** The member type whose dues are never a gift, whatever its switch says (matched by name). */
export const FULL_MEMBER_TYPE = '正会員';
