import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { loadConfig } from '../config.js';
import { BackupError } from './archive.js';
import { createBackup } from './backup.service.js';
import { restoreBackup } from './restore.service.js';
import { BACKUP_MSG } from './ui-text.js';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  usage: 'enishi backup --out FILE.zip',
  summary:
    'データベースとアップロードしたファイル・テンプレートを 1 つのファイルにバックアップします（サーバー稼働中でも可）',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length) throw new CliError(`不明な引数です: ${positionals.join(' ')}`, 2);
    if (!values.out) throw new CliError('--out FILE.zip を指定してください', 2);
    const r = await withDatabase(io, (_em, orm, config) => createBackup(orm, config, values.out!));
    const rows = Object.values(r.manifest.tables).reduce((s, n) => s + n, 0);
    io.out(
      `${BACKUP_MSG.done}: ${r.file}（${mb(r.size)}、${Object.keys(r.manifest.tables).length} 表 ${rows} 行、ファイル ${Object.keys(r.manifest.entries).filter((n) => n.startsWith('files/')).length} 個）`,
    );
    if (r.postgres) io.out(BACKUP_MSG.postgresBackup);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'enishi restore FILE.zip [--force]',
  summary: 'バックアップを検査してから戻します（既存のデータは --force がなければ上書きしません）',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new CliError('戻すバックアップファイルを 1 つ指定してください', 2);
    try {
      const r = await restoreBackup(positionals[0]!, loadConfig(io.env), { force: !!values.force });
      io.out(`復元しました: ${r.manifest.createdAt} のバックアップ（ファイル ${r.files} 個）`);
      if (r.postgres) io.out(BACKUP_MSG.postgresRestore);
      return 0;
    } catch (err) {
      throw err instanceof BackupError ? new CliError(err.message) : err;
    }
  },
};

export const backupCommands: Command[] = [backupCommand, restoreCommand];
