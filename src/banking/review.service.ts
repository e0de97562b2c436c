import type { EntityManager } from '../db/orm.js';
import { normalizePostalCode } from '../lib/postal.js';
import { Member } from '../members/member.entity.js';
import { UserError } from '../web/errors.js';
import { BankImport } from './bank-import.entity.js';
import { BankTransaction, type IBankTransaction } from './bank-transaction.entity.js';
import { openInvoicesByIds, postNonMemberDonation, postPayment, reversePaymentsOfLine } from './dues-port.js';
import { learnAlias } from './payer-alias.service.js';
import { MSG, NON_MEMBER_DONATION, STATEMENT_TEXT } from './ui-text.js';

export interface Confirmation {
  /** The member the payer is (gets the fee, any remainder and the learned alias). */
  memberId: number;
  /** Invoices paid, possibly of several members (a split). */
  allocations: { invoiceId: number; amount: number }[];
  /** What the unallocated rest becomes; null when staff chose nothing (refused if there is a rest). */
  remainder: 'donation' | 'credit' | null;
  /** Transfer fee deducted by the payer's bank: counted as paid. */
  fee?: number;
  learnAlias: boolean;
  donationPurpose?: string | null;
}

const OPEN: IBankTransaction['status'][] = ['review', 'skipped'];

async function openLine(em: EntityManager, txId: number): Promise<IBankTransaction> {
  const line = await em.findOne(BankTransaction, { id: txId }, { populate: ['bankImport'] });
  if (!line) throw new UserError(MSG.lineNotFound, 404);
  if (line.bankImport.status !== 'active') throw new UserError(MSG.alreadyUndone, 409);
  return line;
}

async function pendingLine(em: EntityManager, txId: number): Promise<IBankTransaction> {
  const line = await openLine(em, txId);
  if (!OPEN.includes(line.status) || line.direction !== 'deposit') throw new UserError(MSG.notInReview, 409);
  return line;
}

async function requireMember(em: EntityManager, id: number): Promise<void> {
  if (!Number.isSafeInteger(id) || !(await em.count(Member, { id })))
    throw new UserError(MSG.memberNotFound, 422, { memberId: MSG.memberNotFound });
}

/** Per member: what they paid. The payer's own payment also carries the fee and the remainder. */
async function splitByMember(em: EntityManager, line: IBankTransaction, c: Confirmation) {
  const fee = Math.max(0, Math.trunc(c.fee ?? 0));
  const allocs = c.allocations.filter((a) => a.amount > 0);
  if (allocs.some((a) => !Number.isSafeInteger(a.amount))) throw new UserError(MSG.allocationInvalid, 422);
  const invoices = new Map(
    (
      await openInvoicesByIds(
        em,
        allocs.map((a) => a.invoiceId),
      )
    ).map((i) => [i.id, i]),
  );
  const byMember = new Map<number, { invoiceId: number; amount: number }[]>([[c.memberId, []]]);
  for (const a of allocs) {
    const inv = invoices.get(a.invoiceId);
    if (!inv || a.amount > inv.outstanding) throw new UserError(MSG.allocationInvalid, 422);
    byMember.set(inv.memberId, [...(byMember.get(inv.memberId) ?? []), a]);
  }
  const allocated = allocs.reduce((s, a) => s + a.amount, 0);
  const remainder = line.amount + fee - allocated;
  if (remainder < 0) throw new UserError(MSG.allocationsTooMuch, 422);
  // A rest is never booked by default: staff say whether it is a gift or credit for later dues.
  if (remainder > 0 && !c.remainder) throw new UserError(MSG.chooseRemainder(remainder), 422);
  return [...byMember]
    .map(([memberId, list]) => {
      const own = list.reduce((s, a) => s + a.amount, 0);
      const isPayer = memberId === c.memberId;
      return { memberId, allocations: list, fee: isPayer ? fee : 0, amount: isPayer ? own + remainder - fee : own };
    })
    .filter((p) => p.amount > 0 || p.allocations.length > 0);
}

/** 確認して消し込む: one payment per member involved, linked to the line; optionally learns the payer name. */
export async function confirm(em: EntityManager, txId: number, c: Confirmation): Promise<void> {
  await em.transactional(async (tx) => {
    const line = await pendingLine(tx, txId);
    await requireMember(tx, c.memberId);
    const payments = await splitByMember(tx, line, c);
    if (payments.some((p) => p.amount < 0)) throw new UserError(MSG.allocationsTooMuch, 422);
    let first: number | null = null;
    for (const p of payments) {
      const id = await postPayment(tx, {
        ...p,
        receivedOn: line.date,
        bankTransactionId: line.id,
        remainder: c.remainder ?? 'donation',
        donationPurpose: c.donationPurpose ?? null,
        note: null,
      });
      first ??= id;
    }
    if (c.learnAlias) await learnAlias(tx, line.payerKey, line.payer, c.memberId);
    Object.assign(line, {
      status: 'matched',
      member: tx.getReference(Member, c.memberId),
      paymentId: first,
      note: null,
    });
    await tx.flush();
  });
}

