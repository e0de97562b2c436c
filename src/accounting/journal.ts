/**
 * Journal entries (仕訳) from payments and donations. Pure: plain records in, entries out; the
 * three vendor formats (formats/*.ts) only lay these entries out as rows.
 *
 * An entry is derived from fields that never change after the fact (amount, fee, date, the
 * allocations with their member-type snapshot), never from the current status: a payment
 * reversed later still yields its original entry in its own period, and the reversal yields a
 * reversing entry dated on the day of the reversal. So a period exported again gives the same file.
 */
import { ACCOUNTING_TEXT } from './ui-text.js';

export type Side = 'debit' | 'credit';
/** cash: the deposit account (freee's 決済口座); the others are the other side of the money. */
export type LineRole = 'cash' | 'income' | 'fee' | 'credit';

export interface JournalLine {
  side: Side;
  role: LineRole;
  account: string;
  sub: string;
  tax: string;
  amount: number;
}
export interface JournalEntry {
  /** Stable reference of the source record: P12 (payment), P12-R (its reversal), D5, A30 (credit used). */
  ref: string;
  date: string;
  memo: string;
  lines: JournalLine[];
}

export type Method = 'bank' | 'postal' | 'cash' | 'other';

export interface AccountSettings {
  duesAccount: string;
  duesSubAccounts: Record<string, string>;
  donationAccount: string;
  donationSubAccount: string;
  feeAccount: string;
  creditAccount: string;
  depositAccounts: Record<Method, { account: string; sub: string }>;
  taxCategory: string;
  feeTaxCategory: string;
}

export interface AllocationSource {
  id: number;
  typeName: string;
  fiscalYear: number;
  amount: number /** null: made with the payment; else the day credit was used. */;
  appliedOn: string | null;
}
export interface PaymentSource {
  id: number;
  receivedOn: string;
  amount: number;
  fee: number;
  method: Method;
  memberNo: string;
  allocations: AllocationSource[];
  donation: number;
  reversedOn: string | null;
}
export interface DonationSource {
  id: number;
  receivedOn: string;
  amount: number;
  method: Method;
  donor: string;
  purpose: string | null;
  reversedOn: string | null;
}

const T = ACCOUNTING_TEXT;

function duesLine(a: AccountSettings, typeName: string, amount: number): JournalLine {
  return {
    side: 'credit',
    role: 'income',
    account: a.duesAccount,
    sub: a.duesSubAccounts[typeName] ?? typeName,
    tax: a.taxCategory,
    amount,
  };
}

function cashLine(a: AccountSettings, method: Method, amount: number): JournalLine {
  const acc = a.depositAccounts[method];
  return { side: 'debit', role: 'cash', account: acc.account, sub: acc.sub, tax: a.taxCategory, amount };
}

/** Dues per member type, in the order first seen (allocations come sorted by id). */
function duesByType(allocs: AllocationSource[]): { typeName: string; years: number[]; amount: number }[] {
  const out = new Map<string, { typeName: string; years: number[]; amount: number }>();
  for (const al of allocs) {
    const e = out.get(al.typeName) ?? { typeName: al.typeName, years: [], amount: 0 };
    if (!e.years.includes(al.fiscalYear)) e.years.push(al.fiscalYear);
    e.amount += al.amount;
    out.set(al.typeName, e);
  }
  return [...out.values()];
}

function receiptEntry(p: PaymentSource, a: AccountSettings): JournalEntry {
  const atReceipt = p.allocations.filter((al) => al.appliedOn === null);
  const groups = duesByType(atReceipt);
  const allocated = atReceipt.reduce((s, al) => s + al.amount, 0);
  const credit = p.amount + p.fee - allocated - p.donation;
  const lines: JournalLine[] = [cashLine(a, p.method, p.amount)];
  if (p.fee > 0)
    lines.push({ side: 'debit', role: 'fee', account: a.feeAccount, sub: '', tax: a.feeTaxCategory, amount: p.fee });
  for (const g of groups) lines.push(duesLine(a, g.typeName, g.amount));
  if (p.donation > 0)
    lines.push({
      side: 'credit',
      role: 'income',
      account: a.donationAccount,
      sub: a.donationSubAccount,
      tax: a.taxCategory,
      amount: p.donation,
    });
  if (credit > 0)
    lines.push({
      side: 'credit',
      role: 'credit',
      account: a.creditAccount,
      sub: '',
      tax: a.taxCategory,
      amount: credit,
    });
  const what = groups.length ? groups.map((g) => T.duesMemo(g.years, g.typeName)).join(T.memoJoin) : T.creditMemo;
  return {
    ref: `P${p.id}`,
    date: p.receivedOn,
    memo: [what, p.donation > 0 ? T.donationWord : '', p.fee > 0 ? T.feeWord : '', T.memberNo(p.memberNo)]
      .filter(Boolean)
      .join(' '),
    lines,
  };
}

