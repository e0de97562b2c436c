import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Invoice } from './invoice.entity.js';
import { Payment } from './payment.entity.js';

/** How much of a payment goes to one invoice. Kept (reversed=true) when the payment is reversed. */
export const Allocation = defineEntity({
  name: 'Allocation',
  tableName: 'allocation',
  properties: {
    id: p.integer().primary().autoincrement(),
    payment: p.manyToOne(Payment),
    invoice: p.manyToOne(Invoice),
    amount: p.integer(),
    reversed: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['invoice'] }, { properties: ['payment'] }],
});
export type IAllocation = InferEntity<typeof Allocation>;
