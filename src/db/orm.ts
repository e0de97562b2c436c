import { MikroORM, type EntitySchema, type EventSubscriber, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/knex';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { join } from 'node:path';
import { migrationsList } from '../../migrations/index.js';
import { ensureDataDir, type Config } from '../config.js';

export type EntityManager = SqlEntityManager;
export type Orm = MikroORM<AbstractSqlDriver>;
type DbConfig = Pick<Config, 'databaseUrl' | 'dataDir'>;

/** What the app puts into the ORM: every entity and subscriber (listed at the top, in src/mikro-orm.config.ts). */
export interface OrmWiring {
  // biome-ignore lint/suspicious/noExplicitAny: one list holds schemas of every entity type
  entities: EntitySchema<any, any>[];
  subscribers: EventSubscriber[];
}

/** Opens the app's database; the top level binds the wiring, so lower layers receive this function. */
export type OrmOpener = (config: DbConfig, opts?: { migrate?: boolean }) => Promise<Orm>;

export function isPostgres(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function ormOptions(config: DbConfig, wiring: OrmWiring, debug = false): Options {
  const common = {
    entities: wiring.entities,
    extensions: [Migrator],
    subscribers: wiring.subscribers,
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
export async function openDatabase(
  config: DbConfig,
  wiring: OrmWiring,
  opts: { migrate?: boolean } = {},
): Promise<Orm> {
  const options = ormOptions(config, wiring);
  const orm = (await MikroORM.init(options)) as unknown as Orm;
  try {
    if (!isPostgres(config.databaseUrl)) {
      const conn = orm.em.getConnection();
      // WAL lets the web app read while a batch writes; busy_timeout waits instead of failing on a lock.
      if (config.databaseUrl !== ':memory:') await conn.execute('pragma journal_mode = WAL');
      await conn.execute('pragma busy_timeout = 5000');
      await conn.execute('pragma foreign_keys = ON');
    }
    if (opts.migrate !== false) await orm.getMigrator().up();
  } catch (err) {
    await orm.close(true).catch(() => undefined);
    // A disk with room for the data dir's probe file but not for the database (its WAL files, a
    // migration) fails here: one clear line instead of SQL text and SQLITE_IOERR.
    throw databaseStartError(err, String(options.dbName));
  }
  return orm;
}

/** An error met while opening or migrating: a SQLite file error becomes its one clear line. */
export function databaseStartError(err: unknown, file: string): unknown {
  const code = sqliteFileErrorCode(err);
  return code ? new Error(databaseFileMessage(file, code)) : err;
}

const SQLITE_FILE_ERRORS = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'];

function sqliteFileErrorCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown; message?: unknown } | undefined; e; e = e.cause as typeof e) {
    const code = SQLITE_FILE_ERRORS.find(
      (c) => String(e?.code ?? '') === c || String(e?.message ?? '').includes(`${c}:`),
    );
    if (code) return code;
  }
  return null;
}

/** The one line shown when the SQLite file cannot be written at start (full disk, read-only file …). */
export function databaseFileMessage(file: string, code: string): string {
  const why =
    code === 'SQLITE_FULL' || code === 'SQLITE_IOERR'
      ? 'ディスクの空きが足りないか、読み書きできません'
      : code === 'SQLITE_READONLY'
        ? '書き込みが許可されていません'
        : '開けません';
  return `データベース ${file} を使えません: ${why}（${code}）。空きを作るか、ENISHI_DATA_DIR で書き込めるフォルダを指定してから起動してください。`;
}

export function emOf(orm: Orm): EntityManager {
  return orm.em.fork();
}
