/**
 * Matching deposits to members and their open dues invoices. Pure: everything comes in through
 * the context, built once per import with Map indexes so a deposit never scans all members.
 *
 * The rule that matters most: ZERO wrong automatic matches. A deposit is confirmed
 * automatically only when exactly one member is certain (learned payer name, member number with
 * a fitting name, or a unique exact kana name) AND the amount settles that member's (or their
 * household's) open invoices exactly or short by a configured transfer fee. Everything else —
 * homonyms, partial amounts, surpluses, typos — is a ranked suggestion with reasons for staff.
 *
 * Allocations never exceed the deposit: when a fee is accepted, `fee` is the shortfall and the
 * caller books the invoices as settled by deposit + fee.
 */
import { boundedDistance } from './edit-distance.js';
import { kanaKey, normalizePayer } from './payer-name.js';
import { MATCH_REASONS as R } from './ui-text.js';

export interface MatchMember {
  id: number;
  memberNo: string;
  kind: 'individual' | 'organization';
  familyKana: string;
  givenKana: string;
  orgKana: string;
  name: string;
  householdId: number | null;
}
export interface MatchInvoice {
  id: number;
  invoiceNo: string;
  memberId: number;
  fiscalYear: number;
  open: number;
}
export interface MatchAlias {
  payerKey: string;
  memberId: number;
}
export interface Allocation {
  invoiceId: number;
  invoiceNo: string;
  memberId: number;
  amount: number;
}
export interface Suggestion {
  memberId: number;
  memberNo: string;
  name: string;
  allocations: Allocation[];
  difference: number;
  fee: number;
  surplus: number;
  score: number;
  reasons: string[];
  certain: boolean;
}
export interface MatchResult {
  auto: boolean;
  suggestions: Suggestion[];
}

export interface MatchContext {
  members: Map<number, MatchMember & { fullKey: string; familyKey: string; nameKey: string }>;
  byNo: Map<string, number>;
  byFull: Map<string, number[]>;
  /** 'familyKey|household open total' → household members: a couple paying under one name. */
  byFamily: Map<string, number[]>;
  /** 'familyKey|own open total' → individual members: a payer who writes only the family name. */
  byFamilyDues: Map<string, number[]>;
  alias: Map<string, number>;
  open: Map<number, MatchInvoice[]>;
  openTotal: Map<number, number>;
  households: Map<number, number[]>;
  byOpenTotal: Map<number, number[]>;
  /** Every key with one character deleted → members: finds one-letter typos without a scan. */
  byDeletion: Map<string, number[]>;
  fees: number[];
}

/** Longest payer key tried for one-letter typos (longer than any name a bank prints). */
const MAX_TYPO_KEY = 60;

