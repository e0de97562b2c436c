import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';
import { InvoiceRun } from './invoice-run.entity.js';

export const INVOICE_STATUSES = ['unpaid', 'partial', 'paid', 'waived', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type InvoiceKind = 'annual' | 'manual';

/**
 * 会費請求. Never deleted. paidAmount is the sum of the allocations of active payments and
 * status follows from it (see invoice-status.ts) — both are rewritten only by the dues
 * service, in the same transaction as the allocations, so they cannot drift.
 * `voided` marks invoices of an undone run: cancelled, and not counted as "already invoiced".
 */
export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  properties: {
    id: p.integer().primary().autoincrement(),
    invoiceNo: p.string().length(20).unique(),
    member: p.manyToOne(Member),
    fiscalYear: p.integer(),
    kind: p.string().length(20).$type<InvoiceKind>().default('annual'),
    run: p.manyToOne(InvoiceRun).nullable(),
    memberTypeName: p.string().length(60),
    description: p.string().length(200),
    amount: p.integer(),
    paidAmount: p.integer().default(0),
    issuedOn: p.date(),
    dueOn: p.date(),
    status: p.string().length(20).$type<InvoiceStatus>().default('unpaid'),
    statusReason: p.string().length(200).nullable(),
    closedOn: p.date().nullable(),
    voided: p.boolean().default(false),
    reminderCount: p.integer().default(0),
    lastRemindedOn: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['member', 'fiscalYear'] }, { properties: ['fiscalYear', 'status'] }],
});
export type IInvoice = InferEntity<typeof Invoice>;
