import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import t, { type Test } from 'tap';

const BIN = fileURLToPath(new URL('../src/bin/enishi.js', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const exec = (db: sqlite3.Database, sql: string) =>
  new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));

/**
 * `enishi serve` on a fresh SQLite data dir, its /setup page read (cookie and CSRF token), and a
 * second connection holding the write lock, so a POST waits in busy_timeout until `release`.
 */
async function serverWithHeldLock(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-stop-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  const env = { ...process.env, ENISHI_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', ENISHI_FROM_SOURCE: '1' };
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { output: '' };
  child.stdout.on('data', (d) => (run.output += d));
  child.stderr.on('data', (d) => (run.output += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  t.teardown(() => child.kill('SIGKILL'));
  const base = `http://127.0.0.1:${port}`;
  let page: Response | null = null;
  for (let i = 0; i < 300 && !page; i++) page = await fetch(`${base}/setup`).catch(() => sleep(100).then(() => null));
  t.equal(page?.status, 200, 'the server is up');
  const cookie = page!.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page!.text())![1]!;
  const other = new sqlite3.Database(join(dir, 'enishi.sqlite3'));
  t.teardown(() => new Promise<void>((r) => other.close(() => r())));
  await exec(other, 'begin immediate');
  const postSetup = (signal?: AbortSignal) =>
    fetch(`${base}/setup`, {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: csrf,
        loginId: 'admin',
        displayName: '管理者',
        password: 'correct-horse-battery',
        password2: 'correct-horse-battery',
      }),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
      signal,
    });
  return { child, run, exited, postSetup, release: () => exec(other, 'rollback') };
}

t.test('SIGTERM during a slow request lets it finish, then closes the database and exits 0', async (t) => {
  if (process.env.ENISHI_TEST_DATABASE_URL) return t.pass('the slow request is made with a SQLite file lock');
  const { child, run, exited, postSetup, release } = await serverWithHeldLock(t);
  const slow = postSetup();
  await sleep(500);
  child.kill('SIGTERM');
  const stopAt = Date.now();
  await sleep(1000);
  await release();
  const res = await slow;
  t.equal(res.status, 303, 'the running request finished normally');
  t.equal(await exited, 0, 'then the process exited cleanly');
  t.ok(Date.now() - stopAt < 20_000, 'without waiting out the keep-alive connection (72 s)');
  t.notMatch(run.output, /aborted|DriverException/, 'the database was not closed under the request');
});

t.test(
  'SIGTERM after a client gave up on a slow request still lets its database work finish before the database closes',
  async (t) => {
    if (process.env.ENISHI_TEST_DATABASE_URL) return t.pass('the slow request is made with a SQLite file lock');
    const { child, run, exited, postSetup, release } = await serverWithHeldLock(t);
    // Several clients post and give up after 300 ms (a benchmark ending, a closed browser tab).
    const gaveUp = Array.from({ length: 5 }, () => postSetup(AbortSignal.timeout(300)).catch(() => 'aborted'));
    t.same(await Promise.all(gaveUp), Array(5).fill('aborted'), 'every client gave up');
    child.kill('SIGTERM');
    const stopAt = Date.now();
    await sleep(1000);
    await release();
    t.equal(await exited, 0, 'the process exited cleanly');
    t.ok(Date.now() - stopAt < 20_000, 'once the abandoned requests were done, not after a timeout');
    t.notMatch(run.output, /aborted|DriverException/, 'the database was not closed under the abandoned requests');
  },
);
