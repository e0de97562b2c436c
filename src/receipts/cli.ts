import { parseArgs } from 'node:util';
import { CliError, withDatabase, type CliIO, type Command } from '../cli/command.js';
import type { EntityManager } from '../db/orm.js';
import { renderReceipts } from '../documents/receipt.pdf.js';
import { Member } from '../members/member.entity.js';
import { UserError } from '../web/errors.js';
import { writePdfFile, withProgress } from './pdf-file.js';
import { receiptDocs, receiptStyle } from './receipt-docs.js';
import { issueReceiptsForYear, reissueReceipt, voidReceipt } from './receipt.service.js';
import { CLI_TEXT, MSG } from './ui-text.js';

export function yearArg(v: string | undefined): number {
  const n = Number(v);
  if (!v || !/^\d{4}$/.test(v) || n < 2000 || n > 2100) throw new CliError(MSG.yearInvalid, 2);
  return n;
}

export async function memberIdOf(em: EntityManager, no: string | undefined): Promise<number | undefined> {
  if (no === undefined) return undefined;
  const m = Number.isSafeInteger(Number(no)) ? await em.findOne(Member, { memberNo: Number(no) }) : null;
  if (!m) throw new CliError(`${MSG.memberNotFound}: ${no}`);
  return m.id;
}

/** A service's refusal (UserError) becomes one CLI line with exit code 1. */
export async function asCli<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof UserError ? new CliError(e.message) : e;
  }
}

async function printReceipts(
  io: CliIO,
  em: EntityManager,
  dataDir: string,
  file: string,
  ids: number[],
  reissue: boolean,
): Promise<void> {
  const style = await receiptStyle(em, dataDir);
  await writePdfFile(file, (out) =>
    renderReceipts(withProgress(io, CLI_TEXT.receiptLabel, ids.length, receiptDocs(em, ids, { reissue })), style, out),
  );
}

export const receiptsIssueCommand: Command = {
  name: 'receipts issue',
  usage: 'enishi receipts issue --year YYYY [--member NO] --out FILE.pdf [--json]',
  summary: CLI_TEXT.issueSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        member: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length) throw new CliError(CLI_TEXT.unknownArgs(positionals.join(' ')), 2);
    const fiscalYear = yearArg(values.year);
    if (!values.out) throw new CliError(CLI_TEXT.needOut, 2);
    const issued = await withDatabase(io, (em, _orm, config) =>
      asCli(async () => {
        await receiptStyle(em, config.dataDir); // templates and settings checked before any number is used
        const memberId = await memberIdOf(em, values.member);
        const r = await issueReceiptsForYear(em, { fiscalYear, memberId });
        if (r.length >= 200) io.err(CLI_TEXT.issuedMany(r.length));
        // The issued receipts are committed: let go of their entities before the PDF is drawn.
        em.clear();
        if (r.length)
          await printReceipts(
            io,
            em.fork(),
            config.dataDir,
            values.out!,
            r.map((x) => x.id),
            false,
          );
        return r;
      }),
    );
    if (values.json) {
      const receipts = issued.map(({ number, memberNo, amount, receivedOn, kind }) => ({
        number,
        memberNo,
        amount,
        receivedOn,
        kind,
      }));
      io.out(JSON.stringify({ receipts, pages: issued.length }));
    } else
      io.out(
        issued.length
          ? CLI_TEXT.issued(issued.length, issued[0]!.number, issued.at(-1)!.number, values.out)
          : MSG.nothingToIssue,
      );
    return 0;
  },
};

export const receiptsReissueCommand: Command = {
  name: 'receipts reissue',
  usage: 'enishi receipts reissue NUMBER --out FILE.pdf',
  summary: CLI_TEXT.reissueSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length !== 1 || !values.out) throw new CliError(CLI_TEXT.reissueArgs, 2);
    const r = await withDatabase(io, (em, _orm, config) =>
      asCli(async () => {
        await receiptStyle(em, config.dataDir);
        const receipt = await reissueReceipt(em, positionals[0]!);
        await printReceipts(io, em.fork(), config.dataDir, values.out!, [receipt.id], true);
        return receipt;
      }),
    );
    io.out(CLI_TEXT.reissued(r.number, r.reissueCount, values.out));
    return 0;
  },
};

export const receiptsVoidCommand: Command = {
  name: 'receipts void',
  usage: CLI_TEXT.voidUsage,
  summary: CLI_TEXT.voidSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { reason: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new CliError(CLI_TEXT.voidArgs, 2);
    if (!values.reason?.trim()) throw new CliError(CLI_TEXT.needReason, 2);
    const r = await withDatabase(io, (em) => asCli(() => voidReceipt(em, positionals[0]!, values.reason!)));
    io.out(CLI_TEXT.voided(r.number));
    return 0;
  },
};

export const receiptCommands: Command[] = [receiptsIssueCommand, receiptsReissueCommand, receiptsVoidCommand];
