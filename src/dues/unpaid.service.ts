import type { EntityManager } from '../db/orm.js';
import type { ReminderDoc } from '../documents/reminder.pdf.js';
import { todayInTokyo } from '../lib/dates.js';
import { UserError } from '../web/errors.js';
import { invoiceDoc } from './dues-documents.js';
import { Invoice, type IInvoice } from './invoice.entity.js';
import { MSG } from './ui-text.js';

/** 未納者一覧 of a fiscal year: open invoices with member contact, outstanding and reminders sent. */
export async function unpaidInvoices(
  em: EntityManager,
  fiscalYear: number,
  opts: { limit?: number; offset?: number } = {},
): Promise<{ items: IInvoice[]; total: number; outstanding: number }> {
  const where = { fiscalYear, status: { $in: ['unpaid', 'partial'] } } as const;
  const [items, total] = await em.findAndCount(Invoice, where, {
    populate: ['member'],
    orderBy: { member: { kanaKey: 'asc' }, id: 'asc' },
    limit: opts.limit,
    offset: opts.offset,
  });
  const rows = await em.execute<{ s: number | null }[]>(
    `select sum(amount - paid_amount) as s from invoice where fiscal_year = ? and status in ('unpaid', 'partial')`,
    [fiscalYear],
  );
  return { items, total, outstanding: Number(rows[0]?.s ?? 0) };
}

/**
 * Marks the invoices as reminded today (count + date) and returns the pages to print, in one
 * transaction. Called by the unpaid list's print button and, later, by the reminder job.
 * Only invoices still open are reminded; the others are left out silently (paid meanwhile).
 */
export async function remindInvoices(
  em: EntityManager,
  opts: { fiscalYear: number; invoiceIds?: number[]; on?: string },
): Promise<ReminderDoc[]> {
  const on = opts.on ?? todayInTokyo();
  return em.transactional(async (tx) => {
    const where = {
      fiscalYear: opts.fiscalYear,
      status: { $in: ['unpaid', 'partial'] },
      ...(opts.invoiceIds ? { id: { $in: opts.invoiceIds } } : {}),
    } as const;
    const invoices = await tx.find(Invoice, where, {
      populate: ['member'],
      orderBy: { member: { kanaKey: 'asc' }, id: 'asc' },
    });
    if (!invoices.length) throw new UserError(MSG.nothingToRemind, 409);
    const docs: ReminderDoc[] = [];
    for (const inv of invoices) {
      inv.reminderCount += 1;
      inv.lastRemindedOn = on;
      docs.push({
        ...invoiceDoc(inv),
        outstanding: inv.amount - inv.paidAmount,
        reminderCount: inv.reminderCount,
        remindedOn: on,
      });
    }
    await tx.flush();
    return docs;
  });
}
