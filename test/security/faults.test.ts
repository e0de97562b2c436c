import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import t from 'tap';
import { dataDirMessage, loadConfig } from '../../src/config.js';
import { withActor } from '../../src/db/actor.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { seedDefaults } from '../../src/seed.js';
import { insertMembers } from '../bench/data.js';

/**
 * Faults: the process is killed (SIGKILL, no clean-up) in the middle of a long write, then the
 * same installation is opened again. Nothing may be half done, and the operation runs again.
 * SQLite only: the kill is timed by the write-ahead log growing, which PostgreSQL does not have.
 */
const BIN = fileURLToPath(new URL('../../src/bin/enishi.js', import.meta.url));
const onPg = !!process.env.ENISHI_TEST_DATABASE_URL;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

function enishi(args: string[], env: NodeJS.ProcessEnv, killWhen?: () => boolean): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ENISHI_FROM_SOURCE: '1', ENISHI_DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = killWhen
      ? setInterval(() => {
          if (killWhen()) child.kill('SIGKILL');
        }, 20)
      : null;
    child.on('exit', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, out, err });
    });
  });
}

/** True once the write-ahead log has grown by `bytes`: the child is writing its transaction. */
function walGrew(dir: string, bytes: number): () => boolean {
  const wal = join(dir, 'enishi.sqlite3-wal');
  const before = existsSync(wal) ? statSync(wal).size : 0;
  return () => existsSync(wal) && statSync(wal).size > before + bytes;
}

async function installation(t: { teardown(fn: () => unknown): void }, members: number, issue: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-fault-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const orm = await openOrm(loadConfig({}, { dataDir: dir, databaseUrl: '', logLevel: 'silent', secret: 'x' }));
  await seedDefaults(orm.em.fork());
  await insertMembers(orm.em.fork(), members);
  if (issue)
    await withActor({ staffId: null, name: 'test' }, () => issueInvoiceRun(orm.em.fork(), { fiscalYear: 2026 }));
  // Checkpoint so the log starts empty and its growth is the child's own writing.
  await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
  await orm.close(true);
  const query = async <T>(sql: string): Promise<T[]> => {
    const o = await openOrm(loadConfig({}, { dataDir: dir, databaseUrl: '', logLevel: 'silent', secret: 'x' }));
    try {
      return await o.em.getConnection().execute<T[]>(sql);
    } finally {
      await o.close(true);
    }
  };
  return { dir, env: { ENISHI_DATA_DIR: dir }, query };
}

function statement(lines: number, members: number): Buffer {
  const out = ['"日付","摘要","お引出し","お預入れ","残高"'];
  for (let i = 0; i < lines; i++) {
    const no = 1 + ((i * 7919) % members);
    out.push(`"2026/5/${1 + (i % 28)}","振込 ${no}ｻﾄｳ ﾀﾛｳ","","5,000","0"`);
  }
  return encodeCp932(out.join('\r\n') + '\r\n');
}

t.test('a bank import killed mid-write leaves no half import, and the same file imports afterwards', async (t) => {
  if (onPg) return t.pass('the kill is timed by the SQLite write-ahead log');
  const inst = await installation(t, 3000, true);
  const file = join(inst.dir, 'statement.csv');
  const lines = 6000;
  writeFileSync(file, statement(lines, 3000));
  const killed = await enishi(['bank', 'import', file, '--json'], inst.env, walGrew(inst.dir, 64 * 1024));
  t.equal(killed.signal, 'SIGKILL', 'the import was killed while it wrote');

  const half = await inst.query<{ id: number; line_count: number; n: number }>(
    `select i.id, i.line_count, (select count(*) from bank_transaction x where x.bank_import_id = i.id) as n
       from bank_import i`,
  );
  for (const i of half) t.equal(Number(i.n), Number(i.line_count), `import ${i.id} holds all its lines or none`);
  const [orphans] = await inst.query<{ n: number }>(
    'select count(*) as n from bank_transaction where bank_import_id not in (select id from bank_import)',
  );
  t.equal(Number(orphans!.n), 0, 'no line without its import');
  const [paid] = await inst.query<{ p: number; a: number }>(
    'select (select coalesce(sum(amount), 0) from payment) as p, (select coalesce(sum(amount), 0) from allocation) as a',
  );
  t.ok(Number(paid!.a) <= Number(paid!.p), 'no allocation without its payment');

  const again = await enishi(['bank', 'import', file, '--json'], inst.env);
  t.equal(again.code, 0, `the import runs again after the restart ${again.err}`);
  const imports = await inst.query<{ line_count: number; n: number }>(
    `select i.line_count, (select count(*) from bank_transaction x where x.bank_import_id = i.id) as n
       from bank_import i where i.status = 'active'`,
  );
  t.equal(imports.length, 1, 'one import in all');
  t.equal(Number(imports[0]!.n), lines, 'with every line of the file');
});

