import { accountingCommands } from './accounting/cli.js';
import { backupCommands } from './backup/cli.js';
import { jobsCommands } from './jobs/cli.js';
import { DriverException } from '@mikro-orm/core';
import { bankCommands } from './banking/cli.js';
import { duesCommands } from './dues/cli.js';
import { CliError, type CliIO, type Command } from './cli/command.js';
import { loadConfig } from './config.js';
import { letterCommands } from './letters/cli.js';
import { memberImportCommands } from './members/import/cli.js';
import { receiptCommands } from './receipts/cli.js';
import {
  certificatesIssueCommand,
  certificatesReissueCommand,
  certificatesVoidCommand,
} from './receipts/certificates.cli.js';
import { donationsRecordCommand } from './receipts/donations.cli.js';
import { openSeededOrm } from './seed.js';
import { settingsCommands } from './settings/cli.js';
import { startServer } from './server.js';

/** The commands of the app itself: they start the server or open the database with every entity. */
const coreCommands: Command[] = [
  {
    name: 'serve',
    usage: 'enishi serve',
    summary: 'Webアプリを起動します（起動時にデータベースを最新の形に更新します）',
    async run(args) {
      if (args.length) throw new Error(`serve は引数を取りません: ${args.join(' ')}`);
      await startServer(loadConfig());
      return -1; // keep running
    },
  },
  {
    name: 'migrate',
    usage: 'enishi migrate',
    summary: 'データベースのマイグレーションを適用します',
    async run(args, io) {
      if (args.length) throw new Error(`migrate は引数を取りません: ${args.join(' ')}`);
      const orm = await io.openOrm(loadConfig(io.env), { migrate: false });
      try {
        const applied = await orm.getMigrator().up();
        io.out(applied.length ? `${applied.length} 件のマイグレーションを適用しました` : 'データベースは最新です');
      } finally {
        await orm.close();
      }
      return 0;
    },
  },
];
import { mailingCommands } from './mailings/cli.js';

/** Every subcommand, listed by hand; each domain exports its own array. */
const COMMANDS: Command[] = [
  ...coreCommands,
  ...memberImportCommands,
  ...duesCommands,
  ...bankCommands,
  ...letterCommands,
  ...settingsCommands,
  ...receiptCommands,
  certificatesIssueCommand,
  certificatesReissueCommand,
  certificatesVoidCommand,
  donationsRecordCommand,
  ...accountingCommands,
  ...backupCommands,
  ...jobsCommands,
  ...mailingCommands,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    '使い方: enishi <コマンド> [オプション]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

function findCommand(argv: string[]): [Command, string[]] | null {
  const two = COMMANDS.find((c) => c.name === argv.slice(0, 2).join(' '));
  if (two && argv.length >= 2) return [two, argv.slice(2)];
  const one = COMMANDS.find((c) => c.name === argv[0]);
  return one ? [one, argv.slice(1)] : null;
}

/** Runs the CLI; returns the exit code (-1: a server that keeps running). */
export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    (argv.length === 0 ? io.err : io.out)(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`不明なコマンドです: ${argv.join(' ')}\n\n${usage()}`);
    return 2;
  }
  const [cmd, rest] = found;
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`エラー: ${err.message}${err.exitCode === 2 ? `\n使い方: ${cmd.usage}` : ''}`);
      return err.exitCode;
    }
    if (err instanceof Error && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`エラー: ${err.message}\n使い方: ${cmd.usage}`);
      return 2;
    }
    io.err(`エラー: ${errorLine(err)}`);
    return 1;
  }
}

export const processIO: CliIO = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  env: process.env,
  openOrm: openSeededOrm,
};

/**
 * One line for an unexpected failure. A database error's message holds the whole statement
 * with the member's data in it: say what failed, never print that.
 */
function errorLine(err: unknown): string {
  if (err instanceof DriverException) return `データベースの処理に失敗しました（${err.name}）`;
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 300);
}
