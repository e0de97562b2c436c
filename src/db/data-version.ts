import type { EntityManager } from './orm.js';
import { onPostgres } from './write-lock.js';

/**
 * A string that changes whenever any data of the database may have changed, in one cheap query.
 * SQLite (the app holds one connection): total_changes() counts the rows this connection wrote,
 * data_version moves when another process (a CLI job, a restore, the web) commits. PostgreSQL: the
 * current snapshot (xmin:xmax:in-progress ids) moves whenever a writing transaction starts or ends.
 */
export async function dataVersion(em: EntityManager): Promise<string> {
  if (onPostgres(em)) {
    const [r] = await em.execute<{ v: string }[]>('select txid_current_snapshot()::text as v');
    return String(r?.v);
  }
  const [r] = await em.execute<{ c: number; v: number }[]>(
    'select total_changes() as c, data_version as v from pragma_data_version',
  );
  return `${r?.c}:${r?.v}`;
}

/**
 * Versions that follow chosen tables only, so a cache of figures that never read the change log,
 * sessions or contact notes is not thrown away by every login or note. except(ignore) moves with
 * a write to any table not in `ignore`; of(tables) only with a write to one of `tables`.
 * On SQLite every statement this process sends is seen (writeTarget below) and counted per table;
 * a statement that cannot be read counts for every table, and data_version (in both) still moves
 * with any commit by another process, which may have written anything. PostgreSQL keeps the
 * whole-database snapshot for both: its writers are many connections, not one.
 */
export async function writeVersions(
  em: EntityManager,
): Promise<{ except(ignore: readonly string[]): string; of(tables: readonly string[]): string }> {
  if (onPostgres(em)) {
    const v = await dataVersion(em);
    return { except: () => v, of: () => v };
  }
  const live = tracked(em);
  // Counted before the query: a write that lands while it runs moves the next version, not this one.
  const counts = { total: live.total, unknown: live.unknown, byTable: new Map(live.byTable) };
  const [r] = await em.execute<{ v: number }[]>('select data_version as v from pragma_data_version');
  return {
    except(ignore) {
      let seen = counts.total;
      for (const t of ignore) seen -= counts.byTable.get(t) ?? 0;
      return `${r?.v}:${seen}`;
    },
    of(tables) {
      return `${r?.v}:${counts.unknown}:${tables.map((t) => counts.byTable.get(t) ?? 0).join('.')}`;
    },
  };
}

/**
 * Without a query: a string that moves with every write this process sends to one of `tables`
 * (or a statement that cannot be read). Blind to other processes: callers bound how long they
 * trust it. SQLite only; null on PostgreSQL (many connections, and schema-qualified names).
 */
export function localWrites(em: EntityManager, tables: readonly string[]): string | null {
  if (onPostgres(em)) return null;
  const counts = tracked(em);
  return `${counts.unknown}:${tables.map((t) => counts.byTable.get(t) ?? 0).join('.')}`;
}

interface WriteCounts {
  /** Every write statement, including unreadable ones. */
  total: number;
  /** Statements whose table could not be read (they may have written any). */
  unknown: number;
  byTable: Map<string, number>;
}
const counters = new WeakMap<object, WriteCounts>();

function tracked(em: EntityManager): WriteCounts {
  const knex = em.getKnex();
  let counts = counters.get(knex.client);
  if (counts) return counts;
  const made: WriteCounts = { total: 0, unknown: 0, byTable: new Map() };
  counts = made;
  counters.set(knex.client, made);
  // Fired for every statement, in a transaction or not, before SQLite runs it: with one
  // connection no read can run between this count and the write it announces.
  knex.on('query', (q: { sql?: string }) => count(made, q.sql ?? ''));
  return made;
}

function count(made: WriteCounts, sql: string): void {
  const target = writeTarget(sql);
  if (target === null || target === 'mikro_orm_migrations') return;
  made.total++;
  if (target === '*') made.unknown++;
  else made.byTable.set(target, (made.byTable.get(target) ?? 0) + 1);
}

/**
 * For a statement sent to the SQLite connection past knex (batch-write's bound statements):
 * counted like every statement knex sends, before it is sent.
 */
export function countStatement(em: EntityManager, sql: string): void {
  count(tracked(em), sql);
}

const READS = /^\s*(?:select|pragma|begin|commit|rollback|savepoint|release|explain)\b/i;
const WRITES =
  /^\s*(?:(?:insert|replace)(?:\s+or\s+\w+)?\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+[`"]?(\w+)[`"]?(?:\s|\(|$)/i;

/**
 * The table a statement writes: null for a read (or transaction control), '*' for anything else
 * that is not a plain INSERT/UPDATE/DELETE of one named table (a CTE, DDL …): it counts for all.
 */
export function writeTarget(sql: string): string | null {
  if (READS.test(sql)) return null;
  const m = WRITES.exec(sql);
  return m ? m[1]!.toLowerCase() : '*';
}
