import type { EntityManager } from '../db/orm.js';
import { collectGarbage } from '../lib/memory.js';
import { Member } from '../members/member.entity.js';
import { BankImport } from './bank-import.entity.js';
import { BankTransaction, type IBankTransaction } from './bank-transaction.entity.js';
import type { PlannedLine } from './import-plan.js';
import { postPayments } from './dues-port.js';

const CHUNK = 500;

function lineEntity(tx: EntityManager, importId: number, p: PlannedLine): IBankTransaction {
  const s = p.src;
  const matched = p.status === 'matched' && p.match;
  return tx.create(BankTransaction, {
    bankImport: tx.getReference(BankImport, importId),
    line: s.line,
    date: s.date,
    amount: s.amount,
    direction: s.direction,
    payer: s.payer.slice(0, 200),
    payerKey: s.payerKey.slice(0, 200),
    reference: s.reference?.slice(0, 60) ?? null,
    memo: s.memo?.slice(0, 400) ?? null,
    fingerprint: s.fingerprint,
    status: p.status as IBankTransaction['status'],
    member: matched ? tx.getReference(Member, p.match!.memberId!) : null,
    paymentId: null,
    suggestions: p.match ? p.match.suggestions : null,
    note: null,
  });
}

/**
 * Stores the new lines and books the certain matches through the dues service, inside the
 * caller's transaction. Works in chunks: the identity map is cleared after each so the flush
 * cost stays flat for a 10,000-line statement.
 */
export async function postImport(tx: EntityManager, importId: number, planned: PlannedLine[]): Promise<void> {
  const stored = planned.filter((p) => p.status !== 'known');
  for (let i = 0; i < stored.length; i += CHUNK) {
    const chunk = stored.slice(i, i + CHUNK);
    const rows = chunk.map((p) => lineEntity(tx, importId, p));
    await tx.flush();
    const matched = [...chunk.entries()].filter(([, p]) => p.status === 'matched' && p.match);
    const ids = await postPayments(
      tx,
      matched.map(([k, p]) => ({
        memberId: p.match!.memberId!,
        receivedOn: p.src.date,
        amount: p.src.amount,
        fee: p.match!.fee,
        allocations: p.match!.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })),
        remainder: 'credit' as const,
        donationPurpose: null,
        bankTransactionId: rows[k]!.id,
        note: null,
      })),
    );
    matched.forEach(([k], n) => {
      rows[k]!.paymentId = ids[n]!;
    });
    await tx.flush();
    tx.clear();
    if ((i / CHUNK) % 5 === 4) collectGarbage(); // every 2,500 lines: keeps peak memory flat at little cost
  }
}
