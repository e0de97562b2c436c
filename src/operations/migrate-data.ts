import type { Knex } from 'knex';
import type { Orm } from '../db/orm.js';
import { MIGRATE_DATA_TEXT as T } from './ui-text.js';

/** One table as copied: its rows and, per money column, the yen summed on both sides. */
export interface TableReport {
  table: string;
  rows: number;
  sums: Record<string, number>;
}

export class MigrateDataError extends Error {}

/** Money columns (integer yen) whose sums are compared after the copy. */
const MONEY = /(^|_)(amount|fee|yen|price|balance|total)$/;
/** Kept by the migrator itself on the target; never copied. */
const SKIP = new Set(['mikro_orm_migrations']);
const CHUNK = 500;

interface SourceTable {
  name: string;
  columns: { name: string; type: string }[];
  parents: string[];
}

async function sourceTables(src: Knex): Promise<SourceTable[]> {
  const names = (
    await src.raw<{ name: string }[]>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
  )
    .map((r) => r.name)
    .filter((n) => !SKIP.has(n));
  const out: SourceTable[] = [];
  for (const name of names) {
    const columns = (await src.raw<{ name: string; type: string }[]>(`pragma table_info("${name}")`)).map((c) => ({
      name: c.name,
      type: c.type.toLowerCase(),
    }));
    const fks = await src.raw<{ table: string }[]>(`pragma foreign_key_list("${name}")`);
    out.push({ name, columns, parents: [...new Set(fks.map((f) => f.table))].filter((p) => p !== name) });
  }
  return out;
}

/** Parents before children; a cycle (none today) is reported rather than guessed around. */
export function dependencyOrder<X extends { name: string; parents: string[] }>(tables: X[]): X[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: X[] = [];
  const visit = (t: X) => {
    if (done.has(t.name)) return;
    if (visiting.has(t.name)) throw new MigrateDataError(`foreign keys form a cycle at ${t.name}`);
    visiting.add(t.name);
    for (const p of t.parents) {
      const parent = byName.get(p);
      if (parent) visit(parent);
    }
    visiting.delete(t.name);
    done.add(t.name);
    order.push(t);
  };
  for (const t of tables) visit(t);
  return order;
}

/** A SQLite value as PostgreSQL's column takes it (0/1 booleans, epoch-millisecond datetimes). */
function convert(value: unknown, pgType: string): unknown {
  if (value === null || value === undefined) return null;
  if (pgType === 'boolean') return value === 1 || value === '1' || value === true || value === 'true';
  if (pgType.startsWith('timestamp') && typeof value === 'number') return new Date(value);
  if (pgType.startsWith('timestamp') && typeof value === 'string' && /^\d+$/.test(value))
    return new Date(Number(value));
  return value;
}

async function countAndSums(db: Knex | Knex.Transaction, table: string, money: string[]) {
  const select = ['count(*) as n', ...money.map((c, i) => `coalesce(sum("${c}"), 0) as s${i}`)].join(', ');
  const rows = (await db.raw(`select ${select} from "${table}"`)) as unknown;
  // SQLite's knex returns rows; PostgreSQL's a result with .rows.
  const row = (Array.isArray(rows) ? rows[0] : (rows as { rows: Record<string, unknown>[] }).rows[0]) as Record<
    string,
    unknown
  >;
  return {
    rows: Number(row.n),
    sums: Object.fromEntries(money.map((c, i) => [c, Number(row[`s${i}`])])),
  };
}

/** The Enishi tables on the target that already hold rows (any one of them refuses the move). */
async function nonEmptyTables(dst: Knex, names: string[]): Promise<string[]> {
  const present = new Set(
    (
      await dst.raw<{ rows: { table_name: string }[] }>(
        "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
      )
    ).rows.map((r) => r.table_name),
  );
  const full: string[] = [];
  for (const n of names.filter((x) => present.has(x))) {
    const r = await dst.raw<{ rows: unknown[] }>(`select 1 from "${n}" limit 1`);
    if (r.rows.length) full.push(n);
  }
  return full;
}

/**
 * Copies the SQLite installation `source` into the empty PostgreSQL database of `target`
 * (opened without migrating), in one transaction: the migrations, every table parents first,
 * the id sequences set past the copied ids, then counts and money sums compared per table.
 * Any difference or error rolls the whole move back; the source is only read.
 */
export async function migrateData(source: Orm, target: Orm): Promise<TableReport[]> {
  const src = source.em.getKnex();
  const dst = target.em.getKnex();
  const tables = dependencyOrder(await sourceTables(src));
  const full = await nonEmptyTables(
    dst,
    tables.map((t) => t.name),
  );
  if (full.length) throw new MigrateDataError(T.notEmpty(full));

  return target.em.getConnection().transactional(async (trx) => {
    await target.getMigrator().up({ transaction: trx });
    const reports: TableReport[] = [];
    for (const table of tables) {
      try {
        reports.push(await copyTable(table));
      } catch (err) {
        if (err instanceof MigrateDataError) throw err;
        throw new MigrateDataError(T.copyFailed(table.name, shortReason(err)));
      }
    }
    return reports;

    async function copyTable(table: SourceTable): Promise<TableReport> {
      const pgColumns = new Map(
        (
          await trx.raw<{ rows: { column_name: string; data_type: string }[] }>(
            'select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = ?',
            [table.name],
          )
        ).rows.map((c) => [c.column_name, c.data_type]),
      );
      if (!pgColumns.size) throw new MigrateDataError(T.missingColumn(table.name, '*'));
      for (const c of table.columns) {
        if (!pgColumns.has(c.name)) throw new MigrateDataError(T.missingColumn(table.name, c.name));
      }
      const names = table.columns.map((c) => c.name);
      const hasId = names.includes('id');
      for (let offset = 0; ; offset += CHUNK) {
        const q = src.select('*').from(table.name).limit(CHUNK).offset(offset);
        const rows = (await (hasId ? q.orderBy('id') : q.orderByRaw('rowid'))) as Record<string, unknown>[];
        if (!rows.length) break;
        const converted = rows.map((r) => Object.fromEntries(names.map((n) => [n, convert(r[n], pgColumns.get(n)!)])));
        await trx.insert(converted).into(table.name);
        if (rows.length < CHUNK) break;
      }
      if (hasId) {
        const seq = (
          await trx.raw<{ rows: { s: string | null }[] }>('select pg_get_serial_sequence(?, ?) as s', [
            table.name,
            'id',
          ])
        ).rows[0]?.s;
        if (seq) {
          await trx.raw(`select setval(?, coalesce((select max(id) from "${table.name}"), 0) + 1, false)`, [seq]);
        }
      }
      const money = table.columns
        .filter((c) => MONEY.test(c.name) && /int|num|real/.test(c.type) && !/count/.test(c.name))
        .map((c) => c.name);
      const from = await countAndSums(src, table.name, money);
      const to = await countAndSums(trx, table.name, money);
      if (from.rows !== to.rows) throw new MigrateDataError(T.mismatch(table.name, T.rows, from.rows, to.rows));
      for (const c of money) {
        if (from.sums[c] !== to.sums[c])
          throw new MigrateDataError(T.mismatch(table.name, T.sum(c), from.sums[c]!, to.sums[c]!));
      }
      return { table: table.name, rows: from.rows, sums: from.sums };
    }
  });
}

/** The database's own reason, without the statement (which would hold a member's data). */
function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const tail = message.split(' - ').pop() ?? message;
  return tail.split('\n')[0]!.slice(0, 200);
}
