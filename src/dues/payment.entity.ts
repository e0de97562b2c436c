import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';

export const PAYMENT_METHODS = ['bank', 'postal', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentSource = 'manual' | 'bank';
export type RemainderKind = 'donation' | 'credit';
export type PaymentStatus = 'active' | 'reversed';
/** Receipt / thank-you letter queue for the documents issue: pending until printed. */
export type ThankStatus = 'pending' | 'done' | 'none';

/**
 * 入金. amount is the cash received. fee is a transfer fee the payer's bank deducted that the
 * office accepts (the invoice counts as settled by amount + fee). What is not allocated to
 * invoices (amount + fee − allocations) is the remainder: a Donation row, or credit kept for
 * later invoices (remainderKind 'credit'). Reversal keeps every row and marks them.
 */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member),
    receivedOn: p.date(),
    amount: p.integer(),
    fee: p.integer().default(0),
    method: p.string().length(20).$type<PaymentMethod>(),
    note: p.string().length(400).nullable(),
    source: p.string().length(20).$type<PaymentSource>().default('manual'),
    bankTransactionId: p.integer().nullable().index(),
    allocatedAmount: p.integer().default(0),
    remainderKind: p.string().length(20).$type<RemainderKind>().nullable(),
    remainderAmount: p.integer().default(0),
    status: p.string().length(20).$type<PaymentStatus>().default('active'),
    reversedAt: p.datetime().nullable(),
    reversalReason: p.string().length(200).nullable(),
    thankStatus: p.string().length(20).$type<ThankStatus>().default('pending'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['member', 'receivedOn'] }, { properties: ['thankStatus'] }],
});
export type IPayment = InferEntity<typeof Payment>;
