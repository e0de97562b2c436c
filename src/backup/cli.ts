import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { loadConfig } from '../config.js';
import { BackupError } from './archive.js';
import { createBackup } from './backup.service.js';
import { restoreBackup } from './restore.service.js';
import { BACKUP_CLI as T, BACKUP_MSG } from './ui-text.js';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  usage: 'enishi backup --out FILE.zip',
  summary: T.backupSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length) throw new CliError(T.unknownArgs(positionals), 2);
    if (!values.out) throw new CliError(T.needOut, 2);
    const r = await withDatabase(io, (_em, orm, config) => createBackup(orm, config, values.out!));
    const rows = Object.values(r.manifest.tables).reduce((s, n) => s + n, 0);
    const files = Object.keys(r.manifest.entries).filter((n) => n.startsWith('files/')).length;
    io.out(T.created(r.file, mb(r.size), Object.keys(r.manifest.tables).length, rows, files));
    if (r.postgres) io.out(BACKUP_MSG.postgresBackup);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'enishi restore FILE.zip [--force]',
  summary: T.restoreSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new CliError(T.needFile, 2);
    try {
      const r = await restoreBackup(positionals[0]!, loadConfig(io.env), { force: !!values.force });
      io.out(T.restored(r.manifest.createdAt, r.files));
      if (r.postgres) io.out(BACKUP_MSG.postgresRestore);
      return 0;
    } catch (err) {
      throw err instanceof BackupError ? new CliError(err.message) : err;
    }
  },
};

export const backupCommands: Command[] = [backupCommand, restoreCommand];
