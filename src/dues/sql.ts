import type { EntityManager } from '../db/orm.js';

/**
 * A read query with plain rows, run inside the caller's transaction when there is one (on
 * SQLite a query outside it would wait for the single connection the transaction holds).
 */
export function sqlRows<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params as never[], 'all', em.getTransactionContext());
}
