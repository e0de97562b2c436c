import { bankCommands } from './banking/cli.js';
import { duesCommands } from './dues/cli.js';
import { CliError, type CliIO, type Command } from './cli/command.js';
import { coreCommands } from './cli/core.commands.js';
import { memberImportCommands } from './members/import/cli.js';
import { mailingCommands } from './mailings/cli.js';

/** Every subcommand, listed by hand; each domain exports its own array. */
const COMMANDS: Command[] = [...coreCommands, ...memberImportCommands, ...duesCommands, ...bankCommands, ...mailingCommands];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return ['使い方: enishi <コマンド> [オプション]', '', ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`)].join('\n');
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
    io.err(`エラー: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

export const processIO: CliIO = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  env: process.env,
};
