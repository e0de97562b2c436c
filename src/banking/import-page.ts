import type { EntityManager } from '../db/orm.js';
import { displayNameOfRow } from '../members/member.model.js';
import { NotFoundError } from '../web/errors.js';
import { BankImport, type IBankImport } from './bank-import.entity.js';
import { BankTransaction, type IBankTransaction } from './bank-transaction.entity.js';
import { invoiceNosOfLines } from './dues-port.js';
import { MSG } from './ui-text.js';

export interface MemberBrief {
  id: number;
  memberNo: number;
  name: string;
  status: string;
}

/** Member numbers and names of a few ids, as plain rows. */
export async function memberBriefs(em: EntityManager, ids: number[]): Promise<Map<number, MemberBrief>> {
  const out = new Map<number, MemberBrief>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await em.execute<Record<string, unknown>[]>(
      em
        .getKnex()('member')
        .select('id', 'member_no', 'kind', 'family_name', 'given_name', 'org_name', 'status')
        .whereIn('id', unique.slice(i, i + 500)),
    );
    for (const r of rows) {
      const name = displayNameOfRow(r);
      out.set(Number(r.id), { id: Number(r.id), memberNo: Number(r.member_no), name, status: String(r.status) });
    }
  }
  return out;
}

export interface ImportPage {
  imp: IBankImport;
  review: IBankTransaction[];
  decided: IBankTransaction[];
  ignored: IBankTransaction[];
  members: Map<number, MemberBrief>;
  invoiceNos: Map<number, string[]>;
}

/** Everything /bank/imports/:id shows: the queue first (review, then skipped), then what is decided. */
export async function loadImportPage(em: EntityManager, id: number): Promise<ImportPage> {
  const imp = await em.findOne(BankImport, { id });
  if (!imp) throw new NotFoundError(MSG.importNotFound);
  const lines = await em.find(BankTransaction, { bankImport: id }, { orderBy: { line: 'asc' } });
  const review = lines.filter((l) => l.status === 'review').concat(lines.filter((l) => l.status === 'skipped'));
  const decided = lines.filter((l) => ['matched', 'donation', 'not_dues'].includes(l.status));
  const ignored = lines.filter((l) => l.status === 'ignored');
  const memberIds = [
    ...decided.map((l) => l.member?.id ?? 0),
    ...review.flatMap((l) => (l.suggestions ?? []).map((s) => s.memberId)),
  ].filter(Boolean);
  const members = await memberBriefs(em, memberIds);
  const invoiceNos = await invoiceNosOfLines(
    em,
    decided.filter((l) => l.paymentId !== null).map((l) => l.id),
  );
  return { imp, review, decided, ignored, members, invoiceNos };
}

export async function listImports(em: EntityManager): Promise<IBankImport[]> {
  return em.find(BankImport, {}, { orderBy: { id: 'desc' }, limit: 100 });
}
