import { createWriteStream, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { markLettersSent, printLetters, type LetterLayout, type PrintResult } from './to-thank.service.js';

const USAGE = 'enishi letters print --to-thank [--mark-sent] [--date YYYY-MM-DD] [--layout horizontal|vertical] --out FILE.pdf [--json]';

async function toFile(file: string, render: (out: NodeJS.WritableStream) => Promise<PrintResult>): Promise<PrintResult> {
  const out = createWriteStream(file);
  try {
    await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  } catch {
    throw new CliError(`ファイルに書き込めません: ${file}`);
  }
  try {
    return await render(out);
  } catch (e) {
    out.destroy();
    rmSync(file, { force: true }); // no half-written PDF left behind
    throw e;
  }
}

export const lettersPrintCommand: Command = {
  name: 'letters print',
  usage: USAGE,
  summary: '礼状の送付待ち（入金・寄付・頂いた物）の礼状を1つのPDFに書き出します（--mark-sent で送付済みに記録）',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: { 'to-thank': { type: 'boolean' }, 'mark-sent': { type: 'boolean' }, out: { type: 'string' }, json: { type: 'boolean' }, date: { type: 'string' }, layout: { type: 'string' } },
    });
    if (positionals.length || !values['to-thank'] || !values.out) throw new CliError('--to-thank と --out FILE.pdf を指定してください', 2);
    const letterDate = values.date === undefined ? todayInTokyo() : parseDate(values.date);
    if (!letterDate) throw new CliError(`日付が読めません: ${values.date}`, 2);
    if (values.layout !== undefined && values.layout !== 'horizontal' && values.layout !== 'vertical') throw new CliError('--layout は horizontal か vertical です', 2);
    const layout = values.layout as LetterLayout | undefined;
    const result = await withDatabase(io, async (em, _orm, config) => {
      const r = await toFile(values.out!, (out) => printLetters(em, 'all', { dataDir: config.dataDir, letterDate, layout }, out));
      const marked = values['mark-sent'] && r.keys.length ? await markLettersSent(em, r.keys, letterDate) : [];
      return { ...r, marked: marked.length };
    });
    if (values.json) io.out(JSON.stringify({ letters: result.letters, pages: result.pages, marked: result.marked }));
    else io.out(`礼状 ${result.letters.length} 通（${result.pages} ページ）を書き出しました: ${values.out}${values['mark-sent'] ? `（${result.marked} 件を送付済みに記録）` : ''}`);
    return 0;
  },
};

export const letterCommands: Command[] = [lettersPrintCommand];
