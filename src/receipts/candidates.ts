import { dayOf } from '../db/raw-values.js';
/**
 * Payments and gifts not yet covered by a valid receipt, read as plain rows (a year's run can
 * be thousands). Each becomes a Candidate: who paid, when, and what the money was.
 */
import type { EntityManager } from '../db/orm.js';
import { displayNameOfRow } from '../members/member.model.js';
import type { PayerInfo } from '../documents/stamp-layout.js';
import type { MoneySource } from './receipt-lines.js';
import { HONORIFIC } from './ui-text.js';

export interface Candidate {
  sourceKey: string;
  memberId: number | null;
  memberNo: string | null;
  payer: PayerInfo;
  receivedOn: string;
  sources: MoneySource[];
}

export interface CandidateFilter {
  from: string;
  to: string;
  memberId?: number;
  paymentId?: number;
  donationId?: number;
}

type Row = Record<string, unknown>;
const MEMBER_COLS =
  'm.member_no, m.kind, m.family_name, m.given_name, m.org_name, m.postal_code, m.prefecture, m.city, m.address1, m.address2';
const num = (v: unknown) => Number(v);
const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

/** 様 for a person, 御中 for an organisation; the address on two lines (street, building). */
export function payerOfRow(r: Row): PayerInfo {
  const street = [r.prefecture, r.city, r.address1].map((v) => str(v) ?? '').join('');
  const address = [street, str(r.address2) ?? ''].filter(Boolean).join('\n');
  return {
    name: displayNameOfRow(r),
    honorific: r.kind === 'organization' ? HONORIFIC.organisation : HONORIFIC.person,
    postalCode: str(r.postal_code),
    address: address || null,
  };
}

function where(f: CandidateFilter, alias: 'p' | 'd', key: 'payment' | 'donation'): { sql: string; params: unknown[] } {
  const parts = [
    `${alias}.status = 'active'`,
    `${alias}.received_on >= ?`,
    `${alias}.received_on <= ?`,
    `not exists (select 1 from receipt_item ri where ri.active_key = '${key}:' || ${alias}.id)`,
  ];
  const params: unknown[] = [f.from, f.to];
  if (f.memberId) {
    parts.push(`${alias}.member_id = ?`);
    params.push(f.memberId);
  }
  if (key === 'payment' && f.paymentId) {
    parts.push('p.id = ?');
    params.push(f.paymentId);
  }
  if (key === 'donation' && f.donationId) {
    parts.push('d.id = ?');
    params.push(f.donationId);
  }
  return { sql: parts.join(' and '), params };
}

async function inChunks<T>(ids: number[], fn: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

async function paymentCandidates(em: EntityManager, f: CandidateFilter): Promise<Candidate[]> {
  if (f.donationId) return [];
  const w = where(f, 'p', 'payment');
  const rows = await em.execute<Row[]>(
    `select p.id, p.member_id, p.received_on, p.remainder_kind, p.remainder_amount, ${MEMBER_COLS}
    from payment p join member m on m.id = p.member_id where ${w.sql} order by p.received_on, p.id`,
    w.params,
  );
  const ids = rows.map((r) => num(r.id));
  const allocations = await inChunks(ids, (c) =>
    em.execute<Row[]>(
      `select a.payment_id, a.amount, i.fiscal_year, i.member_type_name
    from allocation a join invoice i on i.id = a.invoice_id where not a.reversed and a.payment_id in (${c.map(() => '?').join(',')}) order by a.id`,
      c,
    ),
  );
  const gifts = await inChunks(ids, (c) =>
    em.execute<Row[]>(
      `select payment_id, purpose from donation where status = 'active' and payment_id in (${c.map(() => '?').join(',')})`,
      c,
    ),
  );
  const byPayment = new Map<number, MoneySource[]>();
  for (const a of allocations) {
    const list = byPayment.get(num(a.payment_id)) ?? byPayment.set(num(a.payment_id), []).get(num(a.payment_id))!;
    list.push({
      kind: 'dues',
      fiscalYear: num(a.fiscal_year),
      memberTypeName: String(a.member_type_name),
      amount: num(a.amount),
    });
  }
  const purposes = new Map(gifts.map((g) => [num(g.payment_id), str(g.purpose)]));
  return rows.map((r) => {
    const sources = byPayment.get(num(r.id)) ?? [];
    const remainder = num(r.remainder_amount);
    if (remainder > 0)
      sources.push(
        r.remainder_kind === 'donation'
          ? { kind: 'donation', amount: remainder, purpose: purposes.get(num(r.id)) }
          : { kind: 'credit', amount: remainder },
      );
    return {
      sourceKey: `payment:${num(r.id)}`,
      memberId: num(r.member_id),
      memberNo: str(r.member_no),
      payer: payerOfRow(r),
      receivedOn: dayOf(r.received_on),
      sources,
    };
  });
}

/** Gifts entered on their own (a gift from a payment's remainder is receipted with that payment). */
async function donationCandidates(em: EntityManager, f: CandidateFilter): Promise<Candidate[]> {
  if (f.paymentId) return [];
  const w = where(f, 'd', 'donation');
  const rows = await em.execute<Row[]>(
    `select d.id, d.member_id, d.donor_name, d.donor_address, d.received_on, d.amount, d.purpose, ${MEMBER_COLS}
    from donation d left join member m on m.id = d.member_id where d.payment_id is null and ${w.sql} order by d.received_on, d.id`,
    w.params,
  );
  return rows.map((r) => ({
    sourceKey: `donation:${num(r.id)}`,
    memberId: r.member_id === null ? null : num(r.member_id),
    memberNo: str(r.member_no),
    payer:
      r.member_id === null
        ? {
            name: String(r.donor_name ?? ''),
            honorific: HONORIFIC.person,
            postalCode: null,
            address: str(r.donor_address),
          }
        : payerOfRow(r),
    receivedOn: dayOf(r.received_on),
    sources: [{ kind: 'donation' as const, amount: num(r.amount), purpose: str(r.purpose) }],
  }));
}

/** Every uncovered payment and gift of the filter, oldest first. */
export async function receiptCandidates(em: EntityManager, f: CandidateFilter): Promise<Candidate[]> {
  const all = [...(await paymentCandidates(em, f)), ...(await donationCandidates(em, f))];
  return all.sort((a, b) =>
    a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.sourceKey.localeCompare(b.sourceKey),
  );
}
