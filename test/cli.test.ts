import t from 'tap';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { captureIO } from './helper.js';

t.test('an unknown command prints usage and exits non-zero', async (t) => {
  const io = captureIO({});
  t.equal(await main(['frobnicate'], io), 2);
  t.match(io.stderr.join('\n'), '不明なコマンドです: frobnicate');
  t.match(io.stderr.join('\n'), 'enishi migrate');
});

t.test('no command prints usage and exits non-zero; help exits zero', async (t) => {
  const none = captureIO({});
  t.equal(await main([], none), 2);
  t.match(none.stderr.join('\n'), '使い方: enishi');
  const help = captureIO({});
  t.equal(await main(['help'], help), 0);
  t.match(help.stdout.join('\n'), 'enishi serve');
});

t.test('bad arguments to a command print its usage and exit non-zero', async (t) => {
  const io = captureIO({});
  t.equal(await main(['migrate', '--nope'], io), 1);
  t.match(io.stderr.join('\n'), 'migrate は引数を取りません');
});

t.test('migrate creates the SQLite file in the data dir and is idempotent', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ENISHI_DATA_DIR: dir, ENISHI_DATABASE_URL: '' };
  const first = captureIO(env);
  t.equal(await main(['migrate'], first), 0);
  t.match(first.stdout.join('\n'), /件のマイグレーションを適用しました/);
  t.ok(existsSync(join(dir, 'enishi.sqlite3')));
  const second = captureIO(env);
  t.equal(await main(['migrate'], second), 0);
  t.match(second.stdout.join('\n'), 'データベースは最新です');
});
