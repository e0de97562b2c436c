import type { EntityManager } from '../db/orm.js';
import { Allocation } from '../dues/allocation.entity.js';
import { Donation } from '../dues/donation.entity.js';
import { Payment } from '../dues/payment.entity.js';
import { addDays, todayInTokyo } from '../lib/dates.js';
import { getSettings, type Settings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { journalFile } from './formats/index.js';
import {
  donationEntries,
  entriesInPeriod,
  paymentEntries,
  type AccountSettings,
  type AllocationSource,
  type DonationSource,
  type JournalEntry,
  type PaymentSource,
} from './journal.js';
import { ACCOUNTING_MSG, ACCOUNTING_TEXT, FORMATS, type AccountingFormat } from './ui-text.js';

export function accountSettings(s: Settings): AccountSettings {
  return {
    duesAccount: s.accountingDuesAccount,
    duesSubAccounts: s.accountingDuesSubAccounts,
    donationAccount: s.accountingDonationAccount,
    donationSubAccount: s.accountingDonationSubAccount,
    feeAccount: s.accountingFeeAccount,
    creditAccount: s.accountingCreditAccount,
    depositAccounts: s.accountingDepositAccounts,
    taxCategory: s.accountingTaxCategory,
    feeTaxCategory: s.accountingFeeTaxCategory,
  };
}

/** Checks a period (both days included, at most a year) and the format; Japanese messages. */
export function checkExportInput(
  format: string,
  from: string | null,
  to: string | null,
): { format: AccountingFormat; from: string; to: string } {
  const errors: Record<string, string> = {};
  if (!FORMATS.includes(format as AccountingFormat)) errors.format = ACCOUNTING_MSG.badFormat;
  if (!from) errors.from = ACCOUNTING_MSG.badFrom;
  if (!to) errors.to = ACCOUNTING_MSG.badTo;
  if (from && to && to < from) errors.to = ACCOUNTING_MSG.badRange;
  if (from && to && to > addDays(from, 366)) errors.to = ACCOUNTING_MSG.tooLong;
  if (Object.keys(errors).length) throw new UserError(Object.values(errors)[0]!, 422, errors);
  return { format: format as AccountingFormat, from: from!, to: to! };
}

const startOfDay = (iso: string) => new Date(`${iso}T00:00:00+09:00`);
const tokyoDay = (d: Date | null | undefined) => (d ? todayInTokyo(d) : null);
// Allocations written later than this after their payment are credit (預り金) used on a later day.
const SAME_OPERATION_MS = 60_000;

async function chunked<T>(ids: number[], fn: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

/** Payments with anything dated in the period: received, reversed, or credit used in it. */
async function paymentSources(em: EntityManager, from: string, to: string): Promise<PaymentSource[]> {
  const [fromAt, toAt] = [startOfDay(from), startOfDay(addDays(to, 1))];
  const later = await em.find(Allocation, { createdAt: { $gte: fromAt, $lt: toAt } }, { fields: ['payment'] });
  const payments = await em.find(
    Payment,
    {
      $or: [
        { receivedOn: { $gte: from, $lte: to } },
        { reversedAt: { $gte: fromAt, $lt: toAt } },
        { id: { $in: [...new Set(later.map((a) => a.payment.id))] } },
      ],
    },
    {
      populate: ['member'],
      fields: ['id', 'receivedOn', 'amount', 'fee', 'method', 'status', 'reversedAt', 'createdAt', 'member.memberNo'],
      orderBy: { id: 'asc' },
    },
  );
  const ids = payments.map((p) => p.id);
  const allocs = await chunked(ids, (part) =>
    em.find(
      Allocation,
      { payment: { $in: part } },
      {
        populate: ['invoice'],
        fields: ['id', 'amount', 'createdAt', 'payment', 'invoice.memberTypeName', 'invoice.fiscalYear'],
        orderBy: { id: 'asc' },
      },
    ),
  );
  const gifts = await chunked(ids, (part) =>
    em.find(Donation, { payment: { $in: part } }, { fields: ['amount', 'payment'] }),
  );
  const byPayment = new Map<number, AllocationSource[]>();
  const createdAt = new Map(payments.map((p) => [p.id, p.createdAt.getTime()]));
  for (const a of allocs) {
    const later = a.createdAt.getTime() - createdAt.get(a.payment.id)! > SAME_OPERATION_MS;
    const list = byPayment.get(a.payment.id) ?? [];
    list.push({
      id: a.id,
      typeName: a.invoice.memberTypeName,
      fiscalYear: a.invoice.fiscalYear,
      amount: a.amount,
      appliedOn: later ? tokyoDay(a.createdAt) : null,
    });
    byPayment.set(a.payment.id, list);
  }
  const donated = new Map<number, number>();
  for (const g of gifts) donated.set(g.payment!.id, (donated.get(g.payment!.id) ?? 0) + g.amount);
  return payments.map((p) => ({
    id: p.id,
    receivedOn: p.receivedOn,
    amount: p.amount,
    fee: p.fee,
    method: p.method,
    memberNo: String(p.member.memberNo),
    allocations: byPayment.get(p.id) ?? [],
    donation: donated.get(p.id) ?? 0,
    reversedOn: p.status === 'reversed' ? tokyoDay(p.reversedAt) : null,
  }));
}

/** Donations entered on their own (a payment's remainder is part of the payment's entry). */
async function donationSources(em: EntityManager, from: string, to: string): Promise<DonationSource[]> {
  const [fromAt, toAt] = [startOfDay(from), startOfDay(addDays(to, 1))];
  const rows = await em.find(
    Donation,
    { payment: null, $or: [{ receivedOn: { $gte: from, $lte: to } }, { reversedAt: { $gte: fromAt, $lt: toAt } }] },
    {
      populate: ['member'],
      fields: [
        'id',
        'receivedOn',
        'amount',
        'method',
        'donorName',
        'purpose',
        'status',
        'reversedAt',
        'member.memberNo',
      ],
      orderBy: { id: 'asc' },
    },
  );
  return rows.map((d) => ({
    id: d.id,
    receivedOn: d.receivedOn,
    amount: d.amount,
    method: d.method,
    purpose: d.purpose ?? null,
    donor: d.member ? ACCOUNTING_TEXT.memberNo(String(d.member.memberNo)) : (d.donorName ?? ''),
    reversedOn: d.status === 'reversed' ? tokyoDay(d.reversedAt) : null,
  }));
}

export async function journalEntries(em: EntityManager, from: string, to: string): Promise<JournalEntry[]> {
  const accounts = accountSettings(await getSettings(em));
  const payments = await paymentSources(em, from, to);
  const donations = await donationSources(em, from, to);
  return entriesInPeriod(
    [
      ...payments.flatMap((p) => paymentEntries(p, accounts)),
      ...donations.flatMap((d) => donationEntries(d, accounts)),
    ],
    from,
    to,
  );
}

export interface ExportResult {
  bytes: Buffer;
  entries: number;
  fileName: string;
}

/** The period's journal as one vendor's import file. Reads only; the same period gives the same bytes. */
export async function exportJournal(
  em: EntityManager,
  input: { format: string; from: string | null; to: string | null },
): Promise<ExportResult> {
  const { format, from, to } = checkExportInput(input.format, input.from, input.to);
  const entries = await journalEntries(em, from, to);
  return {
    bytes: journalFile(format, entries),
    entries: entries.length,
    fileName: ACCOUNTING_TEXT.fileName(format, from.replace(/-/g, ''), to.replace(/-/g, '')),
  };
}
