import { createWriteStream, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, withDatabase, type CliIO, type Command } from '../cli/command.js';
import { renderInvoices } from '../documents/invoice.pdf.js';
import { renderReminders } from '../documents/reminder.pdf.js';
import { parseDate } from '../lib/dates.js';
import { formatYen } from '../lib/money.js';
import { seedDefaults } from '../seed.js';
import { orgInfo, runInvoiceDocs } from './dues-documents.js';
import { issueInvoiceRun, undoInvoiceRun, type RunResult } from './invoice-run.service.js';
import { checkFiscalYear } from './invoice.service.js';
import { remindInvoices } from './unpaid.service.js';

function yearOption(v: string | undefined): number {
  if (!v) throw new CliError('--year YYYY（年度）を指定してください', 2);
  try {
    return checkFiscalYear(v);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
}

function dateOption(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const d = parseDate(v);
  if (!d) throw new CliError(`日付が読めません: ${v}`, 2);
  return d;
}

function report(io: CliIO, r: RunResult, dryRun: boolean): void {
  const reasons = new Map<string, number>();
  for (const s of r.skipped) reasons.set(s.reason.replace(/（.*）$/, ''), (reasons.get(s.reason.replace(/（.*）$/, '')) ?? 0) + 1);
  const skipped = [...reasons].map(([k, n]) => `${k} ${n} 件`).join('、') || 'なし';
  const head = dryRun ? '確認のみ（発行していません）' : r.issued.length ? `発行しました（一括発行 #${r.run!.id}）` : '新たに発行する請求はありません';
  io.out(`${head}: ${r.fiscalYear}年度 請求 ${r.issued.length} 件、合計 ${formatYen(r.total)}円、支払期限 ${r.dueOn}`);
  io.out(`対象外: ${skipped}`);
}

export const invoicesIssueCommand: Command = {
  name: 'invoices issue',
  usage: 'enishi invoices issue --year YYYY [--date YYYY-MM-DD] [--dry-run] [--json]',
  summary: '年度の年会費の請求を一括発行します（発行済みの会員は飛ばします）',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' }, date: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } } });
    if (positionals.length) throw new CliError(`不明な引数です: ${positionals.join(' ')}`, 2);
    const fiscalYear = yearOption(values.year);
    const issuedOn = dateOption(values.date);
    const dryRun = !!values['dry-run'];
    const r = await withDatabase(io, async (em) => {
      await seedDefaults(em);
      return issueInvoiceRun(em, { fiscalYear, issuedOn, dryRun });
    });
    if (values.json) {
      io.out(JSON.stringify({
        issued: r.issued.map((i) => ({ invoiceNo: i.invoiceNo, memberNo: i.memberNo, amount: i.amount })),
        skipped: r.skipped.map((s) => ({ memberNo: s.memberNo, reason: s.reason })),
      }));
    } else report(io, r, dryRun);
    return 0;
  },
};

export const invoicesUndoCommand: Command = {
  name: 'invoices undo',
  usage: 'enishi invoices undo RUN_ID --reason 理由',
  summary: '一括発行を取り消します（入金のある請求があるときは取り消せません）',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { reason: { type: 'string' } } });
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isSafeInteger(id) || id <= 0) throw new CliError('一括発行の番号を1つ指定してください', 2);
    if (!values.reason?.trim()) throw new CliError('--reason で取り消しの理由を指定してください', 2);
    const run = await withDatabase(io, (em) => undoInvoiceRun(em, id, values.reason!));
    io.out(`一括発行 #${run.id}（${run.fiscalYear}年度 ${run.issuedCount} 件）を取り消しました`);
    return 0;
  },
};

async function writeTo(file: string, render: (out: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const out = createWriteStream(file);
  const opened = new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  try {
    await opened;
  } catch {
    throw new CliError(`ファイルに書き込めません: ${file}`);
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
  summary: '一括発行の請求書を1つのPDF（1人1ページ）に書き出します',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isSafeInteger(id) || id <= 0 || !values.out) throw new CliError('一括発行の番号と --out を指定してください', 2);
    await withDatabase(io, async (em, _orm, config) => {
      const org = await orgInfo(em, config.dataDir);
      await writeTo(values.out!, (out) => renderInvoices(runInvoiceDocs(em, id), org, out));
    });
    io.out(`書き出しました: ${values.out}`);
    return 0;
  },
};

export const invoicesRemindCommand: Command = {
  name: 'invoices remind',
  usage: 'enishi invoices remind --year YYYY --out FILE.pdf',
  summary: '年度の未納の請求に督促状を作り、督促日を記録します',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' }, out: { type: 'string' } } });
    if (positionals.length || !values.out) throw new CliError('--year と --out を指定してください', 2);
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
    io.out(`督促状 ${n} 件を書き出しました: ${values.out}`);
    return 0;
  },
};

export const duesCommands: Command[] = [invoicesIssueCommand, invoicesUndoCommand, invoicesPdfCommand, invoicesRemindCommand];
