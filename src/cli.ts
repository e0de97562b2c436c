import { readFileSync } from 'node:fs';
import { CliError, type CliIO, type Command } from './cli/command.js';
import { CORE_CLI_TEXT as TEXT } from './cli/ui-text.js';
import { loadConfig } from './config.js';
import { databaseStartError, type OrmOpener } from './db/orm.js';

/** The commands of the app itself: they start the server or bring the database up to date. */
const coreCommands: Command[] = [
  {
    name: 'serve',
    usage: 'enishi serve',
    summary: TEXT.serveSummary,
    async run(args) {
      if (args.length) throw new Error(TEXT.noArgs('serve', args));
      // The server is loaded only when it is started: every other command starts without it.
      const { startServer } = await import('./server.js');
      await startServer(loadConfig());
      return -1; // keep running
    },
  },
  {
    name: 'migrate',
    usage: 'enishi migrate',
    summary: TEXT.migrateSummary,
    async run(args, io) {
      if (args.length) throw new Error(TEXT.noArgs('migrate', args));
      const orm = await io.openOrm(loadConfig(io.env), { migrate: false });
      try {
        const applied = await orm
          .getMigrator()
          .up()
          .catch((err: unknown) => {
            throw databaseStartError(err, String(orm.config.get('dbName')));
          });
        io.out(applied.length ? TEXT.migrated(applied.length) : TEXT.upToDate);
      } finally {
        await orm.close();
      }
      return 0;
    },
  },
];

/**
 * Every subcommand's module, listed by hand; each domain exports its own commands. A module is
 * loaded only when one of its commands runs: `enishi help` and a single command start without
 * the rest of the app. Order is the order of `enishi help`.
 */
const COMMAND_GROUPS: (() => Promise<Command[]>)[] = [
  async () => coreCommands,
  async () => (await import('./members/import/cli.js')).memberImportCommands,
  async () => (await import('./dues/cli.js')).duesCommands,
  async () => (await import('./banking/cli.js')).bankCommands,
  async () => (await import('./letters/cli.js')).letterCommands,
  async () => (await import('./settings/cli.js')).settingsCommands,
  async () => (await import('./receipts/cli.js')).receiptCommands,
  async () => {
    const m = await import('./receipts/certificates.cli.js');
    return [m.certificatesIssueCommand, m.certificatesReissueCommand, m.certificatesVoidCommand];
  },
  async () => [(await import('./receipts/donations.cli.js')).donationsRecordCommand],
  async () => (await import('./accounting/cli.js')).accountingCommands,
  async () => (await import('./backup/cli.js')).backupCommands,
  async () => (await import('./jobs/cli.js')).jobsCommands,
  async () => (await import('./mailings/cli.js')).mailingCommands,
  async () => (await import('./operations/migrate-data.cli.js')).migrateDataCommands,
];

/** What `enishi help` and the command lookup need, without loading any command's module. */
export interface ManifestEntry {
  name: string;
  usage: string;
  summary: string;
  group: number;
}

/** Every command with the group that holds it: written next to the compiled code at install. */
export async function commandManifest(): Promise<ManifestEntry[]> {
  const groups = await Promise.all(COMMAND_GROUPS.map((load) => load()));
  return groups.flatMap((cmds, group) => cmds.map(({ name, usage, summary }) => ({ name, usage, summary, group })));
}

/** The manifest beside the compiled code (dist/cli-manifest.json), or null when running the sources. */
export function readManifest(): ManifestEntry[] | null {
  try {
    return JSON.parse(readFileSync(new URL('../cli-manifest.json', import.meta.url), 'utf8')) as ManifestEntry[];
  } catch {
    return null;
  }
}

export function usageText(entries: Pick<ManifestEntry, 'usage' | 'summary'>[]): string {
  const width = Math.max(...entries.map((c) => c.usage.length));
  return [TEXT.usageHead, '', ...entries.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`)].join('\n');
}

/** The whole help text, loading every command (the tests and the sources use it). */
export async function usage(): Promise<string> {
  return usageText(await commandManifest());
}

function findEntry(entries: ManifestEntry[], argv: string[]): [ManifestEntry, string[]] | null {
  const two = entries.find((c) => c.name === argv.slice(0, 2).join(' '));
  if (two && argv.length >= 2) return [two, argv.slice(2)];
  const one = entries.find((c) => c.name === argv[0]);
  return one ? [one, argv.slice(1)] : null;
}

/** Runs the CLI; returns the exit code (-1: a server that keeps running). */
export async function main(argv: string[], io: CliIO, manifest = readManifest()): Promise<number> {
  const entries = manifest ?? (await commandManifest());
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    (argv.length === 0 ? io.err : io.out)(usageText(entries));
    return argv.length === 0 ? 2 : 0;
  }
  const found = findEntry(entries, argv);
  if (!found) {
    io.err(`${TEXT.unknownCommand(argv)}\n\n${usageText(entries)}`);
    return 2;
  }
  const [entry, rest] = found;
  const cmd = (await COMMAND_GROUPS[entry.group]!()).find((c) => c.name === entry.name);
  if (!cmd) {
    io.err(`${TEXT.unknownCommand(argv)}\n\n${usageText(entries)}`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`${TEXT.error(err.message)}${err.exitCode === 2 ? `\n${TEXT.usageOf(cmd.usage)}` : ''}`);
      return err.exitCode;
    }
    if (err instanceof Error && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${TEXT.error(err.message)}\n${TEXT.usageOf(cmd.usage)}`);
      return 2;
    }
    io.err(TEXT.error(await errorLine(err)));
    return 1;
  }
}

/** The database opener with every entity, loaded with the first command that opens the database. */
const openSeededOrm: OrmOpener = async (...args) => (await import('./seed.js')).openSeededOrm(...args);

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
async function errorLine(err: unknown): Promise<string> {
  const { DriverException } = await import('@mikro-orm/core');
  if (err instanceof DriverException) return TEXT.databaseFailed(err.name);
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 300);
}
