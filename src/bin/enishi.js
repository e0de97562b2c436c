#!/usr/bin/env node
// Entry point for `enishi` / `npm start`: runs the TypeScript sources through tsx,
// so there is no build step between `npm ci` and a running app.
import { register } from 'tsx/esm/api';

register();
const { main, processIO } = await import('../cli.ts');
const code = await main(process.argv.slice(2), processIO);
// Exit only once piped output has been handed over: a large `--json` report to a pipe is
// written asynchronously, and exiting at once would cut it off.
if (code >= 0) process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
