import type { EntityManager } from '@mikro-orm/core';

/**
 * On SQLite, takes the database's write lock at the start of a transaction.
 * A transaction that reads first and writes later is refused at once (SQLITE_BUSY) when another
 * writer holds the lock, because its snapshot would be stale; one that writes first waits for the
 * lock in busy_timeout like any single write. A no-op UPDATE is a write statement, so it waits.
 * PostgreSQL locks rows, not the database: nothing to do there.
 */
export async function takeWriteLock(em: EntityManager): Promise<void> {
  if (onPostgres(em)) return;
  await em
    .getConnection()
    .execute('update mikro_orm_migrations set id = id where 0 = 1', [], 'run', em.getTransactionContext());
}

/** Whether the entity manager talks to PostgreSQL (else SQLite). */
export function onPostgres(em: EntityManager): boolean {
  return em.getPlatform().constructor.name.startsWith('PostgreSql');
}
