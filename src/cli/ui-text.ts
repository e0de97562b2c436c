/** The words every command shares (a domain's own command messages live in its ui-text.ts). */
export const CLI_TEXT = {
  unknownArgs: (args: string[]) => `不明な引数です: ${args.join(' ')}`,
  badDate: (v: string) => `日付が読めません: ${v}`,
  cannotWrite: (file: string) => `ファイルに書き込めません: ${file}`,
  cannotRead: (file: string) => `ファイルを読めません: ${file}`,
  written: (file: string) => `書き出しました: ${file}`,
  none: 'なし',
  listSeparator: '、',
};
