import { UserError } from '../web/errors.js';
import type { IInvoice } from './invoice.entity.js';
import { derivedStatus, isOpen } from './invoice-status.js';
import { PAYMENT_METHODS, type PaymentMethod, type PaymentSource, type RemainderKind } from './payment.entity.js';
import { MSG } from './ui-text.js';

/** The ledger's rules for one payment, on plain values: the ORM path and the batch path share them. */
export interface PaymentInput {
  memberId: number;
  receivedOn: string;
  amount: number;
  method: PaymentMethod;
  note?: string | null;
  /** Transfer fee deducted by the payer's bank and accepted: the invoices count as settled by amount + fee. */
  fee?: number;
  allocations: { invoiceId: number; amount: number }[];
  /** Required when amount + fee exceeds the allocations. */
  remainderKind?: RemainderKind | null;
  donationPurpose?: string | null;
  source?: PaymentSource;
  bankTransactionId?: number | null;
}

export function validateShape(input: PaymentInput): void {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new UserError(MSG.amountRequired, 422, { amount: MSG.amountRequired });
  if (!input.receivedOn) throw new UserError(MSG.dateRequired, 422, { receivedOn: MSG.dateRequired });
  if (!PAYMENT_METHODS.includes(input.method))
    throw new UserError(MSG.methodRequired, 422, { method: MSG.methodRequired });
  const fee = input.fee ?? 0;
  if (!Number.isSafeInteger(fee) || fee < 0) throw new UserError(MSG.feeTooLarge, 422, { fee: MSG.feeTooLarge });
}

/** What the ledger needs of an invoice to take an allocation (an entity or a plain row). */
export interface InvoiceBalance {
  id: number;
  invoiceNo: string;
  amount: number;
  paidAmount: number;
  status: IInvoice['status'];
  closedOn?: string | null;
}

/** Checks one payment against the balances it settles; the same rules for the ORM and the batch path. */
export function checkPayment(input: PaymentInput, invoices: Map<number, InvoiceBalance>, maxFee: number) {
  const fee = input.fee ?? 0;
  if (fee > maxFee) throw new UserError(MSG.feeTooLarge, 422, { fee: MSG.feeTooLarge });
  checkAllocations(input.allocations, invoices);
  const allocated = input.allocations.reduce((s, a) => s + a.amount, 0);
  const remainder = input.amount + fee - allocated;
  if (remainder < 0) throw new UserError(MSG.allocationsTooMuch, 422, { amount: MSG.allocationsTooMuch });
  if (remainder > 0 && fee > 0) throw new UserError(MSG.feeWithRemainder, 422, { fee: MSG.feeWithRemainder });
  if (remainder > 0 && !input.remainderKind)
    throw new UserError(MSG.remainderKindRequired, 422, { remainderKind: MSG.remainderKindRequired });
  return { fee, allocated, remainder };
}

/** Balances move forward in memory; paidAmount is the sum of active allocations by construction. */
export function applyAllocation(inv: InvoiceBalance, amount: number, on: string): void {
  inv.paidAmount += amount;
  const before = inv.status;
  inv.status = derivedStatus(inv.status, inv.amount, inv.paidAmount);
  if (inv.status === 'paid' && before !== 'paid') inv.closedOn = on;
}

export function hasDonation(input: PaymentInput, remainder: number): boolean {
  return remainder > 0 && input.remainderKind === 'donation';
}

/** The payment's fields, in the order the entity is created (member: an entity or an id). */
export function paymentRow(input: PaymentInput, member: unknown, fee: number, allocated: number, remainder: number) {
  return {
    member,
    receivedOn: input.receivedOn,
    amount: input.amount,
    fee,
    method: input.method,
    note: input.note?.trim() || null,
    source: input.source ?? 'manual',
    bankTransactionId: input.bankTransactionId ?? null,
    allocatedAmount: allocated,
    remainderKind: remainder > 0 ? input.remainderKind : null,
    remainderAmount: remainder,
  };
}

export function donationRow(input: PaymentInput, member: unknown, remainder: number, payment: unknown) {
  return {
    member,
    receivedOn: input.receivedOn,
    amount: remainder,
    method: input.method,
    purpose: input.donationPurpose?.trim() || null,
    payment,
  };
}

function checkAllocations(allocations: PaymentInput['allocations'], invoices: Map<number, InvoiceBalance>): void {
  const ids = allocations.map((a) => a.invoiceId);
  if (new Set(ids).size !== ids.length) throw new UserError(MSG.allocationsTooMuch, 422);
  for (const a of allocations) {
    const inv = invoices.get(a.invoiceId);
    if (!inv) throw new UserError(MSG.invoiceNotFound, 404);
    if (!isOpen(inv.status)) throw new UserError(MSG.invoiceClosed(inv.invoiceNo), 409);
    if (!Number.isSafeInteger(a.amount) || a.amount <= 0 || a.amount > inv.amount - inv.paidAmount) {
      throw new UserError(MSG.allocationInvalid(inv.invoiceNo), 422, {
        [`alloc_${inv.id}`]: MSG.allocationInvalid(inv.invoiceNo),
      });
    }
  }
}

/** A likely second recording of the same money: the form shows it, links to the first, and asks to confirm. */
export class LikelyDuplicateError extends UserError {
  constructor(
    message: string,
    public readonly recordedHref: string,
  ) {
    super(message, 422);
  }
}

/** What the duplicate rule needs of a payment or donation already recorded (an entity or a plain row). */
export interface RecordedPaymentFacts {
  id: number;
  amount: number;
  receivedOn: string;
  status: string;
}

/**
 * Back + resubmit of the form would record the same money twice: an earlier, non-reversed payment
 * of the same member with the same amount on the same date is taken as a likely duplicate (the
 * first one found), and the form asks before saving another. The caller passes that member's payments
 * (or, for the 寄付 form, that donor's donations).
 */
export function likelyDuplicate<T extends RecordedPaymentFacts>(
  input: Pick<PaymentInput, 'amount' | 'receivedOn'>,
  recorded: T[],
): T | null {
  return (
    recorded.find((p) => p.status !== 'reversed' && p.amount === input.amount && p.receivedOn === input.receivedOn) ??
    null
  );
}
