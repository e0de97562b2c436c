import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/knex';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { join } from 'node:path';
import { migrationsList } from '../../migrations/index.js';
import { AuditSubscriber } from '../audit/audit.subscriber.js';
import { ensureDataDir, type Config } from '../config.js';
import { entities } from './entities.js';

export type EntityManager = SqlEntityManager;
export type Orm = MikroORM<AbstractSqlDriver>;

export function isPostgres(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function ormOptions(config: Pick<Config, 'databaseUrl' | 'dataDir'>, debug = false): Options {
  const common = {
    entities,
    extensions: [Migrator],
    subscribers: [new AuditSubscriber()],
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, silent: true },
    debug,
    forceUtcTimezone: true,
    allowGlobalContext: false,
  } satisfies Partial<Options>;
  if (isPostgres(config.databaseUrl)) {
    return { ...common, driver: PostgreSqlDriver, clientUrl: config.databaseUrl } as Options;
  }
  let dbName = config.databaseUrl;
  if (!dbName) {
    ensureDataDir(config.dataDir);
    dbName = join(config.dataDir, 'enishi.sqlite3');
  }
  return { ...common, driver: SqliteDriver, dbName } as Options;
}

/** Opens the database and brings its schema up to date (migrations are idempotent). */
export async function openOrm(config: Pick<Config, 'databaseUrl' | 'dataDir'>, opts: { migrate?: boolean } = {}): Promise<Orm> {
  const orm = (await MikroORM.init(ormOptions(config))) as unknown as Orm;
  if (!isPostgres(config.databaseUrl)) {
    const conn = orm.em.getConnection();
    // WAL lets the web app read while a batch writes; busy_timeout waits instead of failing on a lock.
    if (config.databaseUrl !== ':memory:') await conn.execute('pragma journal_mode = WAL');
    await conn.execute('pragma busy_timeout = 5000');
    await conn.execute('pragma foreign_keys = ON');
  }
  if (opts.migrate !== false) await orm.getMigrator().up();
  return orm;
}

export function emOf(orm: Orm): EntityManager {
  return orm.em.fork();
}
