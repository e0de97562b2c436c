/** The staff domain's words (login, lock, setup). */
export const STAFF_TEXT = {
  badLogin: 'ログインIDまたはパスワードが違います',
  locked: (minutes: number) =>
    `ログインの失敗が続いたため、このアカウントは一時的にロックされています。${minutes}分ほど待ってからもう一度お試しください。`,
  tooManyAttempts: 'ログインの試行が多すぎます。しばらく待ってからもう一度お試しください。',
  setupAlreadyDone: '初期設定は既に完了しています。作成済みの管理者アカウントでログインしてください。',
};

/** Staff-facing words of the staff domain (accounts, login), in one place so the office can change them. */
export const STAFF_TITLES = {
  setup: '初期設定',
  login: 'ログイン',
  account: 'アカウント',
  staff: 'スタッフ',
};

export const STAFF_ERRORS = {
  loginIdFormat: 'ログインIDは半角英数字と . _ @ - の3〜60文字で入力してください',
  loginIdTaken: 'このログインIDは既に使われています',
  displayNameRequired: '表示名を入力してください',
  displayNameTooLong: '表示名は100文字以内で入力してください',
  roleRequired: '権限を選んでください',
  passwordMismatch: 'パスワードが一致しません',
  currentPasswordWrong: '現在のパスワードが違います',
  passwordTooShort: (min: number) => `パスワードは${min}文字以上にしてください`,
  passwordTooLong: 'パスワードが長すぎます',
  staffNotFound: 'スタッフが見つかりません',
  cannotDeactivateSelf: '自分自身を無効にすることはできません',
  lastAdmin: '有効な管理者が一人もいなくなるため、無効にできません',
  cannotDemoteSelf: '自分自身の管理者権限は外せません',
};

export const STAFF_FLASH = {
  setupDone: '管理者アカウントを作成しました。ようこそ Enishi へ。',
  passwordChanged: 'パスワードを変更しました',
  created: (name: string) => `${name} さんのアカウントを作成しました`,
  activeSet: (name: string, active: boolean) => `${name} さんを${active ? '有効' : '無効'}にしました`,
  passwordReset: (name: string) => `${name} さんのパスワードを再設定しました`,
  roleChanged: (name: string, role: string) => `${name} さんの権限を${role}にしました`,
};
