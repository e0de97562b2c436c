import type { EntityManager } from '../db/orm.js';
import { Member } from '../members/member.entity.js';
import { UserError } from '../web/errors.js';
import { FORM_TEXT } from '../web/ui-text.js';
import { Donation, type IDonation } from './donation.entity.js';
import { PAYMENT_METHODS, type PaymentMethod } from './payment.entity.js';
import { LikelyDuplicateError, likelyDuplicate } from './payment-rules.js';
import { MSG } from './ui-text.js';

export interface DonationInput {
  memberId: number | null;
  donorName?: string | null;
  donorAddress?: string | null;
  receivedOn: string;
  amount: number;
  method: PaymentMethod;
  purpose?: string | null;
  note?: string | null;
  campaignId?: number | null;
  /** The bank statement line the gift came in on (banking's dues-port). */
  bankTransactionId?: number | null;
}

/** The column lengths: a longer value is refused with a message, never cut or sent to the database. */
const DONATION_TEXT_MAX = { donorName: 120, donorAddress: 300, purpose: 200, note: 400 } as const;

/** 寄付 entered on its own (not the remainder of a dues payment). A donor need not be a member. */
export async function recordDonation(em: EntityManager, input: DonationInput): Promise<IDonation> {
  const errors: Record<string, string> = {};
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) errors.amount = MSG.amountRequired;
  if (!input.receivedOn) errors.receivedOn = MSG.dateRequired;
  if (!PAYMENT_METHODS.includes(input.method)) errors.method = MSG.methodRequired;
  if (!input.memberId && !input.donorName?.trim()) errors.donorName = MSG.donorRequired;
  for (const [k, max] of Object.entries(DONATION_TEXT_MAX) as [keyof typeof DONATION_TEXT_MAX, number][])
    if ((input[k]?.trim().length ?? 0) > max) errors[k] = MSG.tooLong(max);
  if (Object.keys(errors).length) throw new UserError(FORM_TEXT.checkInput, 422, errors);
  return em.transactional(async (tx) => {
    const member = input.memberId ? await tx.findOne(Member, { id: input.memberId }) : null;
    if (input.memberId && !member) throw new UserError(MSG.memberNotFound, 404);
    const d = tx.create(Donation, {
      member,
      donorName: input.donorName?.trim() || null,
      donorAddress: input.donorAddress?.trim() || null,
      receivedOn: input.receivedOn,
      amount: input.amount,
      method: input.method,
      purpose: input.purpose?.trim() || null,
      note: input.note?.trim() || null,
      campaignId: input.campaignId ?? null,
      bankTransactionId: input.bankTransactionId ?? null,
    } as IDonation);
    await tx.flush();
    return d;
  });
}

/**
 * The 寄付を記録 form's save: like recordDonation, but a live donation of the same donor (member,
 * or the same name for a non-member) with the same amount on the same date is taken as back +
 * resubmit and refused with a 422 offering 「同じ内容でもう一度記録する」, unless confirmed.
 */
export async function recordManualDonation(
  em: EntityManager,
  input: DonationInput,
  opts: { confirmDuplicate?: boolean } = {},
): Promise<IDonation> {
  const donorName = input.donorName?.trim() || null;
  if (!opts.confirmDuplicate && input.receivedOn && (input.memberId || donorName)) {
    const same = await em.find(
      Donation,
      {
        receivedOn: input.receivedOn,
        amount: input.amount,
        ...(input.memberId ? { member: input.memberId } : { member: null, donorName }),
      },
      { orderBy: { id: 'asc' } },
    );
    const dup = likelyDuplicate(input, same);
    if (dup) {
      const href = `/dues/donations?from=${dup.receivedOn}&to=${dup.receivedOn}`;
      throw new LikelyDuplicateError(MSG.duplicateDonation(input.receivedOn, input.amount), href);
    }
  }
  return recordDonation(em, input);
}

/** Reverses a donation entered on its own; one from a payment is reversed with that payment. */
export async function reverseDonation(em: EntityManager, id: number, reason: string): Promise<IDonation> {
  if (!reason.trim()) throw new UserError(MSG.reasonRequired, 422, { reason: MSG.reasonRequired });
  return em.transactional(async (tx) => {
    const d = await tx.findOne(Donation, { id });
    if (!d) throw new UserError(MSG.donationNotFound, 404);
    if (d.status === 'reversed') throw new UserError(MSG.alreadyReversed, 409);
    if (d.payment) throw new UserError(MSG.donationFromPayment, 409);
    Object.assign(d, {
      status: 'reversed',
      reversedAt: new Date(),
      reversalReason: reason.trim(),
      thankStatus: d.thankStatus === 'pending' ? 'none' : d.thankStatus,
    });
    await tx.flush();
    return d;
  });
}

export async function listDonations(
  em: EntityManager,
  opts: { from?: string; to?: string; limit?: number; offset?: number } = {},
) {
  const receivedOn = { ...(opts.from ? { $gte: opts.from } : {}), ...(opts.to ? { $lte: opts.to } : {}) };
  return em.findAndCount(Donation, Object.keys(receivedOn).length ? { receivedOn } : {}, {
    populate: ['member'],
    orderBy: { receivedOn: 'desc', id: 'desc' },
    limit: opts.limit ?? 100,
    offset: opts.offset,
  });
}
