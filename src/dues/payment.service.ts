import type { EntityManager } from '../db/orm.js';
import { Member, type IMember } from '../members/member.entity.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { Allocation, type IAllocation } from './allocation.entity.js';
import { Donation, type IDonation } from './donation.entity.js';
import { Invoice, type IInvoice } from './invoice.entity.js';
import { derivedStatus, isOpen } from './invoice-status.js';
import { Payment, type IPayment } from './payment.entity.js';
import {
  applyAllocation,
  checkPayment,
  donationRow,
  hasDonation,
  LikelyDuplicateError,
  likelyDuplicate,
  paymentRow,
  validateShape,
  type PaymentInput,
} from './payment-rules.js';
import { MSG } from './ui-text.js';

export type { PaymentInput };

export interface RecordedPayment {
  payment: IPayment;
  allocations: IAllocation[];
  donation: IDonation | null;
}

/** Sets paidAmount and status of invoices from the allocations of active payments. */
export async function recomputeInvoices(em: EntityManager, invoices: IInvoice[], on: string): Promise<void> {
  if (!invoices.length) return;
  await em.flush();
  const rows = await em.execute<{ invoice_id: number; paid: number }[]>(
    `select a.invoice_id, sum(a.amount) as paid from allocation a where not a.reversed and a.invoice_id in (${invoices.map(() => '?').join(',')}) group by a.invoice_id`,
    invoices.map((i) => i.id),
  );
  const paid = new Map(rows.map((r) => [Number(r.invoice_id), Number(r.paid)]));
  for (const inv of invoices) {
    const before = inv.status;
    inv.paidAmount = paid.get(inv.id) ?? 0;
    inv.status = derivedStatus(inv.status, inv.amount, inv.paidAmount);
    if (inv.status === 'paid' && before !== 'paid') inv.closedOn = on;
    if (isOpen(inv.status)) inv.closedOn = null;
  }
}

/**
 * Records one payment and its allocations in one transaction. An invoice of another member can
 * be settled too (a couple paying together). What is left over becomes a 寄付 or credit, by choice.
 */
export async function recordPayment(em: EntityManager, input: PaymentInput): Promise<RecordedPayment> {
  return (await recordPayments(em, [input]))[0]!;
}

/**
 * The 入金を記録 form's save: like recordPayment, but when the member already has a live payment of
 * the same amount on the same date (back + resubmit), it is refused with a 422 that offers
 * 「同じ内容でもう一度記録する」 — unless the staff member confirmed exactly that.
 */
export async function recordManualPayment(
  em: EntityManager,
  input: PaymentInput,
  opts: { confirmDuplicate?: boolean } = {},
): Promise<RecordedPayment> {
  validateShape(input);
  if (!opts.confirmDuplicate) {
    const same = await em.find(
      Payment,
      { member: input.memberId, receivedOn: input.receivedOn, amount: input.amount },
      { orderBy: { id: 'asc' } },
    );
    const dup = likelyDuplicate(input, same);
    if (dup)
      throw new LikelyDuplicateError(MSG.duplicatePayment(input.receivedOn, input.amount), `/dues/payments/${dup.id}`);
  }
  return recordPayment(em, input);
}

/**
 * Several payments in one transaction (a bank statement's certain matches): members, invoices
 * and settings are loaded once, and invoice balances are carried forward in memory from one
 * payment to the next, so the batch costs a few queries, not a few per payment.
 */
export async function recordPayments(em: EntityManager, inputs: PaymentInput[]): Promise<RecordedPayment[]> {
  inputs.forEach(validateShape);
  if (!inputs.length) return [];
  return em.transactional(async (tx) => {
    const members = new Map(
      (await tx.find(Member, { id: { $in: [...new Set(inputs.map((i) => i.memberId))] } })).map((m) => [m.id, m]),
    );
    const maxFee = Math.max(0, ...(await getSettings(tx)).transferFees);
    const invoiceIds = [...new Set(inputs.flatMap((i) => i.allocations.map((a) => a.invoiceId)))];
    const invoices = new Map(
      invoiceIds.length ? (await tx.find(Invoice, { id: { $in: invoiceIds } })).map((i) => [i.id, i]) : [],
    );
    const out = inputs.map((input) => createPayment(tx, input, members, invoices, maxFee));
    await tx.flush();
    return out;
  });
}

