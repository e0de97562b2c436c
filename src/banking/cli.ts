import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, withDatabase, type CliIO, type Command } from '../cli/command.js';
import { UserError } from '../web/errors.js';
import { importStatement } from './bank-import.service.js';
import type { ImportReport } from './import-plan.js';
import { formatNames, StatementError } from './statement.js';

const USAGE = 'enishi bank import FILE [--format NAME] [--dry-run] [--json]';

function report(io: CliIO, r: ImportReport, dryRun: boolean): void {
  const i = r.import;
  const head = dryRun ? '確認のみ（取り込んでいません）' : `取り込みました（取り込み番号 ${i.id}）`;
  io.out(
    `${head}: 形式 ${i.format}、${i.lines} 行、入金 ${i.deposits} 件、取り込み済み ${i.known} 件、自動消込 ${i.matched} 件、要確認 ${i.review} 件、対象外 ${i.ignored} 件`,
  );
  for (const t of r.transactions.filter((x) => x.status === 'review')) {
    const best = t.suggestions?.[0];
    io.out(
      `  要確認 ${t.line} 行目 ${t.date} ${t.amount}円 ${t.payer}${best ? ` → 候補 会員番号 ${best.memberNo}（${best.reasons.join('、')}）` : ''}`,
    );
  }
}

export const bankImportCommand: Command = {
  name: 'bank import',
  usage: USAGE,
  summary: '銀行の入出金明細（全銀協・CSV・ゆうちょ）を取り込み、会費の入金を消し込みます',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new CliError('取り込む明細ファイルを1つ指定してください', 2);
    const format = values.format;
    if (format && !formatNames().includes(format))
      throw new CliError(`不明な形式です: ${format}（${formatNames().join(', ')}）`, 2);
    let bytes: Buffer;
    try {
      bytes = readFileSync(positionals[0]!);
    } catch {
      throw new CliError(`ファイルを読めません: ${positionals[0]}`, 1);
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
