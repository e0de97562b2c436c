import type { EntityManager } from '../db/orm.js';
import { addDays, todayInTokyo } from '../lib/dates.js';
import { fiscalYearLabel, fiscalYearRange } from '../lib/fiscal-year.js';
import { Member } from '../members/member.entity.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { Allocation } from './allocation.entity.js';
import { Invoice, type IInvoice } from './invoice.entity.js';
import { formatInvoiceNo, invoiceSeq, isOpen, proratedFee } from './invoice-status.js';
import { DOCUMENT_TEXT, MSG } from './ui-text.js';

/** A 年度 as staff type it: a four-digit year in a sensible range. */
export function isFiscalYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2000 && year <= 2100;
}

export function checkFiscalYear(year: unknown): number {
  const y = Number(year);
  if (!isFiscalYear(y)) throw new UserError(MSG.badYear, 422, { fiscalYear: MSG.badYear });
  return y;
}

export function annualDescription(fiscalYear: number, typeName: string): string {
  return DOCUMENT_TEXT.annualFee(fiscalYearLabel(fiscalYear), typeName);
}

/** The next free sequence number of the year (numbers are never reused, even when voided). */
export async function nextInvoiceSeq(em: EntityManager, fiscalYear: number): Promise<number> {
  const rows = await em.execute<{ no: string | null }[]>(
    'select max(invoice_no) as no from invoice where invoice_no like ?',
    [`${fiscalYear}-%`],
  );
  return invoiceSeq(rows[0]?.no ?? '') + 1;
}

export async function getInvoice(em: EntityManager, id: number): Promise<IInvoice> {
  const inv = await em.findOne(Invoice, { id }, { populate: ['member', 'member.memberType', 'run'] });
  if (!inv) throw new UserError(MSG.invoiceNotFound, 404);
  return inv;
}

export interface ManualInvoiceInput {
  memberId: number;
  fiscalYear: number;
  amount?: number | null;
  description?: string | null;
  issuedOn?: string;
  prorate?: boolean;
}

/** The fee a member would be billed for a year: the type's fee, prorated per the setting if asked. */
export async function suggestedAmount(
  em: EntityManager,
  memberId: number,
  fiscalYear: number,
  prorate = true,
): Promise<number> {
  const member = await em.findOne(Member, { id: memberId }, { populate: ['memberType'] });
  if (!member) throw new UserError(MSG.memberNotFound, 404);
  const settings = await getSettings(em);
  const fee = member.memberType.annualFee;
  if (!prorate || settings.proration !== 'monthly' || !member.joinedOn) return fee;
  const { start, end } = fiscalYearRange(fiscalYear, settings.fiscalYearStartMonth);
  return proratedFee(fee, member.joinedOn, start, end);
}

/** A single invoice for one member (joining mid-year, a forgotten year). One per member and year. */
export async function createManualInvoice(em: EntityManager, input: ManualInvoiceInput): Promise<IInvoice> {
  checkFiscalYear(input.fiscalYear);
  return em.transactional(async (tx) => {
    const member = await tx.findOne(Member, { id: input.memberId }, { populate: ['memberType'] });
    if (!member) throw new UserError(MSG.memberNotFound, 404);
    const settings = await getSettings(tx);
    const amount = input.amount ?? (await suggestedAmount(tx, member.id, input.fiscalYear, input.prorate ?? true));
    if (!Number.isSafeInteger(amount) || amount <= 0)
      throw new UserError(MSG.amountRequired, 422, { amount: MSG.amountRequired });
    if (
      await tx.count(Invoice, { member, fiscalYear: input.fiscalYear, voided: false, status: { $ne: 'cancelled' } })
    ) {
      throw new UserError(MSG.duplicateInvoice(input.fiscalYear), 409, {
        fiscalYear: MSG.duplicateInvoice(input.fiscalYear),
      });
    }
    const issuedOn = input.issuedOn ?? todayInTokyo();
    const inv = tx.create(Invoice, {
      invoiceNo: formatInvoiceNo(input.fiscalYear, await nextInvoiceSeq(tx, input.fiscalYear)),
      member,
      fiscalYear: input.fiscalYear,
      kind: 'manual',
      memberTypeName: member.memberType.name,
      description: input.description?.trim() || annualDescription(input.fiscalYear, member.memberType.name),
      amount,
      issuedOn,
      dueOn: addDays(issuedOn, settings.dueDays),
    } as IInvoice);
    await tx.flush();
    return inv;
  });
}

/** 免除: the rest of the invoice is not expected any more (hardship, honorary member …). */
export async function waiveInvoice(em: EntityManager, id: number, reason: string): Promise<IInvoice> {
  return closeInvoice(em, id, reason, 'waived');
}

/** 取消: issued by mistake. Refused while payments are allocated to it. */
export async function cancelInvoice(em: EntityManager, id: number, reason: string): Promise<IInvoice> {
  return closeInvoice(em, id, reason, 'cancelled');
}

async function closeInvoice(
  em: EntityManager,
  id: number,
  reason: string,
  status: 'waived' | 'cancelled',
): Promise<IInvoice> {
  if (!reason.trim()) throw new UserError(MSG.reasonRequired, 422, { reason: MSG.reasonRequired });
  return em.transactional(async (tx) => {
    const inv = await tx.findOne(Invoice, { id });
    if (!inv) throw new UserError(MSG.invoiceNotFound, 404);
    if (!isOpen(inv.status)) throw new UserError(MSG.notOpen, 409);
    if (status === 'cancelled' && (await tx.count(Allocation, { invoice: inv, reversed: false })))
      throw new UserError(MSG.cannotCancelPaid, 409);
    Object.assign(inv, { status, statusReason: reason.trim(), closedOn: todayInTokyo() });
    await tx.flush();
    return inv;
  });
}

/** Open (未納・一部入金) invoices of some members, oldest year first: what a payment can settle. */
export async function listOpenInvoices(em: EntityManager, memberIds: number[]): Promise<IInvoice[]> {
  if (!memberIds.length) return [];
  return em.find(
    Invoice,
    { member: { $in: memberIds }, status: { $in: ['unpaid', 'partial'] } },
    {
      populate: ['member'],
      orderBy: { fiscalYear: 'asc', id: 'asc' },
    },
  );
}

export async function memberInvoices(em: EntityManager, memberId: number): Promise<IInvoice[]> {
  return em.find(Invoice, { member: memberId }, { orderBy: { fiscalYear: 'desc', id: 'desc' } });
}
