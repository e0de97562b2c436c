/**
 * The one door from letters into dues and supporters: what is waiting for a thank-you letter,
 * and how a sent letter is recorded on those rows.
 */
import type { EntityManager } from '../db/orm.js';
import type { LetterKind } from '../documents/thank-letter.js';
import { Allocation } from '../dues/allocation.entity.js';
import { Donation } from '../dues/donation.entity.js';
import { Payment } from '../dues/payment.entity.js';
import type { IMember } from '../members/member.entity.js';
import { Interaction } from '../supporters/interaction.entity.js';
import type { InvoiceDoc } from '../documents/invoice.pdf.js';
import { templateDef } from '../documents/template-catalog.js';
import { invoiceDoc, orgInfo } from '../dues/dues-documents.js';
import { Invoice, type IInvoice } from '../dues/invoice.entity.js';
import { todayInTokyo } from '../lib/dates.js';
import { fiscalYearLabel, fiscalYearOf } from '../lib/fiscal-year.js';
import { EDITOR_TEXT } from './ui-text.js';

export interface ThankSource {
  key: string;
  kind: LetterKind;
  id: number;
  member: IMember;
  /** 入金日 / 受領日 / 対応日: the list is oldest first by it. */
  on: string;
  amount?: number;
  donationAmount?: number;
  fiscalYear?: number;
  purpose?: string | null;
  gift?: string | null;
}

export const sourceKey = (kind: LetterKind, id: number): string => `${kind}:${id}`;

export function parseSourceKey(key: string): { kind: LetterKind; id: number } | null {
  const m = /^(dues|donation|gift):([1-9]\d{0,12})$/.exec(key);
  return m ? { kind: m[1] as LetterKind, id: Number(m[2]) } : null;
}

/** The fiscal year each payment paid for: that of its first live allocation. */
async function paidYears(em: EntityManager, paymentIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!paymentIds.length) return out;
  const rows = await em.find(
    Allocation,
    { payment: { $in: paymentIds }, reversed: false },
    { populate: ['invoice'], orderBy: { id: 'asc' } },
  );
  for (const a of rows) if (!out.has(a.payment.id)) out.set(a.payment.id, a.invoice.fiscalYear);
  return out;
}

/** Pending payments, donations entered on their own (with a member) and unthanked gifts; `ids` narrows to some. */
export async function pendingSources(
  em: EntityManager,
  only?: { kind: LetterKind; id: number }[],
): Promise<ThankSource[]> {
  const ids = (kind: LetterKind) => (only ? { id: { $in: only.filter((o) => o.kind === kind).map((o) => o.id) } } : {});
  const payments = await em.find(
    Payment,
    { status: 'active', thankStatus: 'pending', ...ids('dues') },
    { populate: ['member'] },
  );
  const donations = await em.find(
    Donation,
    { status: 'active', thankStatus: 'pending', payment: null, member: { $ne: null }, ...ids('donation') },
    { populate: ['member'] },
  );
  const gifts = await em.find(
    Interaction,
    { gift: { $ne: null }, giftThankedOn: null, ...ids('gift') },
    { populate: ['member'] },
  );
  const years = await paidYears(
    em,
    payments.map((p) => p.id),
  );
  const out: ThankSource[] = [
    ...payments.map((p) => ({
      key: sourceKey('dues', p.id),
      kind: 'dues' as const,
      id: p.id,
      member: p.member,
      on: p.receivedOn,
      amount: p.amount - (p.remainderKind === 'donation' ? p.remainderAmount : 0),
      donationAmount: p.remainderKind === 'donation' ? p.remainderAmount : 0,
      fiscalYear: years.get(p.id),
    })),
    ...donations.map((d) => ({
      key: sourceKey('donation', d.id),
      kind: 'donation' as const,
      id: d.id,
      member: d.member!,
      on: d.receivedOn,
      amount: d.amount,
      purpose: d.purpose,
    })),
    ...gifts
      .filter((g) => g.gift?.trim())
      .map((g) => ({
        key: sourceKey('gift', g.id),
        kind: 'gift' as const,
        id: g.id,
        member: g.member,
        on: g.occurredOn,
        gift: g.gift,
      })),
  ];
  const rank = { dues: 0, donation: 1, gift: 2 };
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : rank[a.kind] - rank[b.kind] || a.id - b.id));
}

/** Marks the source row thanked; a dues letter also thanks the donation left over from that payment. */
export async function markSourceThanked(em: EntityManager, s: ThankSource, sentOn: string): Promise<void> {
  if (s.kind === 'dues') {
    const p = await em.findOneOrFail(Payment, s.id);
    p.thankStatus = 'done';
    for (const d of await em.find(Donation, { payment: s.id, thankStatus: 'pending' })) d.thankStatus = 'done';
  } else if (s.kind === 'donation') {
    (await em.findOneOrFail(Donation, s.id)).thankStatus = 'done';
  } else {
    (await em.findOneOrFail(Interaction, s.id)).giftThankedOn = sentOn;
  }
}

/** For previews: the member's latest item of that kind, or plain sample values when there is none yet. */
export async function latestSource(em: EntityManager, m: IMember, kind: LetterKind): Promise<ThankSource> {
  const base = { key: `${kind}:0`, kind, id: 0, member: m, on: todayInTokyo() };
  if (kind === 'dues') {
    const p = await em.findOne(Payment, { member: m.id }, { orderBy: { id: 'desc' } });
    return {
      ...base,
      on: p?.receivedOn ?? base.on,
      amount: p ? p.amount - (p.remainderKind === 'donation' ? p.remainderAmount : 0) : m.memberType.annualFee,
      donationAmount: p?.remainderKind === 'donation' ? p.remainderAmount : 0,
    };
  }
  if (kind === 'donation') {
    const d = await em.findOne(Donation, { member: m.id }, { orderBy: { id: 'desc' } });
    return { ...base, on: d?.receivedOn ?? base.on, amount: d?.amount ?? 10000, purpose: d?.purpose };
  }
  const g = await em.findOne(Interaction, { member: m.id, gift: { $ne: null } }, { orderBy: { id: 'desc' } });
  return {
    ...base,
    on: g?.occurredOn ?? base.on,
    gift: g?.gift ?? templateDef('letters/gift-thanks')!.sample.頂いた物,
  };
}

/** For previews: the member's latest invoice, or a sample one for this fiscal year at the member type's fee. */
export async function latestInvoiceDoc(em: EntityManager, m: IMember): Promise<InvoiceDoc> {
  const inv = await em.findOne(
    Invoice,
    { member: m.id, voided: false },
    { populate: ['member'], orderBy: { id: 'desc' } },
  );
  if (inv) return invoiceDoc(inv);
  const today = todayInTokyo();
  const year = fiscalYearOf(today);
  return invoiceDoc({
    member: m,
    invoiceNo: EDITOR_TEXT.sampleInvoiceNo,
    fiscalYear: year,
    issuedOn: today,
    dueOn: today,
    amount: m.memberType.annualFee,
    description: EDITOR_TEXT.sampleDescription(fiscalYearLabel(year)),
  } as unknown as IInvoice);
}

export { orgInfo };
