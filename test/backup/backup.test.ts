import t, { type Test } from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { createBackup, listBackups, pruneBackups, backupNow } from '../../src/backup/backup.service.js';
import { unpackArchive } from '../../src/backup/archive.js';
import { loadConfig } from '../../src/config.js';
import type { EntityManager, Orm } from '../../src/db/orm.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { recordPayment } from '../../src/dues/payment.service.js';
import { buildScenario } from '../accounting/scenario.js';
import { captureIO, loggedIn } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

const SUMS = `select (select count(*) from member) as members, (select coalesce(sum(amount), 0) from payment) as paid,
  (select coalesce(sum(paid_amount), 0) from invoice) as invoiced_paid, (select coalesce(sum(amount), 0) from allocation where not reversed) as allocated,
  (select coalesce(sum(amount), 0) from donation) as donated, (select count(*) from audit_log) as audit`;

function tempDir(t: Test, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A served app on its own SQLite file, with the accounting scenario's records and a few files. */
async function servedApp(t: Test) {
  const dataDir = tempDir(t, 'enishi-backup-');
  const config = loadConfig({}, { dataDir, databaseUrl: '', secret: 'test-secret-backup', logLevel: 'silent' });
  const orm = await openOrm(config);
  t.teardown(() => orm.close(true));
  const app = await buildApp(config, { orm, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => app.close());
  await buildScenario(() => orm.em.fork(), { reverse: true });
  mkdirSync(join(dataDir, 'uploads'), { recursive: true });
  writeFileSync(join(dataDir, 'uploads', 'members.csv'), '会員番号,氏名\r\n1,山田 太郎\r\n');
  mkdirSync(join(dataDir, 'templates'), { recursive: true });
  writeFileSync(join(dataDir, 'templates', 'thanks.eta'), '拝啓 <%= it.name %> 様');
  const port = (app.server.address() as { port: number }).port;
  return { app, orm, config, dataDir, url: `http://127.0.0.1:${port}` };
}

async function facts(orm: Orm) {
  const [row] = await orm.em.fork().execute<Record<string, number>[]>(SUMS);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

async function restoreCli(dataDir: string, ...args: string[]) {
  const { main } = await import('../../src/cli.js');
  const io = captureIO({ ENISHI_DATA_DIR: dataDir, ENISHI_DATABASE_URL: '' });
  const code = await main(['restore', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

t.test('a backup taken while the app serves requests restores to identical row counts and sums', async (t) => {
  const { orm, config, dataDir, url } = await servedApp(t);
  const before = await facts(orm);
  let requests = 0;
  let serving = true;
  const load = (async () => {
    while (serving) {
      const res = await fetch(`${url}/login`);
      if (res.status === 200) requests++;
    }
  })();
  const out = join(tempDir(t, 'enishi-out-'), 'b.zip');
  const r = await createBackup(orm, config, out);
  serving = false;
  await load;
  t.ok(requests > 0, `the app answered ${requests} requests during the backup`);
  t.equal(r.manifest.tables.member, 3);
  t.ok(
    r.manifest.entries['files/uploads/members.csv'] && r.manifest.entries['files/templates/thanks.eta'],
    'uploads and templates are in the archive',
  );
  t.notOk(
    Object.keys(r.manifest.entries).some((n) => n.includes('backups/') || n.startsWith('files/enishi.sqlite3')),
    'not the live database file',
  );

  const target = tempDir(t, 'enishi-restore-');
  const res = await restoreCli(target, out);
  t.equal(res.code, 0, res.err);
  t.match(res.out, '復元しました');
  const restored = await openOrm(loadConfig({}, { dataDir: target, databaseUrl: '' }));
  t.teardown(() => restored.close(true));
  t.same(await facts(restored), before, 'counts and sums as in the live database');
  t.equal(readFileSync(join(target, 'templates', 'thanks.eta'), 'utf8'), '拝啓 <%= it.name %> 様');
  t.equal(
    readFileSync(join(target, 'uploads', 'members.csv'), 'utf8'),
    readFileSync(join(dataDir, 'uploads', 'members.csv'), 'utf8'),
  );
});

t.test('a backup during writes is a consistent snapshot: every payment with its allocations', async (t) => {
  const { orm, config } = await servedApp(t);
  const em = () => orm.em.fork() as EntityManager;
  const { issueInvoiceRun } = await import('../../src/dues/invoice-run.service.js');
  for (let i = 0; i < 30; i++)
    await addMember(em(), { familyName: '高橋', givenName: `次郎${i}`, familyKana: 'タカハシ', givenKana: 'ジロウ' });
  await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2027, issuedOn: '2027-04-01' }));
  const invoices = await em().find(Invoice, { fiscalYear: 2027 }, { orderBy: { id: 'asc' } });
  let writing = true;
  const writes = (async () => {
    for (const inv of invoices) {
      if (!writing) break;
      await asTest(() =>
        recordPayment(em(), {
          memberId: inv.member.id,
          receivedOn: '2027-04-10',
          amount: inv.amount,
          method: 'cash',
          allocations: [{ invoiceId: inv.id, amount: inv.amount }],
        }),
      );
    }
  })();
  const out = join(tempDir(t, 'enishi-out-'), 'w.zip');
  await createBackup(orm, config, out);
  writing = false;
  await writes;
  const target = tempDir(t, 'enishi-restore-');
  t.equal((await restoreCli(target, out)).code, 0);
  const restored = await openOrm(loadConfig({}, { dataDir: target, databaseUrl: '' }));
  t.teardown(() => restored.close(true));
  const f = await facts(restored);
  t.equal(f.invoiced_paid, f.allocated, 'invoice balances match the allocations in the copy');
  const paid = await restored.em.fork().count(Invoice, { status: 'paid', fiscalYear: 2027 });
  const [p] = await restored.em
    .fork()
    .execute<{ n: number }[]>(`select count(*) as n from payment where received_on = '2027-04-10'`);
  t.equal(paid, Number(p!.n), 'each copied payment settled its invoice, no half-written one');
});

t.test('restore refuses to overwrite without --force, and does with it', async (t) => {
  const { orm, config } = await servedApp(t);
  const out = join(tempDir(t, 'enishi-out-'), 'f.zip');
  await createBackup(orm, config, out);
  const target = tempDir(t, 'enishi-restore-');
  t.equal((await restoreCli(target, out)).code, 0);
  const again = await restoreCli(target, out);
  t.equal(again.code, 1);
  t.match(again.err, '--force');
  t.equal((await restoreCli(target, out, '--force')).code, 0);
});

t.test('a corrupt or truncated archive is refused with a clear message and nothing is written', async (t) => {
  const { orm, config } = await servedApp(t);
  const dir = tempDir(t, 'enishi-out-');
  const out = join(dir, 'ok.zip');
  await createBackup(orm, config, out);
  const bytes = readFileSync(out);
  const { manifest } = await unpackArchive(bytes);
  t.equal(manifest.format, 'enishi-backup');
  const cases: [string, Buffer, RegExp][] = [
    ['truncated to half', bytes.subarray(0, Math.floor(bytes.length / 2)), /ZIP として読めません|途中まで/],
    ['truncated by one byte', bytes.subarray(0, bytes.length - 1), /ZIP として読めません|途中まで/],
    [
      'a flipped byte inside the database',
      Buffer.from(bytes).fill(0x55, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 16),
      /チェックサム|読めません|壊れて/,
    ],
    ['not a zip at all', Buffer.from('会員番号,氏名\r\n'), /ZIP として読めません/],
  ];
  for (const [name, b, msg] of cases) {
    const file = join(dir, 'bad.zip');
    writeFileSync(file, b);
    const target = tempDir(t, 'enishi-restore-');
    const res = await restoreCli(target, file);
    t.equal(res.code, 1, name);
    t.match(res.err, msg, `${name}: ${res.err}`);
    t.notOk(existsSync(join(target, 'enishi.sqlite3')), `${name}: no database written`);
    t.notOk(existsSync(join(target, 'templates')), `${name}: no files written`);
  }
  t.match((await restoreCli(tempDir(t, 'enishi-restore-'), join(dir, 'missing.zip'))).err, '読めません');
});

t.test(
  'backups in the data dir: newest first, the oldest pruned past the setting; the admin page lists, downloads and runs one',
  async (t) => {
    const { app, orm, config } = await servedApp(t);
    for (const h of [1, 2, 3]) await backupNow(orm, config, 10, new Date(`2026-12-0${h}T03:00:00+09:00`));
    t.same(
      listBackups(config.dataDir).map((b) => b.name),
      ['enishi-20261203-030000.zip', 'enishi-20261202-030000.zip', 'enishi-20261201-030000.zip'],
    );
    t.same(pruneBackups(config.dataDir, 2), ['enishi-20261201-030000.zip']);
    const admin = await loggedIn(app, 'admin');
    const page = await admin.get('/admin/backups');
    t.match(page.body, 'enishi-20261203-030000.zip');
    const file = await admin.get('/admin/backups/enishi-20261203-030000.zip');
    t.equal(file.statusCode, 200);
    t.equal((await unpackArchive(file.rawPayload)).manifest.tables.member, 3);
    t.equal((await admin.get('/admin/backups/..%2Fenishi.sqlite3')).statusCode, 404);
    const run = await admin.post('/admin/backups');
    t.equal(run.statusCode, 303);
    t.equal(listBackups(config.dataDir).length, 3);
    const staff = await loggedIn(app, 'staff');
    t.equal((await staff.get('/admin/backups')).statusCode, 403);
  },
);

t.test('enishi backup --out writes an archive; without --out it exits 2', async (t) => {
  const dataDir = tempDir(t, 'enishi-cli-backup-');
  const { main } = await import('../../src/cli.js');
  const io = captureIO({ ENISHI_DATA_DIR: dataDir, ENISHI_DATABASE_URL: '' });
  t.equal(await main(['backup'], io), 2);
  const out = join(dataDir, 'x.zip');
  t.equal(await main(['backup', '--out', out], io), 0, io.stderr.join('\n'));
  t.match(io.stdout.join('\n'), 'バックアップを作成しました');
  t.ok((await unpackArchive(readFileSync(out))).manifest.tables.mikro_orm_migrations > 0);
});