function deletions(key: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
const sum = (xs: { open: number }[]) => xs.reduce((s, x) => s + x.open, 0);

export function buildMatchContext(input: {
  members: MatchMember[];
  openInvoices: MatchInvoice[];
  aliases: MatchAlias[];
  feeTolerances?: number[];
}): MatchContext {
  const ctx: MatchContext = {
    members: new Map(),
    byNo: new Map(),
    byFull: new Map(),
    byFamily: new Map(),
    byFamilyDues: new Map(),
    alias: new Map(),
    open: new Map(),
    openTotal: new Map(),
    households: new Map(),
    byOpenTotal: new Map(),
    byDeletion: new Map(),
    fees: input.feeTolerances ?? [110, 165, 220, 330, 440, 550, 660, 880],
  };
  for (const m of input.members) {
    const fullKey = m.kind === 'organization' ? normalizePayer(m.orgKana).key : kanaKey(m.familyKana + m.givenKana);
    const familyKey = m.kind === 'organization' ? '' : kanaKey(m.familyKana);
    // Kanji: ゆうちょ slips carry the name as written (an organisation's without 株式会社 etc.).
    const nameKey = m.kind === 'organization' ? normalizePayer(m.name).key : kanaKey(m.name);
    ctx.members.set(m.id, { ...m, fullKey, familyKey, nameKey });
    ctx.byNo.set(String(Number(m.memberNo)), m.id);
    if (fullKey) push(ctx.byFull, fullKey, m.id);
    if (nameKey && nameKey !== fullKey) push(ctx.byFull, nameKey, m.id);
    if (fullKey.length >= 3) for (const d of [fullKey, ...deletions(fullKey)]) push(ctx.byDeletion, d, m.id);
    if (m.householdId !== null) push(ctx.households, m.householdId, m.id);
  }
  for (const a of input.aliases) ctx.alias.set(a.payerKey, a.memberId);
  for (const inv of [...input.openInvoices].sort((a, b) => a.fiscalYear - b.fiscalYear || a.id - b.id))
    push(ctx.open, inv.memberId, inv);
  for (const [memberId, list] of ctx.open) {
    ctx.openTotal.set(memberId, sum(list));
    push(ctx.byOpenTotal, sum(list), memberId);
    const familyKey = ctx.members.get(memberId)?.familyKey;
    if (familyKey && sum(list) > 0) push(ctx.byFamilyDues, `${familyKey}|${sum(list)}`, memberId);
  }
  // Only household members: the family-name signal is about a couple paying together.
  for (const ids of ctx.households.values()) {
    const total = ids.reduce((s, h) => s + sum(ctx.open.get(h) ?? []), 0);
    for (const id of ids)
      if (total > 0 && ctx.members.get(id)!.familyKey)
        push(ctx.byFamily, `${ctx.members.get(id)!.familyKey}|${total}`, id);
  }
  return ctx;
}

/** At most this many weak (family-name or typo) candidates: more would only bury the strong ones. */
const MAX_WEAK = 8;

interface Candidate {
  memberId: number;
  reasons: string[];
  certain: boolean;
  base: number;
  /** Found because the payer wrote only this member's family name: never capped, never certain. */
  familyOnly: boolean;
}

function add(
  cands: Map<number, Candidate>,
  memberId: number,
  reason: string,
  certain: boolean,
  base: number,
  familyOnly = false,
): void {
  const c = cands.get(memberId) ?? { memberId, reasons: [], certain: false, base: 0, familyOnly: false };
  if (!c.reasons.includes(reason)) c.reasons.push(reason);
  c.certain ||= certain;
  c.base = Math.max(c.base, base);
  c.familyOnly ||= familyOnly;
  cands.set(memberId, c);
}

/** Who the payer may be, each with why. */
function candidates(
  ctx: MatchContext,
  key: string,
  memberNo: string | null,
  corporate: boolean,
  amount: number,
): Map<number, Candidate> {
  const cands = new Map<number, Candidate>();
  const aliased = key ? ctx.alias.get(key) : undefined;
  if (aliased !== undefined && ctx.members.has(aliased)) add(cands, aliased, R.learnedAlias, true, 0.95);
  if (memberNo && ctx.byNo.has(memberNo)) {
    const id = ctx.byNo.get(memberNo)!;
    const m = ctx.members.get(id)!;
    // A bare number (no name to back it) is a strong hint, never certainty: a digit typo would pay someone else.
    // A relative paying with the member's number (same family name) is plausible — unless the name
    // written is exactly another member's: then it may be that member with a mistyped number.
    const own = key === m.fullKey || key === m.nameKey;
    const someoneElse = (ctx.byFull.get(key) ?? []).some((other) => other !== id);
    const nameFits =
      !!key &&
      (own ||
        (!someoneElse && ((!!m.familyKey && key.startsWith(m.familyKey)) || boundedDistance(key, m.fullKey, 2) <= 2)));
    const note = nameFits ? '' : key ? R.nameDiffers : R.noName;
    add(cands, id, R.memberNo(memberNo, note), nameFits, nameFits ? 0.95 : key ? 0.45 : 0.7);
  }
  const exact = key ? (ctx.byFull.get(key) ?? []) : [];
  for (const id of shortlist(ctx, exact, amount)) {
    const m = ctx.members.get(id)!;
    const kindNote = corporate && m.kind === 'organization' ? R.corporateName : R.exactKana;
    add(
      cands,
      id,
      exact.length === 1 ? kindNote : R.homonyms(kindNote, exact.length),
      exact.length === 1,
      exact.length === 1 ? 0.9 : 0.5,
    );
  }
  familyCandidates(ctx, key, amount, cands);
  familyOnlyCandidates(ctx, key, amount, cands);
  // A typo is only worth looking for when the name found nobody (or almost nobody) as written.
  if (cands.size < 3) typoCandidates(ctx, key, amount, cands);
  return cands;
}

const fitsAmount = (ctx: MatchContext, id: number, amount: number) => {
  const total = ctx.openTotal.get(id) ?? 0;
  return total > 0 && (total === amount || ctx.fees.includes(total - amount));
};

/** Many homonyms (a common name in a large register): those whose dues fit the amount first, ten at most. */
function shortlist(ctx: MatchContext, ids: number[], amount: number): number[] {
  if (ids.length <= 10) return ids;
  const fitting = ids.filter((id) => fitsAmount(ctx, id, amount));
  const chosen = new Set(fitting.slice(0, 10));
  return [...chosen, ...ids.filter((id) => !chosen.has(id))].slice(0, 10);
}

/** 姓 + amount equal to that family's (household's) open invoices: a couple paying under one name. */
function familyCandidates(ctx: MatchContext, key: string, amount: number, cands: Map<number, Candidate>): void {
  const totals = [amount, ...ctx.fees.map((f) => amount + f)];
  let found = 0;
  for (let len = Math.min(key.length, 8); len >= 2; len--) {
    for (const total of totals) {
      for (const id of ctx.byFamily.get(`${key.slice(0, len)}|${total}`) ?? []) {
        // Beyond a handful the family name says nothing: staff search by hand.
        if (found++ >= MAX_WEAK) return;
        add(cands, id, R.familyAndHousehold, false, 0.6);
      }
    }
  }
}

/**
 * The payer wrote only a family name (ｷﾑﾗ): every individual of that family name whose own open
 * dues equal the amount (or exceed it by an accepted fee). All of them, however many: staff
 * choose; the family name alone never makes anyone certain. Found through the
 * 'family|open total' index, so a common family name costs only the members it lists.
 */
function familyOnlyCandidates(ctx: MatchContext, key: string, amount: number, cands: Map<number, Candidate>): void {
  if (key.length < 2) return;
  for (const total of [amount, ...ctx.fees.map((f) => amount + f)])
    for (const id of ctx.byFamilyDues.get(`${key}|${total}`) ?? []) add(cands, id, R.familyNameOnly, false, 0.4, true);
}

/**
 * One-letter typos (a wrong, missing or extra character), found through the deletion index and
 * kept only when the member's open dues fit the amount: a typo alone is too weak a signal.
 */
function typoCandidates(ctx: MatchContext, key: string, amount: number, cands: Map<number, Candidate>): void {
  // The deletion variants grow with the square of the key: a key far longer than any member's
  // (a bank prints at most 48 characters) is no one-letter typo of a name, so it is not tried.
  if (key.length < 3 || key.length > MAX_TYPO_KEY) return;
  const seen = new Set<number>();
  let found = 0;
  for (const variant of [key, ...deletions(key)]) {
    for (const id of ctx.byDeletion.get(variant) ?? []) {
      if (seen.has(id) || cands.has(id)) continue;
      seen.add(id);
      const m = ctx.members.get(id)!;
      if (m.fullKey !== key && fitsAmount(ctx, id, amount) && boundedDistance(key, m.fullKey, 1) === 1) {
        add(cands, id, R.typo, false, 0.5);
        if (++found >= MAX_WEAK) return;
      }
    }
  }
}

interface Plan {
  allocations: Allocation[];
  difference: number;
  fee: number;
  surplus: number;
  settles: boolean;
  note: string;
}

/** How the deposit would be allocated to this member's (or household's) open invoices, oldest first. */
function plan(ctx: MatchContext, memberId: number, amount: number): Plan {
  const own = ctx.open.get(memberId) ?? [];
  const m = ctx.members.get(memberId)!;
  const household =
    m.householdId === null
      ? []
      : (ctx.households.get(m.householdId) ?? []).filter((h) => h !== memberId).flatMap((h) => ctx.open.get(h) ?? []);
  const alloc = (invs: MatchInvoice[], total: number): Allocation[] => {
    let left = total;
    return invs.flatMap((i) => {
      const a = Math.min(i.open, left);
      left -= a;
      return a > 0 ? [{ invoiceId: i.id, invoiceNo: i.invoiceNo, memberId: i.memberId, amount: a }] : [];
    });
  };
  const fits = (invs: MatchInvoice[], note: string): Plan | null => {
    const total = sum(invs);
    if (!invs.length) return null;
    if (total === amount)
      return { allocations: alloc(invs, amount), difference: 0, fee: 0, surplus: 0, settles: true, note };
    if (ctx.fees.includes(total - amount))
      return {
        allocations: alloc(invs, amount),
        difference: amount - total,
        fee: total - amount,
        surplus: 0,
        settles: true,
        note: R.feeDeducted(note, total - amount),
      };
    return null;
  };
  const exact =
    fits(own, own.length > 1 ? R.openYears(own.length) : R.openDues) ?? fits([...own, ...household], R.householdDues);
  if (exact) return exact;
  const single = own.find((i) => i.open === amount);
  if (single)
    return {
      allocations: alloc([single], amount),
      difference: amount - sum(own),
      fee: 0,
      surplus: 0,
      settles: false,
      note: R.oneYear(single.fiscalYear),
    };
  const total = sum(own);
  if (!own.length)
    return {
      allocations: [],
      difference: amount,
      fee: 0,
      surplus: amount,
      settles: false,
      note: R.nothingOpen,
    };
  if (amount > total)
    return {
      allocations: alloc(own, total),
      difference: amount - total,
      fee: 0,
      surplus: amount - total,
      settles: false,
      note: R.surplus(amount - total),
    };
  return {
    allocations: alloc(own, amount),
    difference: amount - total,
    fee: 0,
    surplus: 0,
    settles: false,
    note: R.short(total - amount),
  };
}

export function matchDeposit(ctx: MatchContext, deposit: { amount: number; payer: string }): MatchResult {
  const { key, memberNo, corporate } = normalizePayer(deposit.payer);
  const cands = candidates(ctx, key, memberNo, corporate, deposit.amount);
  const suggestions: (Suggestion & { settles: boolean; familyOnly: boolean })[] = [...cands.values()]
    .map((c) => {
      const m = ctx.members.get(c.memberId)!;
      const p = plan(ctx, c.memberId, deposit.amount);
      const score = Math.max(0, Math.min(1, c.base + (p.settles ? 0.05 : -0.15)));
      return {
        memberId: m.id,
        memberNo: m.memberNo,
        name: m.name,
        allocations: p.allocations,
        difference: p.difference,
        fee: p.fee,
        surplus: p.surplus,
        score,
        reasons: [...c.reasons, p.note],
        certain: c.certain,
        settles: p.settles,
        familyOnly: c.familyOnly,
      };
    })
    .sort((a, b) => b.score - a.score || a.fee - b.fee || Number(a.memberNo) - Number(b.memberNo))
    // The five best, plus every member found by the family name alone (staff choose among them).
    .filter((s, k) => k < 5 || s.familyOnly);
  const certain = suggestions.filter((s) => s.certain);
  const best = suggestions[0];
  // Two members claimed with certainty (an alias says one, the number another) is a conflict: review.
  // A member number that names someone else than the best candidate is a conflict too.
  const numberConflict = !!memberNo && ctx.byNo.has(memberNo) && ctx.byNo.get(memberNo) !== best?.memberId;
  // A family name alone fits several people by nature: while any such candidate is listed, staff decide.
  const familyOnly = [...cands.values()].some((c) => c.familyOnly);
  const auto =
    !!best &&
    !familyOnly &&
    !numberConflict &&
    certain.length === 1 &&
    best.certain &&
    best.settles &&
    new Set([...cands.values()].filter((c) => c.certain).map((c) => c.memberId)).size === 1;
  return { auto, suggestions: suggestions.map(({ settles: _s, familyOnly: _f, ...s }) => s) };
}
