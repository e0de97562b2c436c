/** The staff domain's words (login, lock, setup). */
export const STAFF_TEXT = {
  badLogin: 'ログインIDまたはパスワードが違います',
  locked: (minutes: number) =>
    `ログインの失敗が続いたため、このアカウントは一時的にロックされています。${minutes}分ほど待ってからもう一度お試しください。`,
  tooManyAttempts: 'ログインの試行が多すぎます。しばらく待ってからもう一度お試しください。',
  setupAlreadyDone: '初期設定は既に完了しています。作成済みの管理者アカウントでログインしてください。',
};
