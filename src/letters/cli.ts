import { createWriteStream, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { cliProgress } from '../cli/progress.js';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { markLettersSent, prepareLetters, type LetterLayout } from './to-thank.service.js';
import { LETTER_CLI } from './ui-text.js';

async function toFile<T>(file: string, render: (out: NodeJS.WritableStream) => Promise<T>): Promise<T> {
  const out = createWriteStream(file);
  try {
    await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  } catch {
    throw new CliError(LETTER_CLI.cannotWrite(file));
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
  usage: LETTER_CLI.usage,
  summary: LETTER_CLI.summary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'to-thank': { type: 'boolean' },
        'mark-sent': { type: 'boolean' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        date: { type: 'string' },
        layout: { type: 'string' },
      },
    });
    if (positionals.length || !values['to-thank'] || !values.out) throw new CliError(LETTER_CLI.needOut, 2);
    const letterDate = values.date === undefined ? todayInTokyo() : parseDate(values.date);
    if (!letterDate) throw new CliError(LETTER_CLI.badDate(values.date ?? ''), 2);
    if (values.layout !== undefined && values.layout !== 'horizontal' && values.layout !== 'vertical')
      throw new CliError(LETTER_CLI.badLayout, 2);
    const layout = values.layout as LetterLayout | undefined;
    const report = cliProgress(io, LETTER_CLI.progressLabel);
    const result = await withDatabase(io, async (em, _orm, config) => {
      let done = 0;
      let total = 0;
      // Every letter is composed here, before the file is opened: a missing field leaves no file.
      const prepared = await prepareLetters(em, 'all', {
        dataDir: config.dataDir,
        letterDate,
        layout,
        extraPages: () => report(++done, total),
      });
      total = prepared.result.keys.length;
      const pages = await toFile(values.out!, (out) => prepared.render(out));
      const keys = prepared.result.keys;
      const marked = values['mark-sent'] && keys.length ? await markLettersSent(em, keys, letterDate) : [];
      return { letters: prepared.result.letters, pages, marked: marked.length };
    });
    // The contract: {"letters":[…],"pages":N}; with --mark-sent also how many were recorded as sent.
    if (values.json)
      io.out(
        JSON.stringify(
          values['mark-sent']
            ? { letters: result.letters, pages: result.pages, marked: result.marked }
            : { letters: result.letters, pages: result.pages },
        ),
      );
    else
      io.out(
        LETTER_CLI.written(result.letters.length, result.pages, values.out) +
          (values['mark-sent'] ? LETTER_CLI.markedSuffix(result.marked) : ''),
      );
    return 0;
  },
};

export const letterCommands: Command[] = [lettersPrintCommand];