t.test(
  'an invoice run killed mid-write issues nothing, and issuing again numbers every invoice without a gap',
  async (t) => {
    if (onPg) return t.pass('the kill is timed by the SQLite write-ahead log');
    const members = 8000;
    const inst = await installation(t, members, false);
    const killed = await enishi(
      ['invoices', 'issue', '--year', '2026', '--json'],
      inst.env,
      walGrew(inst.dir, 64 * 1024),
    );
    t.equal(killed.signal, 'SIGKILL', 'the run was killed while it wrote');

    const check = async () => {
      const runs = await inst.query<{ id: number; issued_count: number; total_amount: number; n: number; s: number }>(
        `select r.id, r.issued_count, r.total_amount, count(i.id) as n, coalesce(sum(i.amount), 0) as s
         from invoice_run r left join invoice i on i.run_id = r.id group by r.id, r.issued_count, r.total_amount`,
      );
      for (const r of runs) {
        t.equal(Number(r.n), Number(r.issued_count), `run ${r.id} holds every invoice it counts`);
        t.equal(Number(r.s), Number(r.total_amount), `run ${r.id} totals its invoices`);
      }
      const [loose] = await inst.query<{ n: number }>('select count(*) as n from invoice where run_id is null');
      t.equal(Number(loose!.n), 0, 'no invoice outside a run');
      return runs;
    };
    await check();

    const again = await enishi(['invoices', 'issue', '--year', '2026', '--json'], inst.env);
    t.equal(again.code, 0, `the run issues after the restart ${again.err}`);
    const runs = await check();
    t.equal(runs.length, 1, 'one run in all');
    const numbers = await inst.query<{ invoice_no: string }>('select invoice_no from invoice order by id');
    t.equal(numbers.length, members, 'an invoice for every member');
    const digits = numbers.map((n) => Number(/(\d+)$/.exec(n.invoice_no)![1]));
    const gaps = digits.filter((d, i) => i > 0 && d !== digits[i - 1]! + 1);
    t.same(gaps, [], 'the invoice numbers follow one another without a gap');
  },
);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A server child on the installation, with an administrator logged in; kill() ends it at once. */
async function serverOn(dir: string, setup: boolean) {
  const port = await freePort();
  const env = {
    ...process.env,
    ENISHI_DATA_DIR: dir,
    ENISHI_DATABASE_URL: '',
    PORT: String(port),
    HOST: '127.0.0.1',
    ENISHI_FROM_SOURCE: '1',
    ENISHI_SECRET: 'fault-test',
  };
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)));
  const base = `http://127.0.0.1:${port}`;
  let page: Response | null = null;
  for (let i = 0; i < 300 && !page; i++)
    page = await fetch(`${base}/${setup ? 'setup' : 'login'}`).catch(
      () => new Promise<null>((r) => setTimeout(() => r(null), 100)),
    );
  let cookie = page!.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      jar.set(pair!.split('=')[0]!, pair!);
    }
    cookie = [...jar.values()].join('; ');
  };
  keep(page!);
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  let csrf = csrfOf(await page!.text());
  const post = async (path: string, fields: Record<string, string>) => {
    const res = await fetch(base + path, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    keep(res);
    return res;
  };
  const login = { loginId: 'admin', password: 'correct-horse-battery' };
  const first = setup
    ? await post('/setup', { ...login, displayName: '管理者', password2: login.password })
    : await post('/login', login);
  const home = await fetch(base + '/members', { headers: { cookie } });
  keep(home);
  csrf = csrfOf(await home.text());
  return { first, post, kill: () => child.kill('SIGKILL'), exited };
}

type BatchRow = { id: number; status: string; done: number; total: number; error: string | null };
function batchRows(dir: string): Promise<BatchRow[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(dir, 'enishi.sqlite3'), sqlite3.OPEN_READONLY);
    db.all('select id, status, done, total, error from batch order by id', (err, rows) => {
      db.close();
      if (err) reject(err);
      else resolve(rows as BatchRow[]);
    });
  });
}

