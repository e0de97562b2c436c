#!/usr/bin/env node
// `npm ci` / `npm install` run this as the package's `prepare` script: the TypeScript sources are
// transpiled once into dist/ (same folder depth, so every `import.meta.url`-relative path still
// finds views/, templates/ and node_modules), and `enishi` then starts without compiling
// TypeScript at every call. Type checking stays with `npm test` (tsc --noEmit).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

rmSync(dist, { recursive: true, force: true });
const entryPoints = [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'migrations'))];
await build({
  entryPoints,
  outdir: dist,
  outbase: root,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
for (const folder of ['views', 'templates']) {
  mkdirSync(dist, { recursive: true });
  symlinkSync(relative(dist, join(root, folder)), join(dist, folder), 'dir');
}
// The command table for `enishi help` and the lookup of one command, so a call loads only the
// module of the command it runs (src/cli.ts reads it; the sources, as the tests run them, load all).
const { commandManifest } = await import(pathToFileURL(join(dist, 'src', 'cli.js')).href);
writeFileSync(join(dist, 'cli-manifest.json'), `${JSON.stringify(await commandManifest(), null, 1)}\n`);
writeFileSync(join(dist, 'BUILT'), `${entryPoints.length} files\n`);
process.exit(0);
