import type { EntityManager } from '../../src/db/orm.js';

const TABLES = ['bank_import', 'bank_transaction', 'payment', 'allocation', 'donation', 'invoice', 'invoice_run'];
const STAMPS = new Set(['created_at', 'updated_at', 'reversed_at']);

/**
 * What two paths must leave identically: every row of the ledger tables (timestamps only by
 * type, they differ by the clock), counts and sums, and the audit rows per entity and action
 * with their exact field → [before, after] text.
 */
export async function dumpLedger(em: EntityManager, tables = TABLES) {
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    const rows = await em.execute<Record<string, unknown>[]>(`select * from ${table} order by id`);
    out[table] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, STAMPS.has(k) ? typeof v : normal(v)])),
    );
  }
  const audit = await em.execute<Record<string, unknown>[]>(
    'select entity_name, entity_id, action, changes, staff_id, actor_name, summary from audit_log',
  );
  out.audit = audit
    .map((r) => ({ ...r, changes: typeof r.changes === 'string' ? r.changes : JSON.stringify(r.changes) }))
    .map((r) => JSON.stringify(r))
    .sort();
  const per: Record<string, number> = {};
  for (const r of audit) per[`${r.entity_name} ${r.action}`] = (per[`${r.entity_name} ${r.action}`] ?? 0) + 1;
  out.auditCounts = per;
  const sums = await em.execute<Record<string, unknown>[]>(
    `select (select coalesce(sum(amount), 0) from payment) as paid, (select coalesce(sum(paid_amount), 0) from invoice) as settled,
       (select coalesce(sum(amount), 0) from allocation) as allocated, (select coalesce(sum(amount), 0) from donation) as donated`,
  );
  if (tables === TABLES) out.sums = Object.fromEntries(Object.entries(sums[0]!).map(([k, v]) => [k, Number(v)]));
  return out;
}

function normal(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  return v;
}
