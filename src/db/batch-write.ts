import { countStatement } from './data-version.js';
import { onPostgres } from './write-lock.js';
import { JsonType, Utils, type EntityMetadata, type EntityName, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from './orm.js';

/** Rows per statement: well under SQLite's 32,766 bound variables, and a flat memory profile. */
export const BATCH_ROWS = 500;

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: any entity's schema or class
type AnyEntity = EntityName<any>;

/** One written row as the audit trail sees it: values by property name, like an ORM change set. */
export interface BatchChange {
  id: number;
  /** null for an insert. */
  before: Row | null;
  after: Row;
}

/** Writes the audit rows of a batch; registered by audit/ (db/ imports nothing above it). */
export type BatchAuditHook = (
  em: EntityManager,
  meta: EntityMetadata,
  kind: 'create' | 'update',
  changes: BatchChange[],
) => Promise<void>;

let auditHook: BatchAuditHook | null = null;

export function setBatchAuditHook(hook: BatchAuditHook): void {
  auditHook = hook;
}

async function audit(em: EntityManager, meta: EntityMetadata, kind: 'create' | 'update', changes: BatchChange[]) {
  // Refuse rather than write an unaudited change: every change to a record is audited.
  if (!auditHook) throw new Error('batch writes need the audit hook (registerBatchAudit)');
  if (changes.length) await auditHook(em, meta, kind, changes);
}

/** Told after each batch statement (e.g. members/ bumps its search index); registered by the domains. */
export type BatchWriteListener = (em: EntityManager, meta: EntityMetadata) => void;
const writeListeners = new Set<BatchWriteListener>();

export function addBatchWriteListener(listener: BatchWriteListener): void {
  writeListeners.add(listener);
}

function written(em: EntityManager, meta: EntityMetadata): void {
  for (const l of writeListeners) l(em, meta);
}

function metaOf(em: EntityManager, entity: AnyEntity): EntityMetadata {
  return em.getMetadata().get(Utils.className(entity));
}

/** Timestamps the ORM fills itself (createdAt, updatedAt): the batch fills them the same way. */
function stamp(meta: EntityMetadata, row: Row, hook: 'onCreate' | 'onUpdate', em: EntityManager): Row {
  const out = { ...row };
  for (const prop of meta.props) {
    const fn = prop[hook] as ((e: object, em: EntityManager) => unknown) | undefined;
    if (fn && out[prop.name] === undefined) out[prop.name] = fn(out, em);
  }
  return out;
}

interface SqliteConnection {
  all(sql: string, params: unknown[], done: (err: Error | null, rows: Row[]) => void): void;
}

/** Inside a SQLite transaction: the connection the transaction holds (knex's transaction client hands it out). */
async function sqliteConnectionOf(em: EntityManager): Promise<SqliteConnection | null> {
  if (onPostgres(em)) return null;
  const ctx = em.getTransactionContext() as { client?: { acquireConnection?: () => Promise<unknown> } } | undefined;
  const conn = (await ctx?.client?.acquireConnection?.()) as Partial<SqliteConnection> | undefined;
  return conn && typeof conn.all === 'function' ? (conn as SqliteConnection) : null;
}

/**
 * Runs one statement with its parameters bound, not inlined: `em.execute` formats every value into
 * the SQL text, which for a 500-row insert is megabytes for SQLite to parse again. Inside a SQLite
 * transaction the statement goes straight to the transaction's connection (knex's binding
 * rewrite costs about a tenth of a 10,000-line import's write phase). Errors are converted as the
 * ORM converts them (unique violation, lock wait …). Returns the rows of a `returning` clause.
 */
export async function runBound(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  try {
    const sqlite = await sqliteConnectionOf(em);
    // Past knex, so the per-table write counts (data-version) are told here.
    if (sqlite) countStatement(em, sql);
    if (sqlite)
      return await new Promise<Row[]>((resolve, reject) =>
        sqlite.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))),
      );
    const knex = em.getConnection().getKnex();
    const query = knex.raw(sql, params as Parameters<typeof knex.raw>[1] & unknown[]);
    const ctx = em.getTransactionContext();
    if (ctx) query.transacting(ctx);
    const res = (await query) as Row[] | { rows?: Row[] } | undefined;
    return Array.isArray(res) ? res : (res?.rows ?? []);
  } catch (err) {
    throw em
      .getPlatform()
      .getExceptionConverter()
      .convertException(err as Error);
  }
}

/**
 * Inserts plain rows (values by property name; relations as ids) into an entity's table with
 * multi-row inserts of bound parameters, in chunks. A property a row leaves out gets its
 * default. With `returning`, returns that column's values in the order of the rows.
 */
export async function insertPlain(
  em: EntityManager,
  entity: AnyEntity | string,
  rows: Row[],
  returning?: string,
): Promise<unknown[]> {
  if (!rows.length) return [];
  const meta = typeof entity === 'string' ? em.getMetadata().get(entity) : metaOf(em, entity);
  const pg = onPostgres(em);
  const q = (s: string) => em.getPlatform().quoteIdentifier(s);
  const names = new Set(rows.flatMap((r) => Object.keys(r)));
  const props = meta.props.filter((p) => names.has(p.name));
  const bad = [...names].filter((n) => !props.some((p) => p.name === n && p.fieldNames?.length === 1));
  if (bad.length) throw new Error(`insertPlain(${meta.className}): not a plain column: ${bad.join(', ')}`);
  const head = `insert into ${q(meta.tableName)} (${props.map((p) => q(p.fieldNames[0]!)).join(', ')}) values `;
  const tail = returning ? ` returning ${q(returning)}` : '';
  const out: unknown[] = [];
  // The next chunk's values are converted while the database writes the previous one.
  let running: Promise<void> = Promise.resolve();
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const chunk = rows.slice(i, i + BATCH_ROWS);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const keys = props.map((p) => {
        const v = row[p.name];
        if (v === undefined && pg) return 'default';
        params.push(dbValue(em, p, v === undefined ? (p.default ?? null) : v));
        return '?';
      });
      return `(${keys.join(', ')})`;
    });
    await running;
    running = runBound(em, head + tuples.join(', ') + tail, params).then((res) => {
      if (returning) out.push(...chunk.map((_, n) => res[n]?.[returning]));
    });
  }
  await running;
  return out;
}