/** The whole deposit is a gift from this member (no dues). */
export async function markDonation(
  em: EntityManager,
  txId: number,
  opts: { memberId: number; purpose?: string | null; learnAlias?: boolean },
): Promise<void> {
  await em.transactional(async (tx) => {
    const line = await pendingLine(tx, txId);
    await requireMember(tx, opts.memberId);
    const id = await postPayment(tx, {
      memberId: opts.memberId,
      receivedOn: line.date,
      amount: line.amount,
      fee: 0,
      allocations: [],
      remainder: 'donation',
      donationPurpose: opts.purpose ?? null,
      bankTransactionId: line.id,
      note: null,
    });
    if (opts.learnAlias) await learnAlias(tx, line.payerKey, line.payer, opts.memberId);
    Object.assign(line, {
      status: 'donation',
      member: tx.getReference(Member, opts.memberId),
      paymentId: id,
      note: null,
    });
    await tx.flush();
  });
}

export interface NonMemberDonor {
  donorName: string;
  postalCode: string;
  address: string;
  purpose?: string | null;
}

/** The donor of a non-member gift: a name and an address (thank-you letter, 受領証明書) are needed. */
export function checkNonMemberDonor(d: NonMemberDonor): {
  donorName: string;
  donorAddress: string;
  purpose: string | null;
} {
  const T = NON_MEMBER_DONATION;
  const errors: Record<string, string> = {};
  const donorName = d.donorName.trim();
  const address = d.address.trim();
  const postal = d.postalCode.trim() ? normalizePostalCode(d.postalCode) : '';
  if (!donorName) errors.donorName = T.nameRequired;
  else if (donorName.length > 120) errors.donorName = T.tooLong(T.nameLabel, 120);
  if (postal === null) errors.postalCode = T.postalInvalid;
  if (!address) errors.donorAddress = T.addressRequired;
  const donorAddress = postal ? T.addressWithPostalCode(postal, address) : address;
  if (donorAddress.length > 300) errors.donorAddress = T.tooLong(T.addressLabel, 290);
  const purpose = d.purpose?.trim() || null;
  if (purpose && purpose.length > 200) errors.purpose = T.tooLong(T.purposeLabel, 200);
  if (Object.keys(errors).length) throw new UserError(T.checkInput, 422, errors);
  return { donorName, donorAddress, purpose };
}

/**
 * The whole deposit is a gift from someone who is not a member: a donation row with the donor's
 * name and address, linked to the line, so undoing the line reverses it.
 */
export async function markNonMemberDonation(em: EntityManager, txId: number, donor: NonMemberDonor): Promise<void> {
  const d = checkNonMemberDonor(donor);
  await em.transactional(async (tx) => {
    const line = await pendingLine(tx, txId);
    await postNonMemberDonation(tx, {
      bankTransactionId: line.id,
      receivedOn: line.date,
      amount: line.amount,
      donorName: d.donorName,
      donorAddress: d.donorAddress,
      purpose: d.purpose,
    });
    Object.assign(line, {
      status: 'donation',
      member: null,
      paymentId: null,
      note: NON_MEMBER_DONATION.lineNote(d.donorName).slice(0, 200),
    });
    await tx.flush();
  });
}

/** 会費以外 (利息, 助成金 …): kept on the statement, no payment. */
export async function markNotDues(em: EntityManager, txId: number, note?: string | null): Promise<void> {
  await setStatus(em, txId, 'not_dues', note);
}

/** 保留: leave it for later, out of the queue's top. */
export async function skip(em: EntityManager, txId: number, note?: string | null): Promise<void> {
  await setStatus(em, txId, 'skipped', note);
}

async function setStatus(
  em: EntityManager,
  txId: number,
  status: 'not_dues' | 'skipped',
  note?: string | null,
): Promise<void> {
  await em.transactional(async (tx) => {
    const line = await pendingLine(tx, txId);
    line.status = status;
    line.note = note?.trim().slice(0, 200) || null;
    await tx.flush();
  });
}

function requireReason(reason: string): string {
  const r = reason.trim();
  if (!r) throw new UserError(MSG.reasonRequired, 422, { reason: MSG.reasonRequired });
  return r.slice(0, 200);
}

/** Undo one decided line: its payments are reversed and it goes back to the review queue. */
export async function undoLine(em: EntityManager, txId: number, reason: string): Promise<void> {
  const why = requireReason(reason);
  await em.transactional(async (tx) => {
    const line = await openLine(tx, txId);
    if (!['matched', 'donation', 'not_dues', 'skipped'].includes(line.status))
      throw new UserError(MSG.notConfirmed, 409);
    await reversePaymentsOfLine(tx, line.id, why);
    Object.assign(line, { status: 'review', member: null, paymentId: null, note: STATEMENT_TEXT.undoneNote(why) });
    await tx.flush();
  });
}

/** Undo a whole import: every payment it created is reversed and its lines are removed. */
export async function undoImport(em: EntityManager, importId: number, reason: string): Promise<void> {
  const why = requireReason(reason);
  await em.transactional(async (tx) => {
    const imp = await tx.findOne(BankImport, { id: importId });
    if (!imp) throw new UserError(MSG.importNotFound, 404);
    if (imp.status !== 'active') throw new UserError(MSG.alreadyUndone, 409);
    const lines = await tx.find(BankTransaction, { bankImport: importId });
    // A non-member's gift has no payment: the donation itself points at the line.
    for (const line of lines)
      if (line.paymentId !== null || line.status === 'donation') await reversePaymentsOfLine(tx, line.id, why);
    for (const line of lines) tx.remove(line);
    Object.assign(imp, { status: 'undone', undoneAt: new Date(), undoReason: why });
    await tx.flush();
  });
}
