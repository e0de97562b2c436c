/** Words of the backup domain (CLI and the admin page). */
export const BACKUP_MSG = {
  notAnArchive: 'バックアップファイルではありません（ZIP として読めません。壊れているか、途中までしかありません）',
  noManifest: 'バックアップファイルではありません（manifest.json がありません）',
  badManifest: 'バックアップの manifest.json が読めません',
  missingEntry: (name: string) => `バックアップに ${name} がありません（途中までしかない可能性があります）`,
  checksum: (name: string) => `チェックサムが一致しません: ${name}（ファイルが壊れています）`,
  integrity: (detail: string) => `データベースの整合性検査に失敗しました: ${detail}`,
  countMismatch: (table: string) => `復元したデータベースの件数が記録と違います: ${table}`,
  exists: (path: string) =>
    `${path} にデータがあります。上書きするには --force を付けてください（先にサーバーを止めてください）`,
  readFailed: (path: string) => `バックアップファイルを読めません: ${path}`,
  postgresBackup:
    'PostgreSQL のデータベース本体は、pg_dump で別にバックアップしてください（例: pg_dump -Fc -f enishi.dump "$ENISHI_DATABASE_URL"）。このファイルには、アップロードしたファイルとテンプレートだけが入っています。',
  postgresRestore:
    'PostgreSQL のデータベース本体は pg_restore で戻してください（例: pg_restore --clean -d "$ENISHI_DATABASE_URL" enishi.dump）。ファイルとテンプレートだけを戻しました。',
  notFound: 'バックアップが見つかりません',
  done: 'バックアップを作成しました',
  pageTitle: 'バックアップ',
  doneFile: (file: string) => `バックアップを作成しました（${file}）`,
} as const;

export const BACKUP_CLI = {
  backupSummary:
    'データベースとアップロードしたファイル・テンプレートを 1 つのファイルにバックアップします（サーバー稼働中でも可）',
  restoreSummary: 'バックアップを検査してから戻します（既存のデータは --force がなければ上書きしません）',
  unknownArgs: (args: string[]) => `不明な引数です: ${args.join(' ')}`,
  needOut: '--out FILE.zip を指定してください',
  needFile: '戻すバックアップファイルを 1 つ指定してください',
  created: (file: string, size: string, tables: number, rows: number, files: number) =>
    `バックアップを作成しました: ${file}（${size}、${tables} 表 ${rows} 行、ファイル ${files} 個）`,
  restored: (createdAt: string, files: number) => `復元しました: ${createdAt} のバックアップ（ファイル ${files} 個）`,
} as const;
