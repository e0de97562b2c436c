import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';
import { Payment, type PaymentMethod, type ThankStatus } from './payment.entity.js';

/**
 * 寄付. Either entered on its own or the remainder of a payment (payment set). The receipts
 * issue prints 寄付金受領証明書 from these rows; thankStatus queues the thank-you letter.
 */
export const Donation = defineEntity({
  name: 'Donation',
  tableName: 'donation',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member).nullable(),
    donorName: p.string().length(120).nullable(),
    donorAddress: p.string().length(300).nullable(), // a donor who is not a member: printed on certificates
    receivedOn: p.date(),
    amount: p.integer(),
    method: p.string().length(20).$type<PaymentMethod>(),
    purpose: p.string().length(200).nullable(),
    payment: p.manyToOne(Payment).nullable(),
    note: p.string().length(400).nullable(),
    status: p.string().length(20).$type<'active' | 'reversed'>().default('active'),
    reversalReason: p.string().length(200).nullable(),
    reversedAt: p.datetime().nullable(), // the accounting export dates its reversing entry on this day
    thankStatus: p.string().length(20).$type<ThankStatus>().default('pending'),
    bankTransactionId: p.integer().nullable().index(), // a non-member's gift booked from a statement line
    campaignId: p.integer().nullable().index(), // キャンペーン (src/mailings/campaign.entity.ts); no FK on SQLite
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['member'] }, { properties: ['receivedOn'] }],
});
export type IDonation = InferEntity<typeof Donation>;
