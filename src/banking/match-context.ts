import type { EntityManager } from '../db/orm.js';
import { displayNameOfRow } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import { buildMatchContext, matchDeposit, type MatchMember } from './matcher.js';
import { loadAliasRows } from './payer-alias.service.js';
import { settleDeposit, type PlannedMatch } from './settlement.js';

export interface DepositIn {
  amount: number;
  payer: string;
}

/** Members (active and withdrawn: a withdrawn member may still pay arrears) as the matcher's plain rows. */
async function matchMembers(em: EntityManager): Promise<MatchMember[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    'select id, member_no, kind, family_name, given_name, org_name, family_kana, given_kana, org_kana, household_id from member',
  );
  return rows.map((r) => ({
    id: Number(r.id),
    memberNo: String(r.member_no),
    kind: r.kind === 'organization' ? 'organization' : 'individual',
    familyKana: String(r.family_kana ?? ''),
    givenKana: String(r.given_kana ?? ''),
    orgKana: String(r.org_kana ?? ''),
    name: displayNameOfRow(r),
    householdId: r.household_id === null || r.household_id === undefined ? null : Number(r.household_id),
  }));
}

/**
 * Loads everything the matcher needs once per import (members, open invoices, learned payer
 * names, fee list) and returns the per-deposit function. The open amounts live across the lines
 * of one file, so an invoice an earlier line settles is not offered again (see settlement.ts).
 */
export async function loadMatcher(em: EntityManager): Promise<(d: DepositIn) => PlannedMatch> {
  const [members, invoices, aliases, settings] = await Promise.all([
    matchMembers(em),
    em.execute<Record<string, unknown>[]>(
      `select id, invoice_no, member_id, fiscal_year, amount - paid_amount as open from invoice where status in ('unpaid', 'partial')`,
    ),
    loadAliasRows(em),
    getSettings(em),
  ]);
  const openInvoices = invoices.map((r) => ({
    id: Number(r.id),
    invoiceNo: String(r.invoice_no),
    memberId: Number(r.member_id),
    fiscalYear: Number(r.fiscal_year),
    open: Number(r.open),
  }));
  const remaining = new Map(openInvoices.map((i) => [i.id, i.open]));
  const ctx = buildMatchContext({ members, openInvoices, aliases, feeTolerances: settings.transferFees });
  return (d) => settleDeposit(matchDeposit(ctx, d), d, remaining);
}
