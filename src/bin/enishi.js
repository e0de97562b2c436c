#!/usr/bin/env node
// Entry point for `enishi` / `npm start`: runs the TypeScript sources through tsx,
// so there is no build step between `npm ci` and a running app.
import { register } from 'tsx/esm/api';

register();
const { main, processIO } = await import('../cli.ts');
const code = await main(process.argv.slice(2), processIO);
if (code >= 0) process.exit(code);
