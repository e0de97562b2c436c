import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { commandManifest, main, usage } from '../src/cli.js';
import { captureIO, cliWorkspace } from './helper.js';

const DIST_MANIFEST = new URL('../dist/cli-manifest.json', import.meta.url);

t.test('the command table lists every command once, each in the module group that holds it', async (t) => {
  const entries = await commandManifest();
  const names = entries.map((e) => e.name);
  t.same(names.length, new Set(names).size, 'no command listed twice');
  for (const required of [
    'serve',
    'migrate',
    'members import',
    'bank import',
    'receipts issue',
    'settings set',
    'labels',
  ])
    t.ok(names.includes(required), required);
  t.ok(entries.every((e) => e.usage.startsWith(`enishi ${e.name}`) && e.summary.length > 0));
});

t.test('with the manifest of the compiled code, help and a command run the same as from the sources', async (t) => {
  const manifest = await commandManifest();
  const fromManifest = captureIO({});
  t.equal(await main(['help'], fromManifest, manifest), 0);
  t.equal(fromManifest.stdout.join('\n'), await usage(), 'the same help text');

  const { env } = await cliWorkspace(t);
  const io = captureIO(env);
  t.equal(await main(['settings', 'list', '--json'], io, manifest), 0);
  t.match(JSON.parse(io.stdout.join('\n')), Object, 'the command ran from its own module');
  t.match(io.stdout.join('\n'), 'certification.kind');

  const unknown = captureIO({});
  t.equal(await main(['no-such-command'], unknown, manifest), 2);
  t.match(unknown.stderr.join('\n'), '不明なコマンドです');
});

/** As src/bin/enishi.js decides: the compiled output is used only while it is newer than every source. */
function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}
const root = fileURLToPath(new URL('..', import.meta.url));
const compiledIsFresh = () =>
  existsSync(join(root, 'dist', 'BUILT')) &&
  statSync(join(root, 'dist', 'BUILT')).mtimeMs >=
    Math.max(newest(join(root, 'src')), newest(join(root, 'migrations')));

t.test('the manifest written at install time matches the commands of the sources', async (t) => {
  if (!existsSync(DIST_MANIFEST) || !compiledIsFresh())
    return t.pass('no fresh compiled output here (the sources run through tsx; npm ci compiles them)');
  t.same(JSON.parse(readFileSync(DIST_MANIFEST, 'utf8')), await commandManifest());
});
