import type { EntityManager } from '../db/orm.js';
import { displayNameOfRow } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import { REPORT_TEXT } from './ui-text.js';

export type QuorumRule = 'majority' | 'two-thirds';

/** 定足数: more than half (過半数) or at least two thirds of the members entitled to vote. */
export function quorumOf(members: number, rule: QuorumRule): number {
  if (members <= 0) return 0;
  return rule === 'majority' ? Math.floor(members / 2) + 1 : Math.ceil((members * 2) / 3);
}

export interface RosterRow {
  memberNo: number;
  name: string;
  address: string;
  typeName: string;
}
export interface Roster {
  recordDate: string;
  rule: QuorumRule;
  typeNames: string[];
  members: RosterRow[];
  quorum: number;
}

/**
 * 社員総会 roster: 正会員 (the member types of the setting) who on the record date had joined, had
 * not left, and owed nothing past due — every invoice due before that day was paid by it (payments
 * received up to the record date, reversed ones not counted; waived and cancelled ones owe nothing).
 */
export async function assemblyRoster(em: EntityManager, recordDate: string): Promise<Roster> {
  const s = await getSettings(em);
  const types = s.assemblyMemberTypes.length ? s.assemblyMemberTypes : [REPORT_TEXT.defaultAssemblyType];
  const rows = await em.execute<Record<string, unknown>[]>(
    `select m.member_no, m.kind, m.family_name, m.given_name, m.org_name, m.prefecture, m.city, t.name as type_name
     from member m join member_type t on t.id = m.member_type_id
     where t.name in (${types.map(() => '?').join(',')}) and (m.joined_on is null or m.joined_on <= ?) and (m.status <> 'withdrawn' or m.withdrawn_on > ?)
       and not exists (select 1 from invoice i where i.member_id = m.id and not i.voided and i.status not in ('waived', 'cancelled') and i.due_on < ?
         and i.amount > coalesce((select sum(a.amount) from allocation a join payment p on p.id = a.payment_id
           where a.invoice_id = i.id and not a.reversed and p.received_on <= ?), 0))
     order by m.member_no`,
    [...types, recordDate, recordDate, recordDate, recordDate],
  );
  const members = rows.map((r) => ({
    memberNo: Number(r.member_no),
    name: displayNameOfRow(r),
    address: [r.prefecture, r.city].filter(Boolean).join(''),
    typeName: String(r.type_name),
  }));
  return {
    recordDate,
    rule: s.assemblyQuorum,
    typeNames: types,
    members,
    quorum: quorumOf(members.length, s.assemblyQuorum),
  };
}
