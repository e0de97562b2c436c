import type { EntityManager } from '../db/orm.js';
import { searchMembers, type MemberRow } from '../members/member-search.js';
import { NotFoundError, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { BankTransaction, type IBankTransaction, type StoredSuggestion } from './bank-transaction.entity.js';
import { openInvoices, type OpenInvoiceRow } from './dues-port.js';
import { memberBriefs, type MemberBrief } from './import-page.js';
import type { Confirmation } from './review.service.js';
import { MSG } from './ui-text.js';

export interface Candidate {
  member: MemberBrief;
  invoices: OpenInvoiceRow[];
  suggestion: StoredSuggestion | null;
}

export interface LinePage {
  line: IBankTransaction;
  candidates: Candidate[];
  found: MemberRow[];
  q: string;
  add: number[];
  /** Amounts filled in: the best suggestion's allocations. */
  prefill: Record<number, number>;
  fee: number;
}

/** The line's review page: suggested members, members added from a quick search, their open invoices. */
export async function loadLinePage(em: EntityManager, id: number, q: string, add: number[]): Promise<LinePage> {
  const line = await em.findOne(BankTransaction, { id }, { populate: ['bankImport'] });
  if (!line) throw new NotFoundError(MSG.lineNotFound);
  const suggestions = line.suggestions ?? [];
  const ids = [...new Set([...suggestions.map((s) => s.memberId), ...add, ...(line.member ? [line.member.id] : [])])];
  const members = await memberBriefs(em, ids);
  const invoices = ids.length ? await openInvoices(em, ids) : [];
  const candidates = ids
    .filter((m) => members.has(m))
    .map((m) => ({
      member: members.get(m)!,
      invoices: invoices.filter((i) => i.memberId === m),
      suggestion: suggestions.find((s) => s.memberId === m) ?? null,
    }));
  const found = q.trim() ? (await searchMembers(em, { q, perPage: 20, status: 'all' })).items : [];
  const best = suggestions[0];
  const prefill: Record<number, number> = {};
  for (const a of best?.invoices ?? []) prefill[a.id] = a.amount;
  return { line, candidates, found, q, add, prefill, fee: best?.fee ?? 0 };
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
  return {
    memberId,
    allocations,
    fee: int(field(body, 'fee')),
    remainder: field(body, 'remainder') === 'credit' ? 'credit' : 'donation',
    learnAlias: field(body, 'learnAlias') === '1',
    donationPurpose: field(body, 'donationPurpose').trim().slice(0, 100) || null,
  };
}
