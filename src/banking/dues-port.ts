/**
 * Everything banking needs from the dues ledger, in one file: the dues service owns payments,
 * allocations and donations; banking only asks it to record and reverse them.
 */
import type { EntityManager } from '../db/orm.js';
import { Allocation } from '../dues/allocation.entity.js';
import { Invoice } from '../dues/invoice.entity.js';
import { Payment } from '../dues/payment.entity.js';
import { recordPayments, reversePayment, type PaymentInput } from '../dues/payment.service.js';
import { sqlRows } from '../dues/sql.js';
import { sqlDate } from '../dues/invoice-status.js';
import { displayName } from '../members/member.model.js';

export interface OpenInvoiceRow { id: number; invoiceNo: string; memberId: number; fiscalYear: number; outstanding: number }

export interface PaymentRequest {
  memberId: number; receivedOn: string; amount: number; fee: number;
  allocations: { invoiceId: number; amount: number }[]; remainder: 'donation' | 'credit';
  donationPurpose: string | null; bankTransactionId: number; note: string | null;
}

function toRow(i: { id: number; invoiceNo: string; member: { id: number }; fiscalYear: number; amount: number; paidAmount: number }): OpenInvoiceRow {
  return { id: i.id, invoiceNo: i.invoiceNo, memberId: i.member.id, fiscalYear: i.fiscalYear, outstanding: i.amount - i.paidAmount };
}

export async function openInvoices(em: EntityManager, memberIds: number[]): Promise<OpenInvoiceRow[]> {
  if (!memberIds.length) return [];
  const list = await em.find(Invoice, { member: { $in: memberIds }, status: { $in: ['unpaid', 'partial'] } }, { orderBy: { fiscalYear: 'asc', id: 'asc' } });
  return list.map(toRow);
}

export async function openInvoicesByIds(em: EntityManager, ids: number[]): Promise<OpenInvoiceRow[]> {
  if (!ids.length) return [];
  return (await em.find(Invoice, { id: { $in: ids }, status: { $in: ['unpaid', 'partial'] } })).map(toRow);
}

function paymentInput(req: PaymentRequest): PaymentInput {
  return {
    memberId: req.memberId, receivedOn: req.receivedOn, amount: req.amount, fee: req.fee, method: 'bank', source: 'bank',
    allocations: req.allocations, remainderKind: req.remainder, donationPurpose: req.donationPurpose,
    bankTransactionId: req.bankTransactionId, note: req.note,
  };
}

export async function postPayment(em: EntityManager, req: PaymentRequest): Promise<number> {
  return (await postPayments(em, [req]))[0]!;
}

/** Many certain matches at once (an import): one batch through the dues service. */
export async function postPayments(em: EntityManager, reqs: PaymentRequest[]): Promise<number[]> {
  const recorded = await recordPayments(em, reqs.map(paymentInput));
  return recorded.map((r) => r.payment.id);
}

/** Reverses every active payment made from a statement line. */
export async function reversePaymentsOfLine(em: EntityManager, bankTransactionId: number, reason: string): Promise<void> {
  const payments = await em.find(Payment, { bankTransactionId, status: 'active' });
  for (const p of payments) await reversePayment(em, p.id, reason);
}

/** Invoice numbers each line's payments settled, for the import page. */
export async function invoiceNosOfLines(em: EntityManager, lineIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!lineIds.length) return out;
  const allocations = await em.find(Allocation, { payment: { bankTransactionId: { $in: lineIds }, status: 'active' }, reversed: false }, { populate: ['invoice', 'payment'] });
  for (const a of allocations) {
    const id = a.payment.bankTransactionId!;
    out.set(id, [...(out.get(id) ?? []), a.invoice.invoiceNo]);
  }
  return out;
}

export interface ThankRow { paymentId: number; memberId: number; memberNo: number; name: string; receivedOn: string; amount: number; donation: number; source: string }

/** お礼状・領収書の送付待ち: active payments not yet thanked, oldest first (the documents issue prints them). */
export async function paymentsToThank(em: EntityManager, limit = 500): Promise<ThankRow[]> {
  const rows = await sqlRows<Record<string, unknown>>(em,
    `select p.id, p.member_id, p.received_on, p.amount, p.source, p.remainder_kind, p.remainder_amount,
       m.member_no, m.kind, m.family_name, m.given_name, m.org_name
     from payment p join member m on m.id = p.member_id
     where p.status = 'active' and p.thank_status = 'pending' order by p.received_on, p.id limit ?`, [limit]);
  return rows.map((r) => ({
    paymentId: Number(r.id), memberId: Number(r.member_id), memberNo: Number(r.member_no),
    name: displayName({ kind: r.kind as 'individual', familyName: r.family_name as string, givenName: r.given_name as string, orgName: r.org_name as string } as never),
    receivedOn: sqlDate(r.received_on as string | Date),
    amount: Number(r.amount), donation: r.remainder_kind === 'donation' ? Number(r.remainder_amount) : 0, source: String(r.source),
  }));
}
