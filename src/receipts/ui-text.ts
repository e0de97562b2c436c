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
