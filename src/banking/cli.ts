import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, withDatabase, type CliIO, type Command } from '../cli/command.js';
import { CLI_TEXT } from '../cli/ui-text.js';
import { UserError } from '../web/errors.js';
import { importStatement } from './bank-import.service.js';
import type { ImportReport } from './import-plan.js';
import { formatNames, StatementError } from './statement.js';
import { BANK_CLI, MSG } from './ui-text.js';

const USAGE = 'enishi bank import FILE [--format NAME] [--dry-run] [--json]';

function report(io: CliIO, r: ImportReport, dryRun: boolean): void {
  const i = r.import;
  if (r.allKnown) {
    io.out(r.message!);
    return;
  }
  io.out(BANK_CLI.summaryLine(dryRun ? MSG.dryRun : BANK_CLI.imported(i.id), i));
  for (const t of r.transactions.filter((x) => x.status === 'review')) {
    const best = t.suggestions?.[0];
    const candidate = best ? BANK_CLI.candidate(best.memberNo, best.reasons) : '';
    io.out(BANK_CLI.reviewLine(t.line, t.date, t.amount, t.payer, candidate));
  }
}

export const bankImportCommand: Command = {
  name: 'bank import',
  usage: USAGE,
  summary: BANK_CLI.summary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new CliError(BANK_CLI.oneFile, 2);
    const format = values.format;
    if (format && !formatNames().includes(format)) throw new CliError(BANK_CLI.badFormat(format, formatNames()), 2);
    let bytes: Buffer;
    try {
      bytes = readFileSync(positionals[0]!);
    } catch {
      throw new CliError(CLI_TEXT.cannotRead(positionals[0]!), 1);
    }
    const dryRun = !!values['dry-run'];
    try {
      const r = await withDatabase(io, (em) =>
        importStatement(em, { bytes, fileName: basename(positionals[0]!), format, dryRun }),
      );
      if (values.json) io.out(JSON.stringify(r));
      else report(io, r, dryRun);
      return 0;
    } catch (err) {
      if (err instanceof StatementError || err instanceof UserError)
        throw new CliError(err.message.replace(/\s*\n\s*/g, ' '), 1);
      throw err;
    }
  },
};

export const bankCommands: Command[] = [bankImportCommand];
