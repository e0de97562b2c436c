import type { EntityManager } from '../../src/db/orm.js';

/** Columns that a request may touch without changing any record (a session's last-seen time). */
const VOLATILE: Record<string, string[]> = { staff_session: ['last_seen_at'] };

/**
 * Every table of the database as one string: each table's rows, selected whole and sorted by
 * their serialised primary-key-first form, so two dumps are equal exactly when no row was added,
 * removed or changed. Works on SQLite and PostgreSQL (values normalised: dates as ISO text,
 * bigints and numerics as strings).
 */
export async function dumpDatabase(em: EntityManager): Promise<string> {
  const conn = em.getConnection();
  const pg = conn.getPlatform().constructor.name.toLowerCase().includes('postgre');
  const tables = (
    await conn.execute<{ name: string }[]>(
      pg
        ? "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'"
        : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    )
  )
    .map((r) => r.name)
    .sort();
  const out: string[] = [];
  for (const table of tables) {
    const rows = await conn.execute<Record<string, unknown>[]>(`select * from "${table}"`);
    const skip = new Set(VOLATILE[table] ?? []);
    const lines = rows.map((r) =>
      JSON.stringify(
        Object.keys(r)
          .filter((k) => !skip.has(k))
          .map((k) => [k, normalise(r[k])]),
      ),
    );
    lines.sort();
    out.push(`## ${table} (${rows.length})`, ...lines);
  }
  return out.join('\n');
}

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}
