import { countStatement } from './data-version.js';
import { allOn, convertError, type SqliteConnection } from './sqlite-direct.js';
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

/**
 * Prepares the audit rows of a batch (the changes without their ids, so the work is done while
 * the database writes the rows) and returns the function that writes them once the ids are
 * known; registered by audit/ (db/ imports nothing above it).
 */
export type BatchAuditHook = (
  em: EntityManager,
  meta: EntityMetadata,
  kind: 'create' | 'update',
  changes: Omit<BatchChange, 'id'>[],
) => (ids: number[]) => Promise<void>;

let auditHook: BatchAuditHook | null = null;

export function setBatchAuditHook(hook: BatchAuditHook): void {
  auditHook = hook;
}

function prepareAudit(
  em: EntityManager,
  meta: EntityMetadata,
  kind: 'create' | 'update',
  changes: Omit<BatchChange, 'id'>[],
): (ids: number[]) => Promise<void> {
  // Refuse rather than write an unaudited change: every change to a record is audited.
  if (!auditHook) throw new Error('batch writes need the audit hook (registerBatchAudit)');
  return changes.length ? auditHook(em, meta, kind, changes) : async () => {};
}

/**
 * The statements of one batch call that are still running. Inside one transaction the next
 * chunk is converted (and its audit rows prepared) while the database writes the previous one;
 * on a failure every statement sent is waited for before the error goes up (the rollback must
 * not overtake a statement still running), and the first failure sent is the one reported
 * (on PostgreSQL the later ones only say the transaction is aborted).
 */
class InFlight {
  private readonly sent: Promise<unknown>[] = [];

  add<T>(p: Promise<T>): Promise<T> {
    p.catch(() => {});
    this.sent.push(p);
    return p;
  }

