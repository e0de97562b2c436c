import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { DriverException } from '@mikro-orm/core';
import { loadConfig } from '../../src/config.js';
import { KEPT_STATEMENTS, readRows } from '../../src/db/sqlite-direct.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { seedDefaults } from '../../src/seed.js';
import { statements, testDatabase } from '../helper.js';
import type { EntityManager } from '../../src/db/orm.js';

const TYPES = 'select id, name from member_type where id in (?, ?, ?) order by id';

t.test('a hot read returns what em.execute returns, and sees a write made just before it', async (t) => {
  const { orm } = await testDatabase(t);
  const em = () => orm.em.fork() as EntityManager;
  await seedDefaults(em());
  const direct = await readRows(em(), TYPES, [1, 2, 3]);
  t.same(direct, await em().execute(TYPES, [1, 2, 3]));
  t.equal(direct.length, 3);
  await em().execute(`update member_type set name = '普通会員' where id = 1`);
  const again = await readRows<{ name: string }>(em(), TYPES, [1, 2, 3]);
  t.equal(again[0]!.name, '普通会員', 'the same statement run again reads the new value');
  t.same(
    (await readRows<{ id: number }>(em(), TYPES, [3, 2, 99])).map((r) => Number(r.id)),
    [2, 3],
    'with the new parameters',
  );
});

t.test('a hot read that SQLite cannot prepare fails like em.execute, and the next read works', async (t) => {
  const { orm } = await testDatabase(t);
  const em = () => orm.em.fork() as EntityManager;
  await seedDefaults(em());
  for (let n = 0; n < 2; n++) {
    const err = await readRows(em(), 'select nope from member_type where id = ?', [1]).catch((e: unknown) => e);
    t.ok(err instanceof DriverException, `refused as a driver error (${(err as Error).message})`);
  }
  t.equal((await readRows(em(), TYPES, [1, 2, 3])).length, 3);
});

t.test('a hot read is still announced to knex query listeners (debug logs and statement counts)', async (t) => {
  const { orm } = await testDatabase(t);
  await seedDefaults(orm.em.fork() as EntityManager);
  const seen = await statements({ orm } as never, () => readRows(orm.em.fork() as EntityManager, TYPES, [1, 2, 3]));
  t.equal(seen.length, 1);
  t.match(seen[0], 'from member_type');
});

t.test('a SQLite database closes cleanly after more distinct hot reads than are kept prepared', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-direct-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({}, { dataDir, databaseUrl: '', secret: 'test', logLevel: 'silent' });
  const orm = await openOrm(config);
  await seedDefaults(orm.em.fork() as EntityManager);
  for (let n = 0; n < KEPT_STATEMENTS + 8; n++) {
    const rows = await readRows<{ n: number }>(
      orm.em.fork() as EntityManager,
      `select ${n} as n, count(*) as c from member_type`,
      [],
    );
    t.equal(Number(rows[0]!.n), n);
  }
  const wal = join(dataDir, 'enishi.sqlite3-wal');
  t.ok(existsSync(wal), 'the database is open in WAL mode');
  await orm.close();
  // SQLite refuses to close a connection with a statement still open; a clean close removes the WAL file.
  t.notOk(existsSync(wal), 'the connection really closed: no statement left open blocked it');
  const reopened = await openOrm(config);
  t.equal((await readRows(reopened.em.fork() as EntityManager, TYPES, [1, 2, 3])).length, 3, 'and opens again');
  await reopened.close();
});
