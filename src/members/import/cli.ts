import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, withDatabase, type CliIO, type Command } from '../../cli/command.js';
import { ImportFileError } from './import-file.js';
import type { ImportPlan } from './import-plan.js';
import { importMembers, type ImportResult } from './import.service.js';
import { IMPORT_TEXT } from './ui-text.js';

const USAGE = 'enishi members import FILE [--dry-run] [--only-valid] [--json]';

/** Errors for --json and the text report: file-level problems count as line 1 (the header). */
function errorsOf(plan: ImportPlan): { line: number; message: string }[] {
  return [
    ...plan.fileErrors.map((message) => ({ line: 1, message })),
    ...plan.rows.filter((r) => r.status === 'error').map((r) => ({ line: r.line, message: r.message! })),
  ];
}

function report(io: CliIO, r: ImportResult, dryRun: boolean): void {
  const c = r.plan.counts;
  const errors = errorsOf(r.plan);
  // A file that is not a member list at all (no 氏名 or フリガナ column): one line, not its rows
  // and its unknown headers — those are whatever the wrong file held.
  if (r.plan.fileErrors.length) io.err(IMPORT_TEXT.cliLine(1, IMPORT_TEXT.cliJoin(r.plan.fileErrors)));
  else {
    for (const e of errors) io.err(IMPORT_TEXT.cliLine(e.line, e.message));
    if (r.plan.ignoredColumns.length) io.err(IMPORT_TEXT.cliIgnored(r.plan.ignoredColumns));
  }
  const summary = IMPORT_TEXT.cliCounts(c, errors.length);
  if (dryRun) io.out(IMPORT_TEXT.cliDryRun(summary));
  else if (r.committed) io.out(IMPORT_TEXT.cliImported(summary, errors.length > 0));
  else io.out(IMPORT_TEXT.cliNothing(summary));
}

export const membersImportCommand: Command = {
  name: 'members import',
  usage: USAGE,
  summary: IMPORT_TEXT.cliSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, 'only-valid': { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new CliError(IMPORT_TEXT.cliOneFile, 2);
    let buf: Buffer;
    try {
      buf = readFileSync(positionals[0]!);
    } catch {
      throw new CliError(IMPORT_TEXT.cliCannotRead(positionals[0]!), 1);
    }
    const dryRun = !!values['dry-run'];
    let result: ImportResult;
    try {
      result = await withDatabase(io, (em) => importMembers(em, buf, { dryRun, onlyValid: !!values['only-valid'] }));
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      if (values.json)
        io.out(JSON.stringify({ created: 0, updated: 0, errors: [{ line: err.line, message: err.message }] }));
      throw new CliError(err.message, 1);
    }
    const errors = errorsOf(result.plan);
    if (values.json) io.out(JSON.stringify({ created: result.created, updated: result.updated, errors }));
    else report(io, result, dryRun);
    return errors.length && !(result.committed && values['only-valid']) ? 1 : 0;
  },
};

export const memberImportCommands: Command[] = [membersImportCommand];
