#!/usr/bin/env node
// Entry point for `enishi` / `npm start`. `npm ci` compiles the sources once into dist/
// (src/bin/build.js, the `prepare` script); that output is used while it is newer than every
// source file, so a start costs no TypeScript compilation. After an edit without a rebuild — or
// with ENISHI_FROM_SOURCE=1, as the tests do — the sources run through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = join(root, 'dist', 'BUILT');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function compiledIsFresh() {
  if (process.env.ENISHI_FROM_SOURCE === '1' || !existsSync(built)) return false;
  const stamp = statSync(built).mtimeMs;
  return newestSource(join(root, 'src')) <= stamp && newestSource(join(root, 'migrations')) <= stamp;
}

let cli;
if (compiledIsFresh()) {
  cli = await import('../../dist/src/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli.ts');
}
const code = await cli.main(process.argv.slice(2), cli.processIO);
// Exit only once piped output has been handed over: a large `--json` report to a pipe is
// written asynchronously, and exiting at once would cut it off.
if (code >= 0) process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
