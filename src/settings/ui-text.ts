/** Staff-facing words of the settings domain, in one place so the office can change them. */
export const SETTINGS_TEXT = {
  title: '設定',
  saved: '設定を保存しました',
};

export const SETTINGS_ERRORS = {
  fiscalYearStartMonth: '1〜12の月を選んでください',
  orgPostalCode: '郵便番号は7桁の数字で入力してください',
  dueDays: '0〜365の日数で入力してください',
  graceYears: '1〜10の年数で入力してください',
  transferFees: '手数料は 110, 220 のように円単位でカンマ区切りで入力してください',
};
