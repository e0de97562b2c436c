import { parseArgs } from 'node:util';
import { CliError, withDatabase, type CliIO, type Command } from '../cli/command.js';
import type { EntityManager } from '../db/orm.js';
import { renderReceipts } from '../documents/receipt.pdf.js';
import { Member } from '../members/member.entity.js';
import { UserError } from '../web/errors.js';
import { writePdfFile, withProgress } from './pdf-file.js';
import { receiptDocs, receiptStyle } from './receipt-docs.js';
import { issueReceiptsForYear, reissueReceipt, voidReceipt } from './receipt.service.js';
import { MSG } from './ui-text.js';

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
    renderReceipts(withProgress(io, '領収書', ids.length, receiptDocs(em, ids, { reissue })), style, out),
  );
}

export const receiptsIssueCommand: Command = {
  name: 'receipts issue',
  usage: 'enishi receipts issue --year YYYY [--member NO] --out FILE.pdf [--json]',
  summary: '年度の入金・寄付のうち領収書のないものに領収書を発行し、1つのPDFに書き出します',
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
    if (positionals.length) throw new CliError(`不明な引数です: ${positionals.join(' ')}`, 2);
    const fiscalYear = yearArg(values.year);
    if (!values.out) throw new CliError('--out FILE.pdf を指定してください', 2);
    const issued = await withDatabase(io, (em, _orm, config) =>
      asCli(async () => {
        await receiptStyle(em, config.dataDir); // templates and settings checked before any number is used
        const memberId = await memberIdOf(em, values.member);
        const r = await issueReceiptsForYear(em, { fiscalYear, memberId });
        if (r.length >= 200) io.err(`領収書 ${r.length} 件を発行しました。PDFを作成しています…`);
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
          ? `領収書 ${issued.length} 件を発行しました（${issued[0]!.number}〜${issued.at(-1)!.number}）: ${values.out}`
          : MSG.nothingToIssue,
      );
    return 0;
  },
};

export const receiptsReissueCommand: Command = {
  name: 'receipts reissue',
  usage: 'enishi receipts reissue NUMBER --out FILE.pdf',
  summary: '領収書を同じ番号で再発行します（「再発行」と印刷されます）',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length !== 1 || !values.out) throw new CliError('領収書番号を1つと --out を指定してください', 2);
    const r = await withDatabase(io, (em, _orm, config) =>
      asCli(async () => {
        await receiptStyle(em, config.dataDir);
        const receipt = await reissueReceipt(em, positionals[0]!);
        await printReceipts(io, em.fork(), config.dataDir, values.out!, [receipt.id], true);
        return receipt;
      }),
    );
    io.out(`領収書 ${r.number} を再発行しました（${r.reissueCount}回目）: ${values.out}`);
    return 0;
  },
};

export const receiptsVoidCommand: Command = {
  name: 'receipts void',
  usage: 'enishi receipts void NUMBER --reason 理由',
  summary: '領収書を取り消します（番号は欠番にせず、理由とともに残ります）',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { reason: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new CliError('領収書番号を1つ指定してください', 2);
    if (!values.reason?.trim()) throw new CliError('--reason で取り消しの理由を指定してください', 2);
    const r = await withDatabase(io, (em) => asCli(() => voidReceipt(em, positionals[0]!, values.reason!)));
    io.out(`領収書 ${r.number} を取り消しました`);
    return 0;
  },
};

export const receiptCommands: Command[] = [receiptsIssueCommand, receiptsReissueCommand, receiptsVoidCommand];
