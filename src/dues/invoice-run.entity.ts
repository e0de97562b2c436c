import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type InvoiceRunStatus = 'active' | 'undone';

/**
 * One annual invoice run (一括発行). Undoing it voids its invoices (they stay, cancelled and
 * marked void, so numbers are never reused) and is refused once any of them has a payment.
 */
export const InvoiceRun = defineEntity({
  name: 'InvoiceRun',
  tableName: 'invoice_run',
  properties: {
    id: p.integer().primary().autoincrement(),
    fiscalYear: p.integer(),
    issuedOn: p.date(),
    dueOn: p.date(),
    issuedCount: p.integer().default(0),
    totalAmount: p.integer().default(0),
    status: p.string().length(20).$type<InvoiceRunStatus>().default('active'),
    undoneAt: p.datetime().nullable(),
    undoReason: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['fiscalYear'] }],
});
export type IInvoiceRun = InferEntity<typeof InvoiceRun>;
