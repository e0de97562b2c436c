import type { EntityManager } from '../db/orm.js';
import { searchMembers } from '../members/member-search.js';
import { displayNameOfRow } from '../members/member.model.js';
import { NotFoundError, UserError } from '../web/errors.js';
import { field, fields, type FormBody } from '../web/forms.js';
import { BankTransaction, type IBankTransaction, type StoredSuggestion } from './bank-transaction.entity.js';
import { confidenceOf } from './confidence.js';
import { lastPayments, openInvoices, type LastPayment, type OpenInvoiceRow } from './dues-port.js';
import type { Confirmation } from './review.service.js';
import { MSG } from './ui-text.js';

/** What tells two members of the same kana apart on the review page. */
export interface MemberCard {
  id: number;
  memberNo: number;
  name: string;
  kana: string;
  status: string;
  /** 都道府県 + 市区町村 + 番地 (no building), shortened. */
  address: string;
  phone: string;
  lastPayment: LastPayment | null;
}

export interface Candidate {
  member: MemberCard;
  invoices: OpenInvoiceRow[];
  suggestion: StoredSuggestion | null;
  /** Found by the quick search on this page (not suggested by the matcher). */
  found: boolean;
}

/** What staff typed into the confirm form, shown again when it is refused (422). */
export interface ConfirmValues {
  memberId: number | null;
  alloc: Record<number, string>;
  fee: string;
  remainder: string;
  donationPurpose: string;
  learnAlias: boolean;
}

export interface LinePage {
  line: IBankTransaction;
  candidates: Candidate[];
  /** How many members the quick search found (0 with a query: 「見つかりませんでした」). */
  foundCount: number;
  q: string;
  /** Members added by hand (add=…) or found: carried in the forms so a re-rendered page keeps them. */
  add: number[];
  values: ConfirmValues;
  /** The 会員以外からの寄付 form: the payer's name as a start, or what was sent when refused. */
  donor: { donorName: string; postalCode: string; donorAddress: string; purpose: string };
}

/** Longest address shown beside a candidate: enough to tell two households apart. */
const ADDRESS_CHARS = 24;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Number, name, kana, shortened address, phone and last payment of a few members, in two queries. */
export async function memberCards(em: EntityManager, ids: number[]): Promise<Map<number, MemberCard>> {
  const out = new Map<number, MemberCard>();
  const unique = [...new Set(ids)];
  if (!unique.length) return out;
  const rows = await em.execute<Record<string, unknown>[]>(
    em
      .getKnex()('member')
      .select(
        'id',
        'member_no',
        'kind',
        'family_name',
        'given_name',
        'org_name',
        'family_kana',
        'given_kana',
        'org_kana',
        'status',
        'prefecture',
        'city',
        'address1',
        'phone',
        'mobile',
      )
      .whereIn('id', unique),
  );
  const paid = await lastPayments(em, unique);
  for (const r of rows) {
    const id = Number(r.id);
    const address = `${str(r.prefecture)}${str(r.city)}${str(r.address1)}`;
    out.set(id, {
      id,
      memberNo: Number(r.member_no),
      name: displayNameOfRow(r),
      kana: r.kind === 'organization' ? str(r.org_kana) : [str(r.family_kana), str(r.given_kana)].join(' ').trim(),
      status: String(r.status),
      address: address.length > ADDRESS_CHARS ? `${address.slice(0, ADDRESS_CHARS)}…` : address,
      phone: str(r.phone) || str(r.mobile),
      lastPayment: paid.get(id) ?? null,
    });
  }
  return out;
}

const ids = (list: string[]) => list.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);

/** The values of a posted confirm form (for showing it again); empty for a fresh page. */
function confirmValues(form: FormBody | null): ConfirmValues {
  // Only the confirm form (it always sends fee) is shown again; another refused form leaves it fresh.
  if (!form || !('fee' in form))
    return { memberId: null, alloc: {}, fee: '', remainder: '', donationPurpose: '', learnAlias: true };
  const alloc: Record<number, string> = {};
  for (const k of Object.keys(form)) if (/^alloc_\d+$/.test(k)) alloc[Number(k.slice(6))] = field(form, k);
  return {
    memberId: Number(field(form, 'memberId')) || null,
    alloc,
    fee: field(form, 'fee'),
    remainder: field(form, 'remainder'),
    donationPurpose: field(form, 'donationPurpose'),
    learnAlias: field(form, 'learnAlias') === '1',
  };
}

