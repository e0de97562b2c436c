import { createWriteStream, rmSync } from 'node:fs';
import { CliError, type CliIO } from '../cli/command.js';
import { cliProgress } from '../cli/progress.js';
import { CLI_TEXT } from './ui-text.js';

/** Writes a PDF to `file`; a failure removes the half-written file so no cut-off PDF is left. */
export async function writePdfFile(file: string, render: (out: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const out = createWriteStream(file);
  try {
    await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  } catch {
    throw new CliError(CLI_TEXT.cannotWrite(file));
  }
  try {
    await render(out);
  } catch (e) {
    out.destroy();
    rmSync(file, { force: true });
    throw e;
  }
}

/** Passes items through, printing 「領収書 1500/5000」 on stderr during a long run (src/cli/progress.ts). */
export async function* withProgress<T>(
  io: CliIO,
  label: string,
  total: number,
  items: AsyncIterable<T>,
): AsyncGenerator<T> {
  const report = cliProgress(io, label);
  let done = 0;
  for await (const item of items) {
    yield item;
    report(++done, total);
  }
}
