/** The words every form shares (a domain's own messages live in its ui-text.ts). */
export const FORM_TEXT = {
  checkInput: '入力内容を確認してください',
  dateFormat: '日付は 2026-04-01、2026/4/1、令和8年4月1日 のように入力してください',
  timeFormat: '時刻は 14:30 のように入力してください',
};