t.test('a batch print killed mid-run is marked failed after the restart, and printing again finishes', async (t) => {
  if (onPg) return t.pass('the installation is a SQLite data directory');
  const inst = await installation(t, 1500, true);
  const server = await serverOn(inst.dir, true);
  t.teardown(() => server.kill());
  t.equal(server.first.status, 303, 'the administrator is set up');
  const started = await server.post('/dues/runs/1/print', {});
  t.equal(
    started.status,
    303,
    `the print starts in the background ${started.status === 303 ? '' : await started.text()}`,
  );
  let row: BatchRow | undefined;
  for (let i = 0; i < 600; i++) {
    row = (await batchRows(inst.dir).catch(() => []))[0];
    if (row?.status === 'running' && row.done > 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  t.ok(
    row && row.status === 'running' && row.done < row.total,
    `it was killed in the middle of the run ${JSON.stringify(row)}`,
  );
  server.kill();
  t.equal(await server.exited, 'SIGKILL');

  const again = await serverOn(inst.dir, false);
  t.teardown(() => again.kill());
  t.equal(again.first.status, 303, 'the server starts again and the administrator logs in');
  const [stale] = await batchRows(inst.dir);
  t.equal(stale!.status, 'failed', 'the killed batch is marked failed at the restart');
  t.ok(stale!.error, 'with the reason it stopped');
  t.notOk(existsSync(join(inst.dir, 'batches', `${stale!.id}.part`)), 'and its half-written file is gone');
  const retry = await again.post('/dues/runs/1/print', {});
  t.equal(retry.status, 303, 'printing again starts');
  let last: BatchRow | undefined;
  for (let i = 0; i < 1200; i++) {
    last = (await batchRows(inst.dir))[1];
    if (last && (last.status === 'done' || last.status === 'failed')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  t.equal(last?.status, 'done', 'and finishes');
  t.equal(last?.done, last?.total, 'with every invoice printed');
});

t.test(
  'a data directory that cannot be written stops the start with one Japanese line and a non-zero exit',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'enishi-fault-dir-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    for (const [what, dataDir] of [
      ['a file where the data directory should be', file],
      ['a data directory under a file', join(file, 'data')],
    ] as const) {
      for (const cmd of [['serve'], ['migrate']]) {
        const r = await enishi(cmd, { ENISHI_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
        t.equal(r.code, 1, `${what}: enishi ${cmd[0]} exits 1`);
        t.match(r.err, /^エラー: データフォルダ .* を使えません/, `${what}: it says the data directory cannot be used`);
        t.equal(r.err.trim().split('\n').length, 1, `${what}: in one line`);
        t.notMatch(r.err, /\bat \S+:\d+|ENOTDIR|EEXIST/, `${what}: without a stack trace or an error code`);
      }
    }
  },
);

t.test('the data directory message names a full disk and a refused write', async (t) => {
  t.match(dataDirMessage('/d', 'ENOSPC'), /ディスクの空きがありません/);
  t.match(dataDirMessage('/d', 'EACCES'), /書き込みが許可されていません/);
  t.match(dataDirMessage('/d', 'EROFS'), /書き込みが許可されていません/);
  t.match(dataDirMessage('/d', 'ENOTDIR'), /フォルダでないもの/);
  t.match(dataDirMessage('/d', 'EIO'), /EIO/);
});

t.test(
  'on a really full disk, and on one with room for a small file but not the database, the start says so in one line and exits 1; with space made it starts',
  async (t) => {
    const mnt = mkdtempSync(join(tmpdir(), 'enishi-full-'));
    t.teardown(() => rmSync(mnt, { recursive: true, force: true }));
    // A 2 MiB tmpfs is a disk that can really be filled (root only; elsewhere the message table above stands).
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]).status === 0;
    if (!mounted) return t.pass('mounting a small tmpfs is not permitted here: the message table above stands');
    t.teardown(() => void spawnSync('umount', ['-l', mnt]));
    const fill = join(mnt, 'fill');
    const serve = (dir: string) => enishi(['migrate'], { ENISHI_DATA_DIR: join(mnt, dir) });

    writeFileSync(fill, Buffer.alloc(2048 * 1024 - 4096)); // the last block goes to the data dir itself
    try {
      writeFileSync(join(mnt, 'rest'), Buffer.alloc(64 * 1024));
    } catch {
      // the disk is full now
    }
    const full = await serve('data');
    t.equal(full.code, 1, 'full: exits 1');
    t.match(
      full.err,
      /^エラー: データフォルダ .* を使えません: ディスクの空きがありません/,
      'full: says the disk is full',
    );
    t.equal(full.err.trim().split('\n').length, 1, 'full: in one line');

    rmSync(join(mnt, 'rest'), { force: true });
    writeFileSync(fill, Buffer.alloc(2048 * 1024 - 24 * 1024)); // room for the probe file, not for the database
    const almost = await serve('data2');
    t.equal(almost.code, 1, 'almost full: exits 1');
    t.match(
      almost.err,
      /^エラー: データベース .*enishi\.sqlite3 を使えません: ディスクの空きが足りないか/,
      'almost full: names the database file',
    );
    t.equal(almost.err.trim().split('\n').length, 1, 'almost full: in one line');
    t.notMatch(almost.err, /select |sqlite_master|\bat \S+:\d+/, 'almost full: no SQL text or stack trace');

    rmSync(fill, { force: true });
    rmSync(join(mnt, 'data2'), { recursive: true, force: true });
    const again = await serve('data2');
    t.equal(again.code, 0, 'with space made, the same data dir starts and migrates');
  },
);
