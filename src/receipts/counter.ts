import type { EntityManager } from '../db/orm.js';

export type CounterScope = 'receipt' | 'certificate';

/**
 * Takes `count` numbers from the per-year counter row and returns the first. Must run inside
 * the issuing transaction: the UPDATE locks the row (PostgreSQL) or the database (SQLite)
 * until commit, so two issuers never get the same number, and a rollback gives the numbers
 * back — the sequence has no gaps.
 */
export async function takeNumbers(
  tx: EntityManager,
  scope: CounterScope,
  year: number,
  count: number,
): Promise<number> {
  if (!tx.getTransactionContext()) throw new Error('takeNumbers must run inside a transaction');
  if (count <= 0) return 0;
  await tx.execute(
    'insert into receipt_counter (scope, year, last_no) values (?, ?, 0) on conflict (scope, year) do nothing',
    [scope, year],
    'run',
  );
  await tx.execute(
    'update receipt_counter set last_no = last_no + ? where scope = ? and year = ?',
    [count, scope, year],
    'run',
  );
  const rows = await tx.execute<{ last_no: number }[]>(
    'select last_no from receipt_counter where scope = ? and year = ?',
    [scope, year],
  );
  return Number(rows[0]!.last_no) - count + 1;
}
