import type { EntityManager } from '../db/orm.js';
import { addDays, todayInTokyo } from '../lib/dates.js';
import { Member } from '../members/member.entity.js';
import { duesStatuses } from './dues-status.service.js';
import { LapseProposal, type ILapseProposal } from './lapse-proposal.entity.js';

export interface LapseRefresh {
  members: number;
  candidates: number;
  created: number;
  resolved: number;
}

/**
 * Status refresh: every member's dues status from the open invoices, and a 退会候補 proposal for
 * each lapse candidate without an open one; proposals of members who paid or left are resolved.
 * One transaction. Proposals only: withdrawal stays a staff decision on the member page.
 */
export async function refreshLapseProposals(em: EntityManager, today = todayInTokyo()): Promise<LapseRefresh> {
  return em.transactional(async (tx) => {
    const members = await tx.execute<{ id: number; status: string }[]>(`select id, status from member`);
    const statuses = await duesStatuses(
      tx,
      members.map((m) => ({ id: Number(m.id), status: m.status })),
      today,
    );
    const open = new Map((await tx.find(LapseProposal, { status: 'open' })).map((p) => [p.member.id, p]));
    let created = 0;
    let resolved = 0;
    for (const [memberId, s] of statuses) {
      const existing = open.get(memberId);
      if (s.lapseCandidate && !existing) {
        tx.create(LapseProposal, {
          member: tx.getReference(Member, memberId),
          proposedOn: today,
          unpaidYears: s.unpaidYears.join(','),
          outstanding: s.outstanding,
        } as ILapseProposal);
        created++;
      } else if (!s.lapseCandidate && existing) {
        existing.status = 'resolved';
        resolved++;
      }
    }
    await tx.flush();
    return {
      members: members.length,
      candidates: [...statuses.values()].filter((s) => s.lapseCandidate).length,
      created,
      resolved,
    };
  });
}

export async function openLapseProposals(em: EntityManager): Promise<number> {
  return em.count(LapseProposal, { status: 'open' });
}

/**
 * 督促対象: open invoices at least `daysAfterDue` days past their due date and not reminded since
 * then: the reminder job makes their letters.
 */
export async function reminderCandidates(
  em: EntityManager,
  daysAfterDue: number,
  today = todayInTokyo(),
): Promise<{ invoiceIds: number[]; fiscalYears: number[]; outstanding: number }> {
  const rows = await em.execute<{ id: number; fiscal_year: number; open: number }[]>(
    `select id, fiscal_year, amount - paid_amount as open from invoice
     where status in ('unpaid', 'partial') and due_on <= ? and (last_reminded_on is null or last_reminded_on < due_on) order by id`,
    [addDays(today, -daysAfterDue)],
  );
  const fiscalYears = [...new Set(rows.map((r) => Number(r.fiscal_year)))].sort((a, b) => a - b);
  return {
    invoiceIds: rows.map((r) => Number(r.id)),
    fiscalYears,
    outstanding: rows.reduce((s, r) => s + Number(r.open), 0),
  };
}