/** Credit kept from an earlier payment, used later for dues: 前受金 → 受取会費 on that day. */
function creditUseEntry(p: PaymentSource, al: AllocationSource, a: AccountSettings): JournalEntry {
  return {
    ref: `A${al.id}`,
    date: al.appliedOn!,
    memo: `${T.creditUseMemo} ${T.duesMemo([al.fiscalYear], al.typeName)} ${T.memberNo(p.memberNo)}`,
    lines: [
      { side: 'debit', role: 'credit', account: a.creditAccount, sub: '', tax: a.taxCategory, amount: al.amount },
      duesLine(a, al.typeName, al.amount),
    ],
  };
}

/** The same lines on the other side, dated on the reversal day. */
export function reversing(e: JournalEntry, on: string): JournalEntry {
  return {
    ref: `${e.ref}-R`,
    date: on,
    memo: `${T.reversalPrefix}${e.memo}`,
    lines: e.lines.map((l) => ({ ...l, side: l.side === 'debit' ? 'credit' : 'debit' })),
  };
}

export function paymentEntries(p: PaymentSource, a: AccountSettings): JournalEntry[] {
  const own = [
    receiptEntry(p, a),
    ...p.allocations.filter((al) => al.appliedOn !== null).map((al) => creditUseEntry(p, al, a)),
  ];
  return p.reversedOn ? [...own, ...own.map((e) => reversing(e, p.reversedOn!))] : own;
}

export function donationEntries(d: DonationSource, a: AccountSettings): JournalEntry[] {
  const e: JournalEntry = {
    ref: `D${d.id}`,
    date: d.receivedOn,
    memo: [T.donationWord, d.purpose ?? '', d.donor].filter(Boolean).join(' '),
    lines: [
      cashLine(a, d.method, d.amount),
      {
        side: 'credit',
        role: 'income',
        account: a.donationAccount,
        sub: a.donationSubAccount,
        tax: a.taxCategory,
        amount: d.amount,
      },
    ],
  };
  return d.reversedOn ? [e, reversing(e, d.reversedOn)] : [e];
}

const REF_ORDER = { P: 0, D: 1, A: 2 } as Record<string, number>;

/** The entries dated inside the period, in a fixed order: by date, then kind, then source id. */
export function entriesInPeriod(entries: JournalEntry[], from: string, to: string): JournalEntry[] {
  const key = (e: JournalEntry) => [
    REF_ORDER[e.ref[0]!] ?? 9,
    Number(/\d+/.exec(e.ref)![0]),
    e.ref.endsWith('-R') ? 1 : 0,
  ];
  return entries
    .filter((e) => e.date >= from && e.date <= to)
    .sort((x, y) => {
      if (x.date !== y.date) return x.date < y.date ? -1 : 1;
      const [a, b] = [key(x), key(y)];
      return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    });
}

/** Debit and credit lines paired into rows (one row per line pair), as MF and 弥生 lay them out. */
export function pairedRows(e: JournalEntry): { debit: JournalLine | null; credit: JournalLine | null }[] {
  const debits = e.lines.filter((l) => l.side === 'debit');
  const credits = e.lines.filter((l) => l.side === 'credit');
  return Array.from({ length: Math.max(debits.length, credits.length) }, (_, i) => ({
    debit: debits[i] ?? null,
    credit: credits[i] ?? null,
  }));
}
