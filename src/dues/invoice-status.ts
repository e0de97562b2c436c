import type { InvoiceStatus } from './invoice.entity.js';

/**
 * The status of an invoice that follows from what has been paid on it. 免除 and 取消 are staff
 * decisions and stay as they are; everything else is recomputed from the allocations.
 */
export function derivedStatus(current: InvoiceStatus, amount: number, paid: number): InvoiceStatus {
  if (current === 'waived' || current === 'cancelled') return current;
  if (paid >= amount) return 'paid';
  return paid > 0 ? 'partial' : 'unpaid';
}

export function isOpen(status: InvoiceStatus): boolean {
  return status === 'unpaid' || status === 'partial';
}

export interface InvoiceBalance {
  status: InvoiceStatus;
  amount: number;
  paidAmount: number;
  closedOn?: string | null;
}

/**
 * The closing rule: an invoice whose paid amount changed on `on` gets its derived status, is
 * closed on that day when it has just become paid (an earlier closing day is kept), and has no
 * closing day while it is open again. 免除・取消 keep theirs.
 */
export function settleInvoice(inv: InvoiceBalance, on: string): Pick<InvoiceBalance, 'status' | 'closedOn'> {
  const status = derivedStatus(inv.status, inv.amount, inv.paidAmount);
  if (status === 'paid' && inv.status !== 'paid') return { status, closedOn: on };
  return { status, closedOn: isOpen(status) ? null : (inv.closedOn ?? null) };
}

/** `2026-000123`: fiscal year, then a per-year sequence that is never reused. */
export function formatInvoiceNo(fiscalYear: number, seq: number): string {
  return `${fiscalYear}-${String(seq).padStart(6, '0')}`;
}

export function invoiceSeq(invoiceNo: string): number {
  return Number(invoiceNo.slice(invoiceNo.indexOf('-') + 1)) || 0;
}

/**
 * Monthly proration for a mid-year joiner: the months from the joining month to the end of
 * the fiscal year, in whole months, rounded down to 10 yen (offices do not bill odd yen).
 */
export function proratedFee(annualFee: number, joinedOn: string, fyStart: string, fyEnd: string): number {
  if (joinedOn <= fyStart) return annualFee;
  if (joinedOn > fyEnd) return 0;
  const months =
    (Number(fyEnd.slice(0, 4)) - Number(joinedOn.slice(0, 4))) * 12 +
    Number(fyEnd.slice(5, 7)) -
    Number(joinedOn.slice(5, 7)) +
    1;
  return Math.floor((annualFee * months) / 12 / 10) * 10;
}

/** A date column read with raw SQL: a string on SQLite, a local-midnight Date from node-postgres. */
export function sqlDate(v: string | Date): string {
  if (!(v instanceof Date)) return String(v).slice(0, 10);
  return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
}
