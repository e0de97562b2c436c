import { createWriteStream, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, withDatabase, type CliIO, type Command } from '../cli/command.js';
import { CLI_TEXT } from '../cli/ui-text.js';
import { renderInvoices } from '../documents/invoice.pdf.js';
import { renderReminders } from '../documents/reminder.pdf.js';
import { parseDate } from '../lib/dates.js';
import { formatYen } from '../lib/money.js';
import { orgInfo, runInvoiceDocs } from './dues-documents.js';
import { issueInvoiceRun, undoInvoiceRun, type RunResult } from './invoice-run.service.js';
import { checkFiscalYear } from './invoice.service.js';
import { remindInvoices } from './unpaid.service.js';
import { DUES_CLI } from './ui-text.js';

function yearOption(v: string | undefined): number {
  if (!v) throw new CliError(DUES_CLI.yearRequired, 2);
  try {
    return checkFiscalYear(v);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
}

function dateOption(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const d = parseDate(v);
  if (!d) throw new CliError(CLI_TEXT.badDate(v), 2);
  return d;
}

function report(io: CliIO, r: RunResult, dryRun: boolean): void {
  const reasons = new Map<string, number>();
  for (const s of r.skipped)
    reasons.set(s.reason.replace(/（.*）$/, ''), (reasons.get(s.reason.replace(/（.*）$/, '')) ?? 0) + 1);
  const skipped =
    [...reasons].map(([k, n]) => DUES_CLI.skippedCount(k, n)).join(CLI_TEXT.listSeparator) || CLI_TEXT.none;
  const head = dryRun ? DUES_CLI.dryRun : r.issued.length ? DUES_CLI.issued(r.run!.id) : DUES_CLI.nothingNew;
  io.out(DUES_CLI.runLine(head, r.fiscalYear, r.issued.length, formatYen(r.total), r.dueOn));
  io.out(DUES_CLI.skippedLine(skipped));
}

export const invoicesIssueCommand: Command = {
  name: 'invoices issue',
  usage: DUES_CLI.issueUsage,
  summary: DUES_CLI.issueSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        date: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length) throw new CliError(CLI_TEXT.unknownArgs(positionals), 2);
    const fiscalYear = yearOption(values.year);
    const issuedOn = dateOption(values.date);
    const dryRun = !!values['dry-run'];
    const r = await withDatabase(io, (em) => issueInvoiceRun(em, { fiscalYear, issuedOn, dryRun }));
    if (values.json) {
      io.out(
        JSON.stringify({
          issued: r.issued.map((i) => ({ invoiceNo: i.invoiceNo, memberNo: i.memberNo, amount: i.amount })),
          skipped: r.skipped.map((s) => ({ memberNo: s.memberNo, reason: s.reason })),
        }),
      );
    } else report(io, r, dryRun);
    return 0;
  },
};

export const invoicesUndoCommand: Command = {
  name: 'invoices undo',
  usage: DUES_CLI.undoUsage,
  summary: DUES_CLI.undoSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { reason: { type: 'string' } },
    });
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isSafeInteger(id) || id <= 0) throw new CliError(DUES_CLI.runIdRequired, 2);
    if (!values.reason?.trim()) throw new CliError(DUES_CLI.reasonRequired, 2);
    const run = await withDatabase(io, (em) => undoInvoiceRun(em, id, values.reason!));
    io.out(DUES_CLI.undone(run.id, run.fiscalYear, run.issuedCount));
    return 0;
  },
};

async function writeTo(file: string, render: (out: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const out = createWriteStream(file);
  const opened = new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  try {
    await opened;
  } catch {
    throw new CliError(CLI_TEXT.cannotWrite(file));
  }
  try {
    await render(out);
  } catch (e) {
    out.destroy();
    rmSync(file, { force: true }); // no half-written PDF left behind
    throw e;
  }
}

export const invoicesPdfCommand: Command = {
  name: 'invoices pdf',
  usage: 'enishi invoices pdf RUN_ID --out FILE.pdf',
  summary: DUES_CLI.pdfSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isSafeInteger(id) || id <= 0 || !values.out)
      throw new CliError(DUES_CLI.runIdAndOut, 2);
    await withDatabase(io, async (em, _orm, config) => {
      const org = await orgInfo(em, config.dataDir);
      await writeTo(values.out!, (out) => renderInvoices(runInvoiceDocs(em, id), org, out));
    });
    io.out(CLI_TEXT.written(values.out!));
    return 0;
  },
};

export const invoicesRemindCommand: Command = {
  name: 'invoices remind',
  usage: 'enishi invoices remind --year YYYY --out FILE.pdf',
  summary: DUES_CLI.remindSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { year: { type: 'string' }, out: { type: 'string' } },
    });
    if (positionals.length || !values.out) throw new CliError(DUES_CLI.yearAndOut, 2);
    const fiscalYear = yearOption(values.year);
    const n = await withDatabase(io, async (em, _orm, config) => {
      const org = await orgInfo(em, config.dataDir);
      let count = 0;
      // The file is opened first: reminders are only recorded when the PDF can be written.
      await writeTo(values.out!, async (out) => {
        const docs = await remindInvoices(em, { fiscalYear });
        count = docs.length;
        await renderReminders(docs, org, out);
      });
      return count;
    });
    io.out(DUES_CLI.remindersWritten(n, values.out!));
    return 0;
  },
};

export const duesCommands: Command[] = [
  invoicesIssueCommand,
  invoicesUndoCommand,
  invoicesPdfCommand,
  invoicesRemindCommand,
];
