import { BATCH_ROWS, insertRows, updateRows, type BatchChange } from '../db/batch-write.js';
import type { EntityManager } from '../db/orm.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { Allocation } from './allocation.entity.js';
import { Donation } from './donation.entity.js';
import { Invoice } from './invoice.entity.js';
import { sqlDate } from './invoice-status.js';
import { Payment } from './payment.entity.js';
import {
  applyAllocation,
  checkPayment,
  donationRow,
  hasDonation,
  paymentRow,
  validateShape,
  type InvoiceBalance,
  type PaymentInput,
} from './payment-rules.js';
import { MSG } from './ui-text.js';

interface InvoiceRow {
  id: number;
  invoice_no: string;
  amount: number;
  paid_amount: number;
  status: InvoiceBalance['status'];
  closed_on: string | Date | null;
}

async function inChunks<T>(ids: number[], fn: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH_ROWS) out.push(...(await fn(ids.slice(i, i + BATCH_ROWS))));
  return out;
}

const marks = (ids: number[]) => ids.map(() => '?').join(',');

async function balances(em: EntityManager, ids: number[]): Promise<Map<number, InvoiceBalance>> {
  const rows = await inChunks(ids, (part) =>
    em.execute<InvoiceRow[]>(
      `select id, invoice_no, amount, paid_amount, status, closed_on from invoice where id in (${marks(part)})`,
      part,
    ),
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        invoiceNo: r.invoice_no,
        amount: Number(r.amount),
        paidAmount: Number(r.paid_amount),
        status: r.status,
        closedOn: r.closed_on == null ? null : sqlDate(r.closed_on),
      },
    ]),
  );
}

async function existingMembers(em: EntityManager, ids: number[]): Promise<Set<number>> {
  const rows = await inChunks(ids, (part) =>
    em.execute<{ id: number }[]>(`select id from member where id in (${marks(part)})`, part),
  );
  return new Set(rows.map((r) => Number(r.id)));
}

const balanceOf = (b: InvoiceBalance) => ({ paidAmount: b.paidAmount, status: b.status, closedOn: b.closedOn ?? null });

/**
 * The same ledger rules as recordPayments, written set-based for a statement's thousands of
 * certain matches: plain rows in, every check done before the first write, then one insert per
 * table and chunk and one `update … from (values …)` for the invoices, audited in bulk, in the
 * caller's transaction. Returns the payment ids in the order of the inputs.
 */
export async function recordPaymentsBatch(em: EntityManager, inputs: PaymentInput[]): Promise<number[]> {
  inputs.forEach(validateShape);
  if (!inputs.length) return [];
  const members = await existingMembers(em, [...new Set(inputs.map((i) => i.memberId))]);
  const maxFee = Math.max(0, ...(await getSettings(em)).transferFees);
  const invoices = await balances(em, [...new Set(inputs.flatMap((i) => i.allocations.map((a) => a.invoiceId)))]);
  const before = new Map([...invoices].map(([id, b]) => [id, balanceOf(b)]));
  const planned = inputs.map((input) => {
    if (!members.has(input.memberId)) throw new UserError(MSG.memberNotFound, 404);
    const { fee, allocated, remainder } = checkPayment(input, invoices, maxFee);
    for (const a of input.allocations) applyAllocation(invoices.get(a.invoiceId)!, a.amount, input.receivedOn);
    return { input, remainder, row: paymentRow(input, input.memberId, fee, allocated, remainder) };
  });
  const ids = await insertRows(
    em,
    Payment,
    planned.map((p) => p.row),
  );
  const allocations = planned.flatMap((p, n) =>
    p.input.allocations.map((a) => ({ payment: ids[n], invoice: a.invoiceId, amount: a.amount })),
  );
  await insertRows(em, Allocation, allocations);
  const donations = planned.flatMap((p, n) =>
    hasDonation(p.input, p.remainder) ? [donationRow(p.input, p.input.memberId, p.remainder, ids[n])] : [],
  );
  await insertRows(em, Donation, donations);
  const changed: BatchChange[] = [...invoices.values()].map((b) => ({
    id: b.id,
    before: before.get(b.id)!,
    after: balanceOf(b),
  }));
  await updateRows(em, Invoice, changed);
  return ids;
}