/**
 * The line's review page: suggested members, members found by the quick search (shown at once as
 * candidates with their open invoices), members added by hand, and what is pre-filled.
 *
 * Nothing is pre-chosen when more than one member is listed: the payer is picked by staff. Only a
 * single high-confidence suggestion, alone on the page, comes with its radio checked and its
 * amounts filled in; a posted form that was refused shows again exactly as it was sent.
 */
export async function loadLinePage(
  em: EntityManager,
  id: number,
  query: FormBody,
  form: FormBody | null = null,
): Promise<LinePage> {
  const line = await em.findOne(BankTransaction, { id }, { populate: ['bankImport'] });
  if (!line) throw new NotFoundError(MSG.lineNotFound);
  const source = form ?? query;
  const q = field(source, 'q').trim();
  const add = ids(fields(source, 'add'));
  const suggestions = line.suggestions ?? [];
  const found = q ? (await searchMembers(em, { q, perPage: 10, status: 'all' })).items.map((m) => m.id) : [];
  const posted = form ? ids([field(form, 'memberId')]) : [];
  const all = [
    ...new Set([
      ...suggestions.map((s) => s.memberId),
      ...(line.member ? [line.member.id] : []),
      ...add,
      ...found,
      ...posted,
    ]),
  ];
  const members = await memberCards(em, all);
  const invoices = await openInvoices(em, all);
  const candidates = all
    .filter((m) => members.has(m))
    .map((m) => ({
      member: members.get(m)!,
      invoices: invoices.filter((i) => i.memberId === m),
      suggestion: suggestions.find((s) => s.memberId === m) ?? null,
      found: found.includes(m),
    }));
  const suggested = new Set(suggestions.map((s) => s.memberId));
  const carried = [...new Set([...add, ...found, ...posted])].filter((m) => !suggested.has(m) && members.has(m));
  const values = confirmValues(form);
  const only = candidates.length === 1 ? candidates[0]! : null;
  if (!form && only?.suggestion && confidenceOf(only.suggestion.score) === 'high') {
    values.memberId = only.member.id;
    for (const a of only.suggestion.invoices) values.alloc[a.id] = String(a.amount);
    values.fee = String(only.suggestion.fee);
  }
  const donor =
    form && 'donorName' in form
      ? {
          donorName: field(form, 'donorName'),
          postalCode: field(form, 'postalCode'),
          donorAddress: field(form, 'donorAddress'),
          purpose: field(form, 'purpose'),
        }
      : // The bank prints half-width kana (ﾔﾏｸﾞﾁ ｻﾁｺ): staff start from ヤマグチ サチコ and correct it.
        { donorName: line.payer.normalize('NFKC').trim(), postalCode: '', donorAddress: '', purpose: '' };
  return { line, candidates, foundCount: found.length, q, add: carried, values, donor };
}

function int(s: string): number {
  const n = Number(s.replace(/[,，円\s]/g, '') || '0');
  if (!Number.isSafeInteger(n) || n < 0) throw new UserError(MSG.allocationInvalid, 422);
  return n;
}

/** The confirm form: a payer (radio), amounts per invoice (alloc_<id>), fee, remainder, learn alias. */
export function parseConfirmation(body: FormBody): Confirmation {
  const memberId = Number(field(body, 'memberId'));
  if (!Number.isSafeInteger(memberId) || memberId <= 0)
    throw new UserError(MSG.chooseMember, 422, { memberId: MSG.chooseMember });
  const allocations = Object.keys(body)
    .filter((k) => /^alloc_\d+$/.test(k))
    .map((k) => ({ invoiceId: Number(k.slice(6)), amount: int(field(body, k)) }))
    .filter((a) => a.amount > 0);
  const remainder = field(body, 'remainder');
  return {
    memberId,
    allocations,
    fee: int(field(body, 'fee')),
    // Only an explicit choice counts: anything else is no choice, refused when there is a rest.
    remainder: remainder === 'credit' || remainder === 'donation' ? remainder : null,
    learnAlias: field(body, 'learnAlias') === '1',
    donationPurpose: field(body, 'donationPurpose').trim().slice(0, 100) || null,
  };
}
