import { dayOf } from '../db/raw-values.js';
/**
 * Gifts of a calendar year (the donor's tax year) not covered by a valid certificate: donations,
 * and dues of a member type switched to count as a gift. Dues of a type with voting rights, and
 * 正会員 dues whatever the switch says, are never gifts: they buy membership rights.
 */
import type { EntityManager } from '../db/orm.js';
import { payerOfRow } from './candidates.js';
import type { PayerInfo } from '../documents/stamp-layout.js';
import { FULL_MEMBER_TYPE, HONORIFIC } from './ui-text.js';

export interface Gift {
  giftKey: string;
  donorKey: string;
  memberId: number | null;
  memberNo: string | null;
  donor: PayerInfo;
  date: string;
  amount: number;
}

type Row = Record<string, unknown>;
const MEMBER_COLS =
  'm.member_no, m.kind, m.family_name, m.given_name, m.org_name, m.postal_code, m.prefecture, m.city, m.address1, m.address2';
const uncovered = (key: string, alias: string) =>
  `not exists (select 1 from certificate_gift cg where cg.active_key = '${key}:' || ${alias}.id)`;

function giftOf(r: Row, key: string): Gift {
  const member = r.member_id !== null && r.member_id !== undefined;
  const donor: PayerInfo = member
    ? payerOfRow(r)
    : {
        name: String(r.donor_name ?? ''),
        honorific: HONORIFIC.person,
        postalCode: null,
        address: r.donor_address ? String(r.donor_address) : null,
      };
  return {
    giftKey: `${key}:${Number(r.id)}`,
    donorKey: member ? `member:${Number(r.member_id)}` : `donor:${donor.name}\n${donor.address ?? ''}`,
    memberId: member ? Number(r.member_id) : null,
    memberNo: member ? String(r.member_no) : null,
    donor,
    date: dayOf(r.received_on),
    amount: Number(r.amount),
  };
}

export async function uncertifiedGifts(em: EntityManager, year: number, giftKeys?: string[]): Promise<Gift[]> {
  const range = [`${year}-01-01`, `${year}-12-31`];
  const donations = await em.execute<Row[]>(
    `select d.id, d.member_id, d.donor_name, d.donor_address, d.received_on, d.amount, ${MEMBER_COLS}
    from donation d left join member m on m.id = d.member_id
    where d.status = 'active' and d.received_on >= ? and d.received_on <= ? and ${uncovered('donation', 'd')}`,
    range,
  );
  const dues = await em.execute<Row[]>(
    `select a.id, p.member_id, p.received_on, a.amount, ${MEMBER_COLS}
    from allocation a join payment p on p.id = a.payment_id join invoice i on i.id = a.invoice_id
    join member_type mt on mt.name = i.member_type_name join member m on m.id = p.member_id
    where not a.reversed and p.status = 'active' and p.received_on >= ? and p.received_on <= ?
      and mt.counts_as_donation and not mt.voting_rights and mt.name <> ? and ${uncovered('allocation', 'a')}`,
    [...range, FULL_MEMBER_TYPE],
  );
  const gifts = [...donations.map((r) => giftOf(r, 'donation')), ...dues.map((r) => giftOf(r, 'allocation'))];
  const wanted = giftKeys ? new Set(giftKeys) : null;
  return gifts
    .filter((g) => !wanted || wanted.has(g.giftKey))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.giftKey.localeCompare(b.giftKey)));
}

/** One group per gift, or per donor for the annual combined certificate (first gift's order). */
export function groupGifts(gifts: Gift[], combined: boolean): Gift[][] {
  if (!combined) return gifts.map((g) => [g]);
  const groups = new Map<string, Gift[]>();
  for (const g of gifts) groups.set(g.donorKey, [...(groups.get(g.donorKey) ?? []), g]);
  return [...groups.values()];
}
