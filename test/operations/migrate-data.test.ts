import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { importStatement } from '../../src/banking/bank-import.service.js';
import { loadConfig } from '../../src/config.js';
import { withActor } from '../../src/db/actor.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { Member } from '../../src/members/member.entity.js';
import { MemberType } from '../../src/members/member-type.entity.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { dependencyOrder } from '../../src/operations/migrate-data.js';
import { seedDefaults } from '../../src/seed.js';
import { insertMembers } from '../bench/data.js';
import { captureIO, createScratchPg } from '../helper.js';

const PG = process.env.ENISHI_TEST_DATABASE_URL || 'postgresql://enishi_ci:enishi_ci@127.0.0.1:5432/enishi_ci';

async function pgAnswers(): Promise<boolean> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** A SQLite installation with members, an invoice run and an imported, partly matched statement. */
async function sqliteInstallation(t: { teardown(fn: () => unknown): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-migrate-data-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const orm = await openOrm(loadConfig({}, { dataDir: dir, databaseUrl: '', logLevel: 'silent', secret: 'x' }));
  t.teardown(() => orm.close(true));
  await withActor({ staffId: null, name: 'test' }, async () => {
    await seedDefaults(orm.em.fork());
    await insertMembers(orm.em.fork(), 300);
    await issueInvoiceRun(orm.em.fork(), { fiscalYear: 2026 });
    const lines = ['"日付","摘要","お引出し","お預入れ","残高"'];
    for (let i = 1; i <= 120; i++)
      lines.push(`"2026/5/${1 + (i % 28)}","振込 ${i}ｻﾄｳ ﾀﾛｳ","","${i % 3 ? '5,000' : '3,000'}","0"`);
    await importStatement(orm.em.fork(), { bytes: encodeCp932(lines.join('\r\n') + '\r\n'), fileName: 's.csv' });
  });
  const counts = async (o: typeof orm, tables: string[]) => {
    const out: Record<string, number> = {};
    for (const name of tables) {
      const [r] = await o.em.getConnection().execute<{ n: number }[]>(`select count(*) as n from "${name}"`);
      out[name] = Number(r!.n);
    }
    return out;
  };
  return { dir, orm, counts };
}

async function run(env: NodeJS.ProcessEnv, ...args: string[]) {
  const { main } = await import('../../src/cli.js');
  const io = captureIO(env);
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

t.test('tables are copied parents first', async (t) => {
  const order = dependencyOrder([
    { name: 'allocation', parents: ['payment', 'invoice'] },
    { name: 'invoice', parents: ['member'] },
    { name: 'payment', parents: ['member'] },
    { name: 'member', parents: ['member_type'] },
    { name: 'member_type', parents: [] },
  ]).map((x) => x.name);
  t.same(order, ['member_type', 'member', 'payment', 'invoice', 'allocation']);
  t.throws(
    () =>
      dependencyOrder([
        { name: 'a', parents: ['b'] },
        { name: 'b', parents: ['a'] },
      ]),
    /cycle/,
  );
});

t.test('migrate-data copies a SQLite installation into an empty PostgreSQL database and verifies it', async (t) => {
  if (!(await pgAnswers())) return t.pass('skipped: no PostgreSQL answers at ' + new URL(PG).host);
  const src = await sqliteInstallation(t);
  const url = await createScratchPg(PG, t);
  const env = { ENISHI_DATA_DIR: src.dir, ENISHI_DATABASE_URL: '' };

  const r = await run(env, 'migrate-data', '--to', url, '--json');
  t.equal(r.code, 0, `the move succeeds ${r.err}`);
  const report = JSON.parse(r.out) as { tables: { table: string; rows: number; sums: Record<string, number> }[] };
  const byTable = Object.fromEntries(report.tables.map((x) => [x.table, x]));
  t.equal(byTable.member?.rows, 300, 'the report counts the members');
  t.equal(byTable.invoice?.rows, 300, 'and the invoices');
  t.ok((byTable.bank_transaction?.rows ?? 0) === 120, 'and the statement lines');
  t.equal(byTable.invoice?.sums.amount, 300 * 5000, 'and sums the money of the invoices');

  const target = await openOrm(loadConfig({}, { dataDir: src.dir, databaseUrl: url, logLevel: 'silent', secret: 'x' }));
  t.teardown(() => target.close(true));
  const tables = report.tables.map((x) => x.table);
  t.same(await src.counts(target, tables), await src.counts(src.orm, tables), 'every table holds the same rows');
  for (const x of report.tables) {
    for (const [c, s] of Object.entries(x.sums)) {
      const [row] = await target.em
        .getConnection()
        .execute<{ s: number }[]>(`select coalesce(sum("${c}"), 0) as s from "${x.table}"`);
      t.equal(Number(row!.s), s, `${x.table}.${c} sums the same on PostgreSQL`);
    }
  }
  const a = await src.orm.em.fork().findOneOrFail(Member, { memberNo: 7 });
  const b = await target.em.fork().findOneOrFail(Member, { memberNo: 7 });
  t.same(
    [b.familyName, b.addressUnknown, b.joinedOn, b.createdAt.toISOString()],
    [a.familyName, a.addressUnknown, a.joinedOn, a.createdAt.toISOString()],
    'a member reads back the same: text, boolean, date and time',
  );
  const em = target.em.fork();
  await withActor({ staffId: null, name: 'test' }, async () => {
    em.create(MemberType, { name: '移行後の種別', annualFee: 1000, sortOrder: 99 });
    await em.flush();
  });
  t.pass('a new row takes the next id after the copied ones');

  const again = await run(env, 'migrate-data', '--to', url);
  t.equal(again.code, 1, 'a second move into the now-filled database is refused');
  t.match(again.err, /^エラー: 移行先のデータベースは空ではありません/, 'saying the target is not empty');
  t.equal(again.err.split('\n').length, 1, 'in one line');
  t.same(await src.counts(target, ['member']), { member: 300 }, 'and nothing was added');
});

t.test('migrate-data refuses a missing or non-PostgreSQL target and an unreachable server with one line', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-migrate-data-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ENISHI_DATA_DIR: dir, ENISHI_DATABASE_URL: '' };
  const none = await run(env, 'migrate-data');
  t.equal(none.code, 2, 'no --to is a usage error');
  t.match(none.err, /--to に移行先の PostgreSQL/);
  const mysql = await run(env, 'migrate-data', '--to', 'mysql://x@localhost/db');
  t.equal(mysql.code, 2, 'a URL that is not PostgreSQL is refused');
  t.match(mysql.err, /postgresql:\/\/ で始まる URL/);
  const down = await run(env, 'migrate-data', '--to', 'postgresql://nobody:x@127.0.0.1:1/none');
  t.equal(down.code, 1, 'an unreachable server is an error');
  t.match(down.err, /^エラー: 移行先の PostgreSQL に接続できません/, 'said in Japanese');
  t.equal(down.err.split('\n').length, 1, 'in one line');
  const fromPg = await run({ ...env, ENISHI_DATABASE_URL: 'postgresql://x@127.0.0.1:1/y' }, 'migrate-data', '--to', PG);
  t.equal(fromPg.code, 1, 'an installation already on PostgreSQL is not a source');
  t.match(fromPg.err, /移行元は SQLite/);
});
