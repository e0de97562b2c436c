import type { EntityManager } from '../db/orm.js';
import { formatYenJa } from '../lib/money.js';
import type { IMember } from '../members/member.entity.js';
import { displayName } from '../members/member.model.js';
import {
  addMemberSection,
  addTimelineSource,
  type MemberPageReads,
  type TimelineItem,
} from '../members/member-page.js';
import { Allocation } from './allocation.entity.js';
import { duesStatusOf } from './dues-status.service.js';
import { memberInvoices } from './invoice.service.js';
import type { IPayment } from './payment.entity.js';
import { creditBalance, memberPayments } from './payment.service.js';
import { INVOICE_STATUS_LABELS, METHOD_LABELS, REMAINDER_LABELS, TIMELINE } from './ui-text.js';

/** Helpers every dues template gets (labels and yen formatting in one place). */
export const duesHelpers = {
  statusLabels: INVOICE_STATUS_LABELS,
  methodLabels: METHOD_LABELS,
  remainderLabels: REMAINDER_LABELS,
  displayName,
};

/** 充当先 of each payment: the invoice numbers its active allocations went to (one query). */
async function allocationTargets(em: EntityManager, payments: IPayment[]): Promise<Record<number, string[]>> {
  const out: Record<number, string[]> = {};
  if (!payments.length) return out;
  const rows = await em.find(
    Allocation,
    { payment: { $in: payments.map((p) => p.id) } },
    { populate: ['invoice'], orderBy: { id: 'asc' } },
  );
  for (const a of rows) {
    out[a.payment.id] = out[a.payment.id] ?? [];
    out[a.payment.id]!.push(a.invoice.invoiceNo + (a.reversed ? TIMELINE.reversedMark : ''));
  }
  return out;
}

/** Read once per member page: the section and the timeline both list them. */
const invoicesOf = (em: EntityManager, m: IMember, page: MemberPageReads) =>
  page.once('dues.invoices', () => memberInvoices(em, m.id));
const paymentsOf = (em: EntityManager, m: IMember, page: MemberPageReads) =>
  page.once('dues.payments', () => memberPayments(em, m));

async function loadSection(em: EntityManager, m: IMember, page: MemberPageReads) {
  const [dues, invoices, payments, credit] = await Promise.all([
    duesStatusOf(em, m),
    invoicesOf(em, m, page),
    paymentsOf(em, m, page),
    creditBalance(em, m.id),
  ]);
  const openInvoices = invoices.filter((i) => i.status === 'unpaid' || i.status === 'partial');
  return {
    dues,
    invoices,
    payments,
    credit,
    openInvoices,
    targets: await allocationTargets(em, payments),
    ...duesHelpers,
  };
}

/** 請求 (issued, manual or by a run), 入金 (received) and 取消 (a reversed payment or a cancelled invoice). */
async function timeline(em: EntityManager, m: IMember, page: MemberPageReads): Promise<TimelineItem[]> {
  // The section's lists (all invoices, the 100 latest payments), newest first.
  const [all, payments] = await Promise.all([invoicesOf(em, m, page), paymentsOf(em, m, page)]);
  const invoices = all
    .filter((i) => !i.voided)
    .sort((a, b) => b.id - a.id)
    .slice(0, 50);
  const items: TimelineItem[] = [];
  for (const i of invoices) {
    const href = `/dues/invoices/${i.id}`;
    items.push({
      at: i.issuedOn,
      kind: TIMELINE.invoice,
      title: `${i.description} ${formatYenJa(i.amount)}`,
      detail: i.invoiceNo,
      href,
    });
    if (i.status === 'cancelled' || i.status === 'waived') {
      items.push({
        at: i.closedOn ?? i.issuedOn,
        kind: i.status === 'cancelled' ? TIMELINE.cancelled : TIMELINE.waived,
        title: TIMELINE.invoiceTitle(i.invoiceNo),
        detail: i.statusReason,
        href,
      });
    }
  }
  for (const p of payments) {
    const href = `/dues/payments/${p.id}`;
    items.push({
      at: p.receivedOn,
      kind: TIMELINE.payment,
      title: `${METHOD_LABELS[p.method]} ${formatYenJa(p.amount)}`,
      detail: p.note,
      href,
      struckMark: p.status === 'reversed' ? TIMELINE.cancelled : null,
    });
    if (p.status === 'reversed') {
      const at = p.reversedAt ? new Date(p.reversedAt).toISOString() : p.receivedOn;
      items.push({
        at,
        kind: TIMELINE.cancelled,
        title: TIMELINE.paymentTitle(p.receivedOn, formatYenJa(p.amount)),
        detail: p.reversalReason,
        href,
      });
    }
  }
  return items;
}

/** The 「会費」 section and timeline entries of the member page (called once at plugin registration). */
export function registerDuesMemberSection(): void {
  addMemberSection({
    key: 'dues',
    order: 5,
    template: 'dues/member-section',
    load: (em, m, _s, page) => loadSection(em, m, page),
  });
  addTimelineSource('dues', timeline);
}