/**
 * Inserts rows (values by property name; relations as ids) with multi-row `insert … returning
 * id`, in chunks, inside the caller's transaction, and writes their audit rows in bulk.
 * Returns the new ids in the order of the rows.
 */
export async function insertRows(em: EntityManager, entity: AnyEntity, rows: Row[]): Promise<number[]> {
  const meta = metaOf(em, entity);
  const pk = meta.properties[meta.primaryKeys[0]!] as EntityProperty;
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const chunk = rows.slice(i, i + BATCH_ROWS);
    const data = chunk.map((r) => stamp(meta, r, 'onCreate', em));
    const got = (await insertPlain(em, entity, data, pk.fieldNames[0]!)).map(Number);
    if (got.some((id) => !Number.isSafeInteger(id))) throw new Error(`insert into ${meta.tableName} returned no ids`);
    ids.push(...got);
    written(em, meta);
    await audit(
      em,
      meta,
      'create',
      chunk.map((r, n) => ({ id: got[n]!, before: null, after: r })),
    );
  }
  return ids;
}

type ToDb = (v: unknown) => unknown;
const converters = new WeakMap<EntityProperty, { pg: boolean; fn: ToDb }>();

/**
 * A property's value as the database takes it (custom types converted, dates and booleans as the
 * platform stores them). The conversion is chosen once per property, not at each of a batch's
 * hundreds of thousands of values.
 */
export function dbValue(em: EntityManager, prop: EntityProperty, v: unknown): unknown {
  const pg = onPostgres(em);
  let c = converters.get(prop);
  if (!c || c.pg !== pg) {
    c = { pg, fn: converterOf(em, prop, pg) };
    converters.set(prop, c);
  }
  return v == null ? null : c.fn(v);
}

function converterOf(em: EntityManager, prop: EntityProperty, pg: boolean): ToDb {
  const platform = em.getPlatform();
  const custom = prop.customType;
  // A batch row's JSON is a fresh plain value: serialised here once, without the entity path's
  // freezing and caching (FrozenJsonType), which only an entity's change tracking needs.
  if (custom instanceof JsonType)
    return (v) =>
      typeof v === 'object' ? JSON.stringify(v) : custom.convertToDatabaseValue(v, platform, { mode: 'query-data' });
  if (custom) return (v) => custom.convertToDatabaseValue(v, platform, { mode: 'query-data' });
  return (v) => {
    if (v instanceof Date) return platform.processDateProperty(v);
    if (typeof v === 'boolean' && !pg) return v ? 1 : 0;
    return v;
  };
}

/**
 * Updates rows by id with `with v(…) as (values …) update … from v` (one statement per chunk, not
 * a CASE per row, which is quadratic), inside the caller's transaction, auditing the fields
 * that changed. Every row of one call sets the same properties.
 */
export async function updateRows(em: EntityManager, entity: AnyEntity, changes: BatchChange[]): Promise<void> {
  const meta = metaOf(em, entity);
  const pkProp = meta.properties[meta.primaryKeys[0]!] as EntityProperty;
  const names = meta.props.filter((p) => changes[0] && p.name in changes[0].after).map((p) => p.name);
  const stamped = changes.map((c) => ({ ...c, after: stamp(meta, c.after, 'onUpdate', em) }));
  const props = meta.props.filter((p) => stamped[0] && p.name in stamped[0].after);
  if (!props.length) return;
  const q = (s: string) => em.getPlatform().quoteIdentifier(s);
  const cast = (prop: EntityProperty) => (onPostgres(em) ? `cast(? as ${castType(prop.columnTypes[0]!)})` : '?');
  const table = q(meta.tableName);
  const cols = ['id', ...props.map((_, n) => `c${n}`)];
  const set = props.map((p, n) => `${q(p.fieldNames[0]!)} = v.c${n}`).join(', ');
  const tuple = `(${[cast(pkProp), ...props.map(cast)].join(', ')})`;
  for (let i = 0; i < stamped.length; i += BATCH_ROWS) {
    const chunk = stamped.slice(i, i + BATCH_ROWS);
    const params = chunk.flatMap((c) => [c.id, ...props.map((p) => dbValue(em, p, c.after[p.name]))]);
    const sql = `with v(${cols.join(', ')}) as (values ${chunk.map(() => tuple).join(', ')}) update ${table} set ${set} from v where ${table}.${q(pkProp.fieldNames[0]!)} = v.id`;
    await runBound(em, sql, params);
    written(em, meta);
    const audited = chunk.map((c, n) => ({ ...c, after: pick(changes[i + n]!.after, names) }));
    await audit(em, meta, 'update', audited);
  }
}

function pick(row: Row, names: string[]): Row {
  return Object.fromEntries(names.map((n) => [n, row[n]]));
}

/** A column type usable in a cast: PostgreSQL's serial types are only column shorthands for integers. */
function castType(columnType: string): string {
  const t = columnType.toLowerCase();
  if (t === 'serial') return 'integer';
  if (t === 'bigserial') return 'bigint';
  if (t === 'smallserial') return 'smallint';
  return columnType;
}
