import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import {
  CertificateGift,
  DonationCertificate,
  type ICertificateGift,
  type IDonationCertificate,
} from './certificate.entity.js';
import { certificationOf } from './certification.js';
import { takeNumbers } from './counter.js';
import { groupGifts, uncertifiedGifts, type Gift } from './gifts.js';
import { formatDocNumber } from './receipt-lines.js';
import { MSG } from './ui-text.js';

export interface IssuedCertificate {
  id: number;
  number: string;
  memberNo: string | null;
  donor: string;
  total: number;
  gifts: { date: string; amount: number }[];
}

/** Refuses at once when the organisation is not certified or an item of the certification is empty. */
export async function requireCertification(em: EntityManager) {
  const c = certificationOf(await getSettings(em));
  if ('missing' in c) throw new UserError(MSG.certificationMissing(c.missing), 422);
  return c.value;
}

/** Street and building kept on their own lines, so the window address breaks where the receipt's does. */
function addressOf(g: Gift): string {
  return (g.donor.address ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * Certificates for the year's uncertified gifts, per gift or one per donor (combined), in one
 * transaction that takes their numbers. A gift covered by a valid certificate is never listed
 * again; voiding that certificate frees it.
 */
export async function issueCertificates(
  em: EntityManager,
  opts: { year: number; combined: boolean; giftKeys?: string[]; issuedOn?: string },
): Promise<IssuedCertificate[]> {
  await requireCertification(em);
  return em.transactional(async (tx) => {
    const groups = groupGifts(await uncertifiedGifts(tx, opts.year, opts.giftKeys), opts.combined);
    if (!groups.length) return [];
    const noAddress = groups.find((g) => !addressOf(g[0]!));
    if (noAddress) throw new UserError(MSG.donorAddressMissing(noAddress[0]!.donor.name), 422);
    const first = await takeNumbers(tx, 'certificate', opts.year, groups.length);
    const out = groups.map((gifts, i) => {
      const g = gifts[0]!;
      const total = gifts.reduce((s, x) => s + x.amount, 0);
      const cert = tx.create(DonationCertificate, {
        number: formatDocNumber(opts.year, first + i, 'C'),
        year: opts.year,
        combined: opts.combined,
        member: g.memberId,
        donorName: g.donor.name,
        donorHonorific: g.donor.honorific,
        donorPostalCode: g.donor.postalCode,
        donorAddress: addressOf(g),
        total,
        issuedOn: opts.issuedOn ?? todayInTokyo(),
      } as unknown as IDonationCertificate);
      for (const x of gifts)
        tx.create(CertificateGift, {
          certificate: cert,
          giftKey: x.giftKey,
          activeKey: x.giftKey,
          receivedOn: x.date,
          amount: x.amount,
        } as ICertificateGift);
      return { cert, gifts, g, total };
    });
    await tx.flush();
    return out.map(({ cert, gifts, g, total }) => ({
      id: cert.id,
      number: cert.number,
      memberNo: g.memberNo,
      donor: g.donor.name,
      total,
      gifts: gifts.map((x) => ({ date: x.date, amount: x.amount })),
    }));
  });
}

async function certificateByNumber(tx: EntityManager, number: string): Promise<IDonationCertificate> {
  const c = await tx.findOne(DonationCertificate, { number: number.normalize('NFKC').trim() });
  if (!c) throw new UserError(MSG.certificateNotFound(number), 404);
  return c;
}

/** 再発行: the same number, counted and dated (the copy is marked 再発行); no new number, no gift certified twice. */
export async function reissueCertificate(
  em: EntityManager,
  number: string,
  on = todayInTokyo(),
): Promise<IDonationCertificate> {
  return em.transactional(async (tx) => {
    const c = await certificateByNumber(tx, number);
    if (c.status === 'void') throw new UserError(MSG.certificateVoidNoReissue(c.number), 409);
    Object.assign(c, { reissueCount: c.reissueCount + 1, lastReissuedOn: on });
    await tx.flush();
    return c;
  });
}

/** 取消: the number and reason stay; its gifts can be certified again (e.g. by the annual certificate). */
export async function voidCertificate(
  em: EntityManager,
  number: string,
  reason: string,
): Promise<IDonationCertificate> {
  if (!reason.trim()) throw new UserError(MSG.reasonRequired, 422, { reason: MSG.reasonRequired });
  return em.transactional(async (tx) => {
    const c = await certificateByNumber(tx, number);
    if (c.status === 'void') throw new UserError(MSG.certificateVoid(c.number), 409);
    Object.assign(c, { status: 'void', voidReason: reason.trim(), voidedAt: new Date() });
    for (const g of await tx.find(CertificateGift, { certificate: c })) g.activeKey = null;
    await tx.flush();
    return c;
  });
}
