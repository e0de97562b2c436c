import type { EntityManager } from './orm.js';
import { onPostgres } from './write-lock.js';

type Row = Record<string, unknown>;

/** The part of a node-sqlite3 connection the direct paths use. */
export interface SqliteConnection {
  all(sql: string, params: unknown[], done: (err: Error | null, rows: Row[]) => void): void;
}

/** A driver error as the ORM converts it (unique violation, lock wait …). */
export function convertError(em: EntityManager, err: unknown): Error {
  return em
    .getPlatform()
    .getExceptionConverter()
    .convertException(err as Error);
}

/** One statement on a SQLite connection itself, its parameters bound; sent before this returns. */
export function allOn(em: EntityManager, conn: SqliteConnection, sql: string, params: unknown[]): Promise<Row[]> {
  return new Promise<Row[]>((resolve, reject) =>
    conn.all(sql, params, (err, rows) => (err ? reject(convertError(em, err)) : resolve(rows))),
  );
}

interface SqliteStatement {
  all(params: unknown[], done: (err: Error | null, rows: Row[]) => void): void;
  finalize(done?: () => void): void;
}

interface SqliteDatabase extends SqliteConnection {
  prepare(sql: string, done: (err: Error | null) => void): SqliteStatement;
  close(done?: (err: Error | null) => void): void;
}

/** Prepared statements kept per connection, most recently used last. */
const statements = new WeakMap<object, Map<string, SqliteStatement>>();
export const KEPT_STATEMENTS = 32;

/**
 * Keeps the connection's prepared statements, and finalizes them when it closes: SQLite refuses
 * to close a connection with statements still open.
 */
function statementsOf(db: SqliteDatabase): Map<string, SqliteStatement> {
  const known = statements.get(db);
  if (known) return known;
  const kept = new Map<string, SqliteStatement>();
  statements.set(db, kept);
  const close = db.close.bind(db);
  db.close = (done) => {
    const open = [...kept.values()];
    kept.clear();
    if (!open.length) return close(done);
    let left = open.length;
    for (const st of open) st.finalize(() => --left === 0 && close(done));
  };
  return kept;
}

/** A statement on the connection, prepared once and run again with new parameters. */
async function allPrepared(em: EntityManager, db: SqliteDatabase, sql: string, params: unknown[]): Promise<Row[]> {
  const kept = statementsOf(db);
  let st = kept.get(sql);
  if (st) kept.delete(sql);
  else {
    // The first use waits for the preparation: a statement that fails to prepare never runs (its
    // runs would not be answered), so the error is taken from here and nothing is kept.
    let failed: Error | null = null;
    const fresh = await new Promise<SqliteStatement>((resolve) => {
      const made = db.prepare(sql, (err) => {
        failed = err;
        resolve(made);
      });
    });
    if (failed) throw convertError(em, failed);
    st = fresh;
  }
  kept.set(sql, st);
  if (kept.size > KEPT_STATEMENTS) {
    const [oldest, old] = kept.entries().next().value!;
    kept.delete(oldest);
    old.finalize();
  }
  const used = st;
  return new Promise<Row[]>((resolve, reject) =>
    used.all(params, (err, rows) => {
      if (!err) return resolve(rows);
      if (kept.get(sql) === used) kept.delete(sql);
      used.finalize();
      reject(convertError(em, err));
    }),
  );
}

interface PoolClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(conn: unknown): Promise<unknown>;
  emit(event: 'query', query: { method: string; sql: string; bindings: unknown[] }): boolean;
}

/**
 * A read of plain rows for a page on the hot path (the member list). On SQLite, outside a
 * transaction, the statement goes to the pool's connection itself, taken and given back as knex
 * takes it (so it never runs inside another request's transaction), past the query builder and
 * the ORM's query wrapper, and prepared once (the statement is kept with the connection and run
 * again with the next page's ids): preparing a 20-column query is a fifth of running it.
 * In a transaction and on PostgreSQL: em.execute. Reads only: a write would bypass the
 * per-table write counts (data-version).
 */
export async function readRows<T extends Row = Row>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (onPostgres(em) || em.getTransactionContext()) return em.execute<T[]>(sql, params);
  const client = em.getConnection().getKnex().client as Partial<PoolClient>;
  if (typeof client.acquireConnection !== 'function' || typeof client.releaseConnection !== 'function')
    return em.execute<T[]>(sql, params);
  const db = (await client.acquireConnection()) as Partial<SqliteDatabase>;
  if (typeof db.all !== 'function' || typeof db.prepare !== 'function') {
    // Not node-sqlite3: given back first (the pool has one connection), then the ORM's way.
    await client.releaseConnection(db);
    return em.execute<T[]>(sql, params);
  }
  try {
    // Still announced as knex announces its statements (its 'query' listeners: debug logs, statement counts).
    client.emit?.('query', { method: 'raw', sql, bindings: params });
    return (await allPrepared(em, db as SqliteDatabase, sql, params)) as T[];
  } finally {
    await client.releaseConnection(db);
  }
}