function createPayment(
  tx: EntityManager,
  input: PaymentInput,
  members: Map<number, IMember>,
  invoices: Map<number, IInvoice>,
  maxFee: number,
): RecordedPayment {
  const member = members.get(input.memberId);
  if (!member) throw new UserError(MSG.memberNotFound, 404);
  const { fee, allocated, remainder } = checkPayment(input, invoices, maxFee);
  const payment = tx.create(Payment, paymentRow(input, member, fee, allocated, remainder) as IPayment);
  const allocations = input.allocations.map((a) => {
    const inv = invoices.get(a.invoiceId)!;
    applyAllocation(inv, a.amount, input.receivedOn);
    return tx.create(Allocation, { payment, invoice: inv, amount: a.amount } as IAllocation);
  });
  const donation = hasDonation(input, remainder)
    ? tx.create(Donation, donationRow(input, member, remainder, payment) as IDonation)
    : null;
  return { payment, allocations, donation };
}

/** 入金の取消: allocations undone (kept, marked), invoices reopen, a donation from it reversed too. */
export async function reversePayment(em: EntityManager, id: number, reason: string): Promise<IPayment> {
  if (!reason.trim()) throw new UserError(MSG.reasonRequired, 422, { reason: MSG.reasonRequired });
  return em.transactional(async (tx) => {
    const payment = await tx.findOne(Payment, { id });
    if (!payment) throw new UserError(MSG.paymentNotFound, 404);
    if (payment.status === 'reversed') throw new UserError(MSG.alreadyReversed, 409);
    const allocations = await tx.find(Allocation, { payment }, { populate: ['invoice'] });
    for (const a of allocations) a.reversed = true;
    for (const d of await tx.find(Donation, { payment, status: 'active' }))
      Object.assign(d, {
        status: 'reversed',
        reversedAt: new Date(),
        reversalReason: reason.trim(),
        thankStatus: d.thankStatus === 'pending' ? 'none' : d.thankStatus,
      });
    Object.assign(payment, {
      status: 'reversed',
      reversedAt: new Date(),
      reversalReason: reason.trim(),
      thankStatus: payment.thankStatus === 'pending' ? 'none' : payment.thankStatus,
    });
    await recomputeInvoices(tx, [...new Set(allocations.map((a) => a.invoice))], payment.receivedOn);
    await tx.flush();
    return payment;
  });
}

/** Credit (預り金) a member still has: remainders kept as credit, not yet allocated later. */
export async function creditBalance(em: EntityManager, memberId: number): Promise<number> {
  // One sum in SQL (the member page asks on every view; entities would cost more than the query).
  const [row] = await em.execute<{ s: unknown }[]>(
    `select coalesce(sum(remainder_amount), 0) as s from payment
     where member_id = ? and status = 'active' and remainder_kind = 'credit' and remainder_amount > 0`,
    [memberId],
  );
  return Number(row?.s ?? 0);
}

/** Uses a member's credit for an open invoice: allocations added to the payments holding it. */
export async function applyCredit(em: EntityManager, memberId: number, invoiceId: number, on: string): Promise<number> {
  return em.transactional(async (tx) => {
    const inv = await tx.findOne(Invoice, { id: invoiceId });
    if (!inv || !isOpen(inv.status)) throw new UserError(MSG.notOpen, 409);
    const payments = await tx.find(
      Payment,
      { member: memberId, status: 'active', remainderKind: 'credit', remainderAmount: { $gt: 0 } },
      { orderBy: { receivedOn: 'asc', id: 'asc' } },
    );
    if (!payments.length) throw new UserError(MSG.noCredit, 409);
    let due = inv.amount - inv.paidAmount;
    let used = 0;
    for (const p of payments) {
      const take = Math.min(due, p.remainderAmount);
      if (take <= 0) break;
      tx.create(Allocation, { payment: p, invoice: inv, amount: take } as IAllocation);
      Object.assign(p, { allocatedAmount: p.allocatedAmount + take, remainderAmount: p.remainderAmount - take });
      due -= take;
      used += take;
    }
    await recomputeInvoices(tx, [inv], on);
    await tx.flush();
    return used;
  });
}

export async function memberPayments(em: EntityManager, member: IMember): Promise<IPayment[]> {
  return em.find(Payment, { member }, { orderBy: { receivedOn: 'desc', id: 'desc' }, limit: 100 });
}
