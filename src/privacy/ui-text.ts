/** The personal-information pages' words (個人情報の開示・削除). */
export const PRIVACY_TEXT = {
  pageTitle: (name: string) => `${name} の個人情報（開示・削除）`,
  erasedFamilyName: '削除済み会員',
  erasedGivenName: (memberNo: number) => `No.${memberNo}`,
  erasedValue: '（削除済み）',
  erasedReason: '本人の求めにより個人情報を削除',
  exportFileName: (memberNo: number) => `会員${memberNo}_個人データ.zip`,
  confirmMismatch: '確認のための会員番号が一致しません。何も変更していません。',
  alreadyErased: 'この会員の個人情報はすでに削除されています。',
  erased: (memberNo: number) => `会員番号 ${memberNo} の個人情報を削除しました。入金・領収書の記録は残っています。`,
  memberNoRequired: '確認のため会員番号を入力してください。',
} as const;
