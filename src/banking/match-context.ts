import type { EntityManager } from '../db/orm.js';
import { displayNameOfRow } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import type { StoredSuggestion } from './bank-transaction.entity.js';
import { buildMatchContext, matchDeposit, type MatchMember, type Suggestion } from './matcher.js';
import { loadAliasRows } from './payer-alias.service.js';

export interface PlannedMatch {
  status: 'matched' | 'review';
  memberId: number | null;
  memberNo: string | null;
  allocations: { invoiceId: number; invoiceNo: string; amount: number }[];
  fee: number;
  suggestions: StoredSuggestion[];
}

export interface DepositIn { amount: number; payer: string }

/**
 * The ledger counts an accepted transfer fee as paid: the invoices are settled by deposit + fee.
 * The matcher allocates only the deposit, so the fee is added onto the allocations here, up to
 * what each invoice still has open.
 */
function withFee(s: Suggestion, open: Map<number, number>): Suggestion['allocations'] {
  let fee = s.fee;
  return s.allocations.map((a) => {
    const add = Math.max(0, Math.min(fee, (open.get(a.invoiceId) ?? a.amount) - a.amount));
    fee -= add;
    return { ...a, amount: a.amount + add };
  });
}

/**
 * A suggestion as the review screen shows it. Invoices an earlier line of the same file already
 * settles are taken out (confirming them would fail), and the reason says so.
 */
function stored(s: Suggestion, open: Map<number, number>): StoredSuggestion {
  const all = withFee(s, open);
  const usable = all.filter((a) => (open.get(a.invoiceId) ?? 0) >= a.amount);
  if (usable.length < all.length) {
    const placed = usable.reduce((sum, a) => sum + a.amount, 0);
    s = { ...s, fee: 0, difference: s.difference, surplus: Math.max(0, s.allocations.reduce((sum, a) => sum + a.amount, 0) + s.surplus - placed), score: Math.max(0, s.score - 0.3), reasons: [...s.reasons, 'この請求は同じ明細の前の行で入金済み'] };
  }
  return {
    memberId: s.memberId, memberNo: s.memberNo, name: s.name,
    invoices: usable.map((a) => ({ id: a.invoiceId, invoiceNo: a.invoiceNo, amount: a.amount })),
    difference: s.difference, fee: s.fee, surplus: s.surplus, score: Math.round(s.score * 100) / 100, reasons: s.reasons,
  };
}

/** Members (active and withdrawn: a withdrawn member may still pay arrears) as the matcher's plain rows. */
async function matchMembers(em: EntityManager): Promise<MatchMember[]> {
  const rows = await em.execute<Record<string, unknown>[]>('select id, member_no, kind, family_name, given_name, org_name, family_kana, given_kana, org_kana, household_id from member');
  return rows.map((r) => ({
    id: Number(r.id), memberNo: String(r.member_no), kind: r.kind === 'organization' ? 'organization' : 'individual',
    familyKana: String(r.family_kana ?? ''), givenKana: String(r.given_kana ?? ''), orgKana: String(r.org_kana ?? ''),
    name: displayNameOfRow(r),
    householdId: r.household_id === null || r.household_id === undefined ? null : Number(r.household_id),
  }));
}

/**
 * Loads everything the matcher needs once per import (members, open invoices, learned payer
 * names, fee list) and returns the per-deposit function. Invoices an earlier line of the same
 * file already settles are remembered: a second deposit for them goes to review, never auto.
 */
export async function loadMatcher(em: EntityManager): Promise<(d: DepositIn) => PlannedMatch> {
  const [members, invoices, aliases, settings] = await Promise.all([
    matchMembers(em),
    em.execute<Record<string, unknown>[]>(`select id, invoice_no, member_id, fiscal_year, amount - paid_amount as open from invoice where status in ('unpaid', 'partial')`),
    loadAliasRows(em),
    getSettings(em),
  ]);
  const openInvoices = invoices.map((r) => ({ id: Number(r.id), invoiceNo: String(r.invoice_no), memberId: Number(r.member_id), fiscalYear: Number(r.fiscal_year), open: Number(r.open) }));
  const remaining = new Map(openInvoices.map((i) => [i.id, i.open]));
  const ctx = buildMatchContext({ members, openInvoices, aliases, feeTolerances: settings.transferFees });
  return (d) => {
    const r = matchDeposit(ctx, d);
    const suggestions = r.suggestions.map((s) => stored(s, remaining)).sort((a, b) => b.score - a.score);
    const best = r.suggestions[0];
    const allocations = best ? withFee(best, remaining) : [];
    const settled = allocations.reduce((sum, a) => sum + a.amount, 0);
    // Auto only when the deposit (+ accepted fee) goes exactly onto invoices not yet taken by an earlier line.
    const fits = !!best && settled === d.amount + best.fee && allocations.every((a) => (remaining.get(a.invoiceId) ?? 0) >= a.amount);
    if (!r.auto || !best || !fits) return { status: 'review', memberId: null, memberNo: null, allocations: [], fee: 0, suggestions };
    for (const a of allocations) remaining.set(a.invoiceId, remaining.get(a.invoiceId)! - a.amount);
    return {
      status: 'matched', memberId: best.memberId, memberNo: best.memberNo, fee: best.fee, suggestions,
      allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, invoiceNo: a.invoiceNo, amount: a.amount })),
    };
  };
}
