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
