import type { EntityManager } from '../db/orm.js';
import { Member } from '../members/member.entity.js';
import { PayerAlias } from './payer-alias.entity.js';

/**
 * Remembers that this payer name belongs to this member (confirmed by staff). A name already
 * learned for someone else is moved: the latest confirmation is what staff know to be true.
 * Runs inside the caller's transaction; the caller flushes.
 */
export async function learnAlias(em: EntityManager, payerKey: string, payer: string, memberId: number): Promise<void> {
  if (!payerKey) return;
  const existing = await em.findOne(PayerAlias, { payerKey });
  if (existing) {
    if (existing.member.id !== memberId) existing.member = em.getReference(Member, memberId);
    existing.payer = payer;
    return;
  }
  em.create(PayerAlias, { payerKey, payer, member: em.getReference(Member, memberId) });
}

/** Every learned payer name as plain rows (no entities), for the matcher's context. */
export async function loadAliasRows(em: EntityManager): Promise<{ payerKey: string; memberId: number }[]> {
  const rows = await em.execute<{ payer_key: string; member_id: number }[]>(
    em.getKnex()('payer_alias').select('payer_key', 'member_id'),
  );
  return rows.map((r) => ({ payerKey: r.payer_key, memberId: Number(r.member_id) }));
}

export async function aliasesOfMember(em: EntityManager, memberId: number) {
  return em.find(PayerAlias, { member: memberId }, { orderBy: { id: 'asc' } });
}
