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

/** The entry point's own words: usage, unknown commands, errors, and the core commands. */
export const CORE_CLI_TEXT = {
  usageHead: '使い方: enishi <コマンド> [オプション]',
  usageOf: (usage: string) => `使い方: ${usage}`,
  unknownCommand: (argv: string[]) => `不明なコマンドです: ${argv.join(' ')}`,
  error: (message: string) => `エラー: ${message}`,
  databaseFailed: (name: string) => `データベースの処理に失敗しました（${name}）`,
  serveSummary: 'Webアプリを起動します（起動時にデータベースを最新の形に更新します）',
  migrateSummary: 'データベースのマイグレーションを適用します',
  noArgs: (command: string, args: string[]) => `${command} は引数を取りません: ${args.join(' ')}`,
  migrated: (n: number) => `${n} 件のマイグレーションを適用しました`,
  upToDate: 'データベースは最新です',
};
