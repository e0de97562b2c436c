import type { EntityManager } from '../db/orm.js';
import { displayNameOfRow } from '../members/member.model.js';
import { sqlDate } from './invoice-status.js';

export interface ThankRow {
  paymentId: number;
  memberId: number;
  memberNo: number;
  name: string;
  receivedOn: string;
  amount: number;
  donation: number;
  source: string;
}

/** お礼状・領収書の送付待ち: active payments not yet thanked, oldest first (the documents issue prints them). */
export async function paymentsToThank(em: EntityManager, limit = 500): Promise<ThankRow[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select p.id, p.member_id, p.received_on, p.amount, p.source, p.remainder_kind, p.remainder_amount,
       m.member_no, m.kind, m.family_name, m.given_name, m.org_name
     from payment p join member m on m.id = p.member_id
     where p.status = 'active' and p.thank_status = 'pending' order by p.received_on, p.id limit ?`,
    [limit],
  );
  return rows.map((r) => ({
    paymentId: Number(r.id),
    memberId: Number(r.member_id),
    memberNo: Number(r.member_no),
    name: displayNameOfRow(r),
    receivedOn: sqlDate(r.received_on as string | Date),
    amount: Number(r.amount),
    donation: r.remainder_kind === 'donation' ? Number(r.remainder_amount) : 0,
    source: String(r.source),
  }));
}