  async failure(err: unknown): Promise<unknown> {
    const settled = await Promise.allSettled(this.sent);
    const first = settled.find((r) => r.status === 'rejected');
    return first ? first.reason : err;
  }
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

/** The connection each SQLite transaction holds, once asked for (so later statements go out at once). */
const sqliteConnections = new WeakMap<object, SqliteConnection | null>();

/** Inside a SQLite transaction: the connection the transaction holds (knex's transaction client hands it out). */
async function sqliteConnectionOf(em: EntityManager): Promise<SqliteConnection | null> {
  if (onPostgres(em)) return null;
  const ctx = em.getTransactionContext() as { client?: { acquireConnection?: () => Promise<unknown> } } | undefined;
  const conn = (await ctx?.client?.acquireConnection?.()) as Partial<SqliteConnection> | undefined;
  const out = conn && typeof conn.all === 'function' ? (conn as SqliteConnection) : null;
  if (ctx) sqliteConnections.set(ctx, out);
  return out;
}

function runOnSqlite(em: EntityManager, sqlite: SqliteConnection, sql: string, params: unknown[]): Promise<Row[]> {
  // Past knex, so the per-table write counts (data-version) are told here.
  countStatement(em, sql);
  return allOn(em, sqlite, sql, params);
}

/**
 * Runs one statement with its parameters bound, not inlined: `em.execute` formats every value into
 * the SQL text, which for a 500-row insert is megabytes for SQLite to parse again. Inside a SQLite
 * transaction the statement goes straight to the transaction's connection (knex's binding
 * rewrite costs about a tenth of a 10,000-line import's write phase), and, once the connection is
 * known, is sent before this returns (so the caller's next work runs while SQLite writes). Errors
 * are converted as the ORM converts them (unique violation, lock wait …). Returns the rows of a
 * `returning` clause.
 */
export function runBound(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const known = knownConnection(em);
  return known ? runOnSqlite(em, known, sql, params) : runBoundSlow(em, sql, params);
}

async function runBoundSlow(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const sqlite = await sqliteConnectionOf(em).catch((err) => {
    throw convertError(em, err);
  });
  if (sqlite) return runOnSqlite(em, sqlite, sql, params);
  const ctx = em.getTransactionContext() as object | undefined;
  if (!ctx) return runOnKnex(em, sql, params, undefined);
  // One transaction is one client: pg 8 warns (and pg 9 refuses) when a query is sent while the
  // previous one still runs, so a transaction's pipelined statements queue here, in order.
  const run = (transactionQueues.get(ctx) ?? Promise.resolve()).then(() => runOnKnex(em, sql, params, ctx));
  transactionQueues.set(
    ctx,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

/** Per transaction, the promise of its last statement sent through knex (settled either way). */
const transactionQueues = new WeakMap<object, Promise<void>>();

async function runOnKnex(em: EntityManager, sql: string, params: unknown[], ctx: object | undefined): Promise<Row[]> {
  try {
    const knex = em.getConnection().getKnex();
    const query = knex.raw(sql, params as Parameters<typeof knex.raw>[1] & unknown[]);
    if (ctx) query.transacting(ctx as Parameters<typeof query.transacting>[0]);
    const res = (await query) as Row[] | { rows?: Row[] } | undefined;
    return Array.isArray(res) ? res : (res?.rows ?? []);
  } catch (err) {
    throw convertError(em, err);
  }
}

/** A statement built, ready to send: on SQLite's own connection (`direct`) or through knex. */
interface Built {
  sql: string;
  params: unknown[];
  direct: SqliteConnection | null;
}

/** Inside a SQLite transaction whose connection is known: that connection, at once; undefined when not yet asked. */
function knownConnection(em: EntityManager): SqliteConnection | null | undefined {
  const ctx = em.getTransactionContext() as object | undefined;
  return !onPostgres(em) && ctx ? sqliteConnections.get(ctx) : null;
}

async function connectionFor(em: EntityManager): Promise<SqliteConnection | null> {
  const known = knownConnection(em);
  return known === undefined ? sqliteConnectionOf(em) : known;
}

/** One multi-row insert of a chunk (values by property name; a property a row leaves out gets its default). */
function buildInsert(
  em: EntityManager,
  meta: EntityMetadata,
  chunk: Row[],
  returning: string | undefined,
  direct: SqliteConnection | null,
): Built {
  const pg = onPostgres(em);
  const q = (s: string) => em.getPlatform().quoteIdentifier(s);
  const names = new Set(chunk.flatMap((r) => Object.keys(r)));
  const props = meta.props.filter((p) => names.has(p.name));
  const bad = [...names].filter((n) => !props.some((p) => p.name === n && p.fieldNames?.length === 1));
  if (bad.length) throw new Error(`insertPlain(${meta.className}): not a plain column: ${bad.join(', ')}`);
  const head = `insert into ${q(meta.tableName)} (${props.map((p) => q(p.fieldNames[0]!)).join(', ')}) values `;
  const tail = returning ? ` returning ${q(returning)}` : '';
  const params: unknown[] = [];
  // On SQLite's own connection repeated values go as literals (below).
  const values = direct ? literalTuples(em, props, chunk, params) : plainTuples(em, props, chunk, params, pg);
  return { sql: head + values + tail, params, direct };
}

/** Sends a built statement now (on SQLite's connection it is queued before this returns). */
function send(em: EntityManager, b: Built): Promise<Row[]> {
  return b.direct ? runOnSqlite(em, b.direct, b.sql, b.params) : runBound(em, b.sql, b.params);
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
  const out: unknown[] = [];
  // Not `await connectionFor(em)`: once the connection is known the first chunk goes out at once.
  let direct = knownConnection(em);
  if (direct === undefined) direct = await sqliteConnectionOf(em);
  // The next chunk's values are converted while the database writes the previous one; the first
  // chunk goes out before this function first waits (once the connection is known).
  const flight = new InFlight();
  let running: Promise<void> | null = null;
  try {
    for (let i = 0; i < rows.length; i += BATCH_ROWS) {
      const chunk = rows.slice(i, i + BATCH_ROWS);
      const built = buildInsert(em, meta, chunk, returning, direct);
      if (running) await running;
      running = flight.add(
        send(em, built).then((res) => {
          if (returning) out.push(...chunk.map((_, n) => res[n]?.[returning]));
        }),
      );
    }
    if (running) await running;
  } catch (err) {
    throw await flight.failure(err);
  }
  return out;
}

const cellOf = (em: EntityManager, p: EntityProperty, row: Row) => {
  const v = row[p.name];
  return dbValue(em, p, v === undefined ? (p.default ?? null) : v);
};

/** `(?, ?, …), …` with one parameter per cell (PostgreSQL leaves a missing value to the column default). */
function plainTuples(em: EntityManager, props: EntityProperty[], chunk: Row[], params: unknown[], pg: boolean): string {
  const tuples = chunk.map((row) => {
    const keys = props.map((p) => {
      if (row[p.name] === undefined && pg) return 'default';
      params.push(cellOf(em, p, row));
      return '?';
    });
    return `(${keys.join(', ')})`;
  });
  return tuples.join(', ');
}

/** A value as an SQLite literal, when it can be written as one exactly (null, a safe integer, text). */
function sqliteLiteral(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'string' && !v.includes('\0')) return `'${v.replaceAll("'", "''")}'`;
  return undefined;
}

/**
 * The same for SQLite's own connection, where a column whose value is the same in every row of
 * the chunk (the audit rows' time, actor, entity and action; an import's id …) is written as a
 * literal instead of one parameter per row: binding is most of the cost of sending a value, and
 * a batch's audit rows repeat six of their eight columns. (Not numbered parameters such as `?3`
 * named in every row: SQLite looks each one up in a list, which is quadratic in a chunk.)
 */
function literalTuples(em: EntityManager, props: EntityProperty[], chunk: Row[], params: unknown[]): string {
  const cols = props.map((p) => chunk.map((row) => cellOf(em, p, row)));
  const shared = cols.map((vals) => {
    const first = vals[0];
    return vals.every((v) => v === first) ? sqliteLiteral(first) : undefined;
  });
  const tuples = chunk.map((_, r) => {
    const keys = cols.map((vals, c) => {
      const mark = shared[c];
      if (mark !== undefined) return mark;
      const v = vals[r];
      if (v === null) return 'null';
      params.push(v);
      return '?';
    });
    return `(${keys.join(', ')})`;
  });
  return tuples.join(', ');
}

/**
 * Inserts rows (values by property name; relations as ids) with multi-row `insert … returning
 * id`, in chunks, inside the caller's transaction, and writes their audit rows in bulk.
 * Returns the new ids in the order of the rows.
 */
export async function insertRows(em: EntityManager, entity: AnyEntity, rows: Row[]): Promise<number[]> {
  const meta = metaOf(em, entity);
  const pk = (meta.properties[meta.primaryKeys[0]!] as EntityProperty).fieldNames[0]!;
  const direct = await connectionFor(em);
  const ids: number[] = [];
  const flight = new InFlight();
  const chunkAt = (i: number) => rows.slice(i, i + BATCH_ROWS);
  const build = (chunk: Row[]) =>
    buildInsert(
      em,
      meta,
      chunk.map((r) => stamp(meta, r, 'onCreate', em)),
      pk,
      direct,
    );
  // A pipeline, so SQLite always has the next statement while this thread prepares the one after:
  // chunk k's insert runs while its audit rows and chunk k+1's insert are prepared; chunk k+1 is
  // sent as soon as chunk k's ids are back, then chunk k's audit rows (one chunk's at a time, in order).
  let auditing: Promise<void> | null = null;
  try {
    let data = chunkAt(0);
    let sending: Promise<Row[]> | null = data.length ? flight.add(send(em, build(data))) : null;
    for (let i = 0; sending; i += BATCH_ROWS) {
      const writeAudit = prepareAudit(
        em,
        meta,
        'create',
        data.map((r) => ({ before: null, after: r })),
      );
      const nextData = chunkAt(i + BATCH_ROWS);
      const next = nextData.length ? build(nextData) : null;
      const got = (await sending).map((r) => Number(r[pk]));
      if (got.length !== data.length || got.some((id) => !Number.isSafeInteger(id)))
        throw new Error(`insert into ${meta.tableName} returned no ids`);
      ids.push(...got);
      written(em, meta);
      sending = next ? flight.add(send(em, next)) : null;
      data = nextData;
      if (auditing) await auditing;
      auditing = flight.add(writeAudit(got));
    }
    if (auditing) await auditing;
  } catch (err) {
    throw await flight.failure(err);
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
  const build = (i: number) => {
    const chunk = stamped.slice(i, i + BATCH_ROWS);
    if (!chunk.length) return null;
    const params = chunk.flatMap((c) => [c.id, ...props.map((p) => dbValue(em, p, c.after[p.name]))]);
    const sql = `with v(${cols.join(', ')}) as (values ${chunk.map(() => tuple).join(', ')}) update ${table} set ${set} from v where ${table}.${q(pkProp.fieldNames[0]!)} = v.id`;
    return { chunk, sql, params };
  };
  // The same pipeline as insertRows: chunk k+1 is built while chunk k is written.
  const flight = new InFlight();
  let auditing: Promise<void> | null = null;
  try {
    let current = build(0);
    let updating = current ? flight.add(runBound(em, current.sql, current.params)) : null;
    for (let i = 0; current && updating; i += BATCH_ROWS) {
      const writeAudit = prepareAudit(
        em,
        meta,
        'update',
        current.chunk.map((c, n) => ({ before: c.before, after: pick(changes[i + n]!.after, names) })),
      );
      const next = build(i + BATCH_ROWS);
      await updating;
      written(em, meta);
      updating = next ? flight.add(runBound(em, next.sql, next.params)) : null;
      if (auditing) await auditing;
      auditing = flight.add(writeAudit(current.chunk.map((c) => c.id)));
      current = next;
    }
    if (auditing) await auditing;
  } catch (err) {
    throw await flight.failure(err);
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
