import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openSeededOrm } from '../../src/seed.js';
import { loggedIn } from '../helper.js';

const run = (db: sqlite3.Database, sql: string) =>
  new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));

t.test(
  'a web write that meets another writer holding the lock answers 503 with Retry-After, not a system error',
  async (t) => {
    if (process.env.ENISHI_TEST_DATABASE_URL) return t.pass('SQLite file locking only');
    const dataDir = mkdtempSync(join(tmpdir(), 'enishi-lock-'));
    t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
    const config = loadConfig(
      {},
      { dataDir, databaseUrl: '', secret: 'test-' + randomBytes(8).toString('hex'), logLevel: 'silent' },
    );
    const orm = await openSeededOrm(config);
    t.teardown(() => orm.close(true));
    const app = await buildApp(config, { orm, logger: false });
    await app.ready();
    t.teardown(() => app.close());
    const admin = await loggedIn(app, 'admin');

    // A second connection (a long CLI import) holds the write lock.
    const other = new sqlite3.Database(join(dataDir, 'enishi.sqlite3'));
    t.teardown(() => new Promise<void>((r) => other.close(() => r())));
    await run(other, 'begin immediate');
    const form = { name: '家族会員', annualFee: '2000', sortOrder: '5' };
    const locked = await admin.post('/member-types', form);
    t.equal(locked.statusCode, 503);
    t.equal(locked.headers['retry-after'], '5');
    t.match(locked.body, 'しばらくしてからもう一度お試しください');
    t.notMatch(locked.body, 'システムエラー');

    await run(other, 'rollback');
    const again = await admin.post('/member-types', form);
    t.equal(again.statusCode, 303, 'once the lock is gone the same form saves');
  },
);
