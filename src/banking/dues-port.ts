/**
 * Everything banking needs from the dues ledger, in one file: the dues service owns payments,
 * allocations and donations; banking only asks it to record and reverse them.
 */
import type { EntityManager } from '../db/orm.js';
import { dayOf } from '../db/raw-values.js';
import { Allocation } from '../dues/allocation.entity.js';
import { Donation } from '../dues/donation.entity.js';
import { recordDonation, reverseDonation } from '../dues/donation.service.js';
import { Invoice } from '../dues/invoice.entity.js';
import { Payment } from '../dues/payment.entity.js';
import { recordPaymentsBatch } from '../dues/payment-batch.js';
import { recordPayments, reversePayment, type PaymentInput } from '../dues/payment.service.js';

export interface OpenInvoiceRow {
  id: number;
  invoiceNo: string;
  memberId: number;
  fiscalYear: number;
  outstanding: number;
}

export interface PaymentRequest {
  memberId: number;
  receivedOn: string;
  amount: number;
  fee: number;
  allocations: { invoiceId: number; amount: number }[];
  remainder: 'donation' | 'credit';
  donationPurpose: string | null;
  bankTransactionId: number;
  note: string | null;
}

function toRow(i: {
  id: number;
  invoiceNo: string;
  member: { id: number };
  fiscalYear: number;
  amount: number;
  paidAmount: number;
}): OpenInvoiceRow {
  return {
    id: i.id,
    invoiceNo: i.invoiceNo,
    memberId: i.member.id,
    fiscalYear: i.fiscalYear,
    outstanding: i.amount - i.paidAmount,
  };
}

export async function openInvoices(em: EntityManager, memberIds: number[]): Promise<OpenInvoiceRow[]> {
  if (!memberIds.length) return [];
  const list = await em.find(
    Invoice,
    { member: { $in: memberIds }, status: { $in: ['unpaid', 'partial'] } },
    { orderBy: { fiscalYear: 'asc', id: 'asc' } },
  );
  return list.map(toRow);
}

export async function openInvoicesByIds(em: EntityManager, ids: number[]): Promise<OpenInvoiceRow[]> {
  if (!ids.length) return [];
  return (await em.find(Invoice, { id: { $in: ids }, status: { $in: ['unpaid', 'partial'] } })).map(toRow);
}

function paymentInput(req: PaymentRequest): PaymentInput {
  return {
    memberId: req.memberId,
    receivedOn: req.receivedOn,
    amount: req.amount,
    fee: req.fee,
    method: 'bank',
    source: 'bank',
    allocations: req.allocations,
    remainderKind: req.remainder,
    donationPurpose: req.donationPurpose,
    bankTransactionId: req.bankTransactionId,
    note: req.note,
  };
}

export async function postPayment(em: EntityManager, req: PaymentRequest): Promise<number> {
  return (await postPayments(em, [req]))[0]!;
}

/** Several payments through the dues service's entities (the per-entity path). */
export async function postPayments(em: EntityManager, reqs: PaymentRequest[]): Promise<number[]> {
  const recorded = await recordPayments(em, reqs.map(paymentInput));
  return recorded.map((r) => r.payment.id);
}

/** Many certain matches at once (an import): set-based through the dues ledger, in the caller's transaction. */
export async function postPaymentsBatch(em: EntityManager, reqs: PaymentRequest[]): Promise<number[]> {
  return recordPaymentsBatch(em, reqs.map(paymentInput));
}

export interface LastPayment {
  receivedOn: string;
  amount: number;
}

/**
 * Each member's latest active payment (date and amount received), for telling candidates of the
 * same name apart: one query for all of them, however many.
 */
export async function lastPayments(em: EntityManager, memberIds: number[]): Promise<Map<number, LastPayment>> {
  const out = new Map<number, LastPayment>();
  const ids = [...new Set(memberIds)].slice(0, 500);
  if (!ids.length) return out;
  const knex = em.getKnex();
  const latest = knex('payment as q')
    .select('q.id')
    .whereRaw('q.member_id = p.member_id')
    .andWhere('q.status', 'active')
    .orderBy([
      { column: 'q.received_on', order: 'desc' },
      { column: 'q.id', order: 'desc' },
    ])
    .limit(1);
  const rows = await em.execute<{ member_id: number; received_on: unknown; amount: number }[]>(
    knex('payment as p')
      .select('p.member_id', 'p.received_on', 'p.amount')
      .whereIn('p.member_id', ids)
      .andWhere('p.status', 'active')
      .andWhere('p.id', '=', latest),
  );
  for (const r of rows) out.set(Number(r.member_id), { receivedOn: dayOf(r.received_on), amount: Number(r.amount) });
  return out;
}

export interface NonMemberDonationRequest {
  bankTransactionId: number;
  receivedOn: string;
  amount: number;
  donorName: string;
  donorAddress: string;
  purpose: string | null;
}

/** A gift from someone who is not a member, received on a statement line: a donation row of its own. */
export async function postNonMemberDonation(em: EntityManager, req: NonMemberDonationRequest): Promise<number> {
  const d = await recordDonation(em, {
    memberId: null,
    donorName: req.donorName,
    donorAddress: req.donorAddress,
    receivedOn: req.receivedOn,
    amount: req.amount,
    method: 'bank',
    purpose: req.purpose,
    bankTransactionId: req.bankTransactionId,
  });
  return d.id;
}

/** Reverses every active payment (and a non-member's donation) made from a statement line. */
export async function reversePaymentsOfLine(
  em: EntityManager,
  bankTransactionId: number,
  reason: string,
): Promise<void> {
  const payments = await em.find(Payment, { bankTransactionId, status: 'active' });
  for (const p of payments) await reversePayment(em, p.id, reason);
  const gifts = await em.find(Donation, { bankTransactionId, payment: null, status: 'active' });
  for (const d of gifts) await reverseDonation(em, d.id, reason);
}

/** Invoice numbers each line's payments settled, for the import page. */
export async function invoiceNosOfLines(em: EntityManager, lineIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!lineIds.length) return out;
  const allocations = await em.find(
    Allocation,
    { payment: { bankTransactionId: { $in: lineIds }, status: 'active' }, reversed: false },
    { populate: ['invoice', 'payment'] },
  );
  for (const a of allocations) {
    const id = a.payment.bankTransactionId!;
    out.set(id, [...(out.get(id) ?? []), a.invoice.invoiceNo]);
  }
  return out;
}
