import { createWriteStream, rmSync } from 'node:fs';
import { CliError, type CliIO } from '../cli/command.js';

/** Writes a PDF to `file`; a failure removes the half-written file so no cut-off PDF is left. */
export async function writePdfFile(file: string, render: (out: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const out = createWriteStream(file);
  try {
    await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  } catch {
    throw new CliError(`ファイルに書き込めません: ${file}`);
  }
  try {
    await render(out);
  } catch (e) {
    out.destroy();
    rmSync(file, { force: true });
    throw e;
  }
}

/** Passes items through, printing 「領収書 1500/5000」 on stderr every two seconds of a long run. */
export async function* withProgress<T>(
  io: CliIO,
  label: string,
  total: number,
  items: AsyncIterable<T>,
): AsyncGenerator<T> {
  let done = 0;
  let last = Date.now();
  for await (const item of items) {
    yield item;
    done += 1;
    if (Date.now() - last > 2000) {
      io.err(`${label} ${done}/${total}`);
      last = Date.now();
    }
  }
}
