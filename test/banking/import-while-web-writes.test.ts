import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { withActor } from '../../src/db/actor.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { openSeededOrm } from '../../src/seed.js';
import { insertMembers } from '../bench/data.js';
import { loggedIn } from '../helper.js';

const BIN = fileURLToPath(new URL('../../src/bin/enishi.js', import.meta.url));

function statement(lines: number, members: number): Buffer {
  const out = ['"日付","摘要","お引出し","お預入れ","残高"'];
  for (let i = 0; i < lines; i++) {
    const no = 1 + ((i * 7919) % members);
    // Every third payer writes only a name: the matcher has real work to do.
    out.push(`"2026/5/${1 + (i % 28)}","振込 ${i % 3 ? no : ''}ｻﾄｳ ﾀﾛｳ","","5,000","0"`);
  }
  return encodeCp932(out.join('\r\n') + '\r\n');
}

t.test(
  'staff keep saving in the browser while a long statement imports from the CLI, and the import still completes',
  async (t) => {
    if (process.env.ENISHI_TEST_DATABASE_URL) return t.pass('SQLite has one writer for the whole database');
    const dataDir = mkdtempSync(join(tmpdir(), 'enishi-import-web-'));
    t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
    const config = loadConfig(
      {},
      { dataDir, databaseUrl: '', secret: 'test-' + randomBytes(8).toString('hex'), logLevel: 'silent' },
    );
    const orm = await openSeededOrm(config);
    t.teardown(() => orm.close(true));
    const members = 3000;
    await insertMembers(orm.em.fork(), members);
    await withActor({ staffId: null, name: 'test' }, () => issueInvoiceRun(orm.em.fork(), { fiscalYear: 2026 }));
    const app = await buildApp(config, { orm, logger: false });
    await app.ready();
    t.teardown(() => app.close());
    const admin = await loggedIn(app, 'admin');
    const file = join(dataDir, 'statement.csv');
    writeFileSync(file, statement(8000, members));

    const child = spawn(process.execPath, [BIN, 'bank', 'import', file, '--json'], {
      env: { ...process.env, ENISHI_FROM_SOURCE: '1', ENISHI_DATA_DIR: dataDir, ENISHI_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));

    // A member of staff saves a form (a new member type) again and again, for as long as the import runs.
    const statuses: number[] = [];
    for (let n = 0; running; n++) {
      const res = await admin.post('/member-types', { name: `種別${n}`, annualFee: '1000', sortOrder: String(10 + n) });
      statuses.push(res.statusCode);
      await new Promise((r) => setTimeout(r, 50));
    }
    const code = await exited;
    t.equal(code, 0, `the import completed ${err.slice(0, 300)}`);
    t.ok(statuses.length >= 5, `staff saved ${statuses.length} times while it ran`);
    t.same(
      statuses.filter((s) => s !== 303),
      [],
      'every save went through (no 503, no system error)',
    );
    const report = JSON.parse(out).import;
    t.equal(report.lines, 8000, 'every line of the file is in the import');
    const [row] = await orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(`select count(*) as n from member_type where name like '種別%'`);
    t.equal(Number(row!.n), statuses.length, 'and every save is stored');
  },
);
