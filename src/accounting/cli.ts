import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { parseDate } from '../lib/dates.js';
import { UserError } from '../web/errors.js';
import { exportJournal } from './export.service.js';
import { ACCOUNTING_CLI as T, FORMAT_LABELS, type AccountingFormat } from './ui-text.js';

export const accountingExportCommand: Command = {
  name: 'accounting export',
  usage: 'enishi accounting export --format freee|moneyforward|yayoi --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.csv',
  summary: T.summary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
      },
    });
    if (positionals.length) throw new CliError(T.unknownArgs(positionals), 2);
    if (!values.out) throw new CliError(T.needOut, 2);
    const input = {
      format: values.format ?? '',
      from: values.from ? parseDate(values.from) : null,
      to: values.to ? parseDate(values.to) : null,
    };
    const result = await withDatabase(io, async (em) => {
      try {
        return await exportJournal(em, input);
      } catch (err) {
        throw err instanceof UserError ? new CliError(err.message, 2) : err;
      }
    });
    try {
      writeFileSync(values.out, result.bytes);
    } catch (err) {
      throw new CliError(T.cannotWrite(values.out, (err as NodeJS.ErrnoException).code ?? (err as Error).message));
    }
    io.out(T.written(FORMAT_LABELS[input.format as AccountingFormat], result.entries, values.out));
    return 0;
  },
};

export const accountingCommands: Command[] = [accountingExportCommand];
