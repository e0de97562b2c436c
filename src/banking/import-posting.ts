import { insertRows, updateRows } from '../db/batch-write.js';
import type { EntityManager } from '../db/orm.js';
import { BankTransaction } from './bank-transaction.entity.js';
import type { PlannedLine } from './import-plan.js';
import { postPaymentsBatch } from './dues-port.js';

/** A statement line's row, exactly the fields the per-entity path created. */
export function lineRow(importId: number, p: PlannedLine): Record<string, unknown> {
  const s = p.src;
  const matched = p.status === 'matched' && p.match;
  return {
    bankImport: importId,
    line: s.line,
    date: s.date,
    amount: s.amount,
    direction: s.direction,
    payer: s.payer.slice(0, 200),
    payerKey: s.payerKey.slice(0, 200),
    reference: s.reference?.slice(0, 60) ?? null,
    memo: s.memo?.slice(0, 400) ?? null,
    fingerprint: s.fingerprint,
    status: p.status,
    member: matched ? p.match!.memberId! : null,
    paymentId: null,
    suggestions: p.match ? p.match.suggestions : null,
    note: null,
  };
}

/**
 * Stores the new lines and books the certain matches through the dues ledger, set-based inside
 * the caller's transaction: the inserts of the lines, the ledger's inserts, and one update
 * linking each line to its payment, each in chunks of 500 rows and audited in bulk. All the lines
 * go in one call, so each step's next chunk is converted while SQLite writes the previous one.
 */
export async function postImport(tx: EntityManager, importId: number, planned: PlannedLine[]): Promise<void> {
  const stored = planned.filter((p) => p.status !== 'known');
  const ids = await insertRows(
    tx,
    BankTransaction,
    stored.map((p) => lineRow(importId, p)),
  );
  const matched = [...stored.entries()].filter(([, p]) => p.status === 'matched' && p.match);
  const paymentIds = await postPaymentsBatch(
    tx,
    matched.map(([k, p]) => ({
      memberId: p.match!.memberId!,
      receivedOn: p.src.date,
      amount: p.src.amount,
      fee: p.match!.fee,
      allocations: p.match!.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })),
      remainder: 'credit' as const,
      donationPurpose: null,
      bankTransactionId: ids[k]!,
      note: null,
    })),
  );
  await updateRows(
    tx,
    BankTransaction,
    matched.map(([k], n) => ({ id: ids[k]!, before: { paymentId: null }, after: { paymentId: paymentIds[n]! } })),
  );
}
