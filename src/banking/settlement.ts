/**
 * What a match means for the open invoices of one import. Pure: the caller passes the amounts
 * each invoice still has open (updated as earlier lines of the same file take them) and gets
 * back the allocations with the accepted fee, the suggestions as stored, and the decision.
 */
import type { StoredSuggestion } from './bank-transaction.entity.js';
import type { MatchResult, Suggestion } from './matcher.js';
import { MATCH_REASONS } from './ui-text.js';

/** Invoice id → yen still open, as far as this import has got. */
export type OpenAmounts = Map<number, number>;

export interface PlannedMatch {
  status: 'matched' | 'review';
  memberId: number | null;
  memberNo: string | null;
  allocations: { invoiceId: number; invoiceNo: string; amount: number }[];
  fee: number;
  suggestions: StoredSuggestion[];
}

export const SETTLED_BY_EARLIER_LINE = MATCH_REASONS.settledByEarlierLine;

/**
 * The ledger counts an accepted transfer fee as paid: the invoices are settled by deposit + fee.
 * The matcher allocates only the deposit, so the fee is added onto the allocations here, up to
 * what each invoice still has open.
 */
export function withFee(s: Suggestion, open: OpenAmounts): Suggestion['allocations'] {
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
export function storedSuggestion(s: Suggestion, open: OpenAmounts): StoredSuggestion {
  const all = withFee(s, open);
  const usable = all.filter((a) => (open.get(a.invoiceId) ?? 0) >= a.amount);
  if (usable.length < all.length) {
    const placed = usable.reduce((sum, a) => sum + a.amount, 0);
    const deposited = s.allocations.reduce((sum, a) => sum + a.amount, 0) + s.surplus;
    s = {
      ...s,
      fee: 0,
      surplus: Math.max(0, deposited - placed),
      score: Math.max(0, s.score - 0.3),
      reasons: [...s.reasons, SETTLED_BY_EARLIER_LINE],
    };
  }
  return {
    memberId: s.memberId,
    memberNo: s.memberNo,
    name: s.name,
    invoices: usable.map((a) => ({ id: a.invoiceId, invoiceNo: a.invoiceNo, amount: a.amount })),
    difference: s.difference,
    fee: s.fee,
    surplus: s.surplus,
    score: Math.round(s.score * 100) / 100,
    reasons: s.reasons,
  };
}

/**
 * The decision for one deposit. Auto only when the matcher is certain and the deposit (+ accepted
 * fee) goes exactly onto invoices not yet taken by an earlier line; then those amounts are taken
 * from `open`, so a second deposit for the same invoices goes to review, never auto.
 */
export function settleDeposit(r: MatchResult, deposit: { amount: number }, open: OpenAmounts): PlannedMatch {
  const suggestions = r.suggestions.map((s) => storedSuggestion(s, open)).sort((a, b) => b.score - a.score);
  const best = r.suggestions[0];
  const allocations = best ? withFee(best, open) : [];
  const settled = allocations.reduce((sum, a) => sum + a.amount, 0);
  const fits =
    !!best &&
    settled === deposit.amount + best.fee &&
    allocations.every((a) => (open.get(a.invoiceId) ?? 0) >= a.amount);
  if (!r.auto || !best || !fits)
    return { status: 'review', memberId: null, memberNo: null, allocations: [], fee: 0, suggestions };
  for (const a of allocations) open.set(a.invoiceId, open.get(a.invoiceId)! - a.amount);
  return {
    status: 'matched',
    memberId: best.memberId,
    memberNo: best.memberNo,
    fee: best.fee,
    suggestions,
    allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, invoiceNo: a.invoiceNo, amount: a.amount })),
  };
}
