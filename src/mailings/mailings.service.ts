import { Batch, type IBatch } from '../batches/batch.entity.js';
import { recordEvent } from '../audit/audit.service.js';
import type { EntityManager } from '../db/orm.js';
import { NotFoundError } from '../web/errors.js';
import { labelEntries, type HouseholdInfo, type LabelEntry } from './label-list.js';
import {
  Mailing,
  MailingRecipient,
  type IMailing,
  type MailingChannel,
  type RecipientSnapshot,
} from './mailing.entity.js';
import { getIssue } from './newsletters.service.js';
import { segmentByName, segmentMembers } from './segments.service.js';
import { exclusionLabel, MAIL_TEXT, SEND_TEXT } from './ui-text.js';

export interface MailingRequest {
  issueId: number;
  segment: string | null;
  channel: MailingChannel;
}

async function households(em: EntityManager, ids: number[]): Promise<Map<number, HouseholdInfo>> {
  const out = new Map<number, HouseholdInfo>();
  const knex = em.getKnex();
  for (let i = 0; i < ids.length; i += 500) {
    for (const h of await em.execute<{ id: number; shares_address: unknown; label_name: string | null }[]>(
      knex('household')
        .select('id', 'shares_address', 'label_name')
        .whereIn('id', ids.slice(i, i + 500)),
    )) {
      out.set(Number(h.id), {
        sharesAddress: Number(h.shares_address) === 1 || h.shares_address === true,
        labelName: h.label_name,
      });
    }
  }
  return out;
}

/**
 * Makes a mailing and freezes its recipients (and the excluded, with the reason) in one
 * transaction. Recipient rows are written in bulk without the ORM: thousands of them are one
 * record of who was chosen, and the mailing row itself is audited.
 */
export async function createMailing(
  em: EntityManager,
  req: MailingRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<IMailing> {
  await getIssue(em, req.issueId);
  return em.transactional(async (tx) => {
    const filter = req.segment ? (await segmentByName(tx, req.segment)).filter : {};
    const { recipients, excluded } = await segmentMembers(tx, filter, req.channel);
    const hh = await households(tx, [
      ...new Set(recipients.map((r) => r.householdId).filter((id): id is number => !!id)),
    ]);
    const mailing = tx.create(Mailing, {
      issueId: req.issueId,
      segmentName: req.segment,
      channel: req.channel,
      recipientCount: recipients.length,
      excludedCount: excluded.length,
    });
    await tx.flush();
    const snap = (row: (typeof recipients)[number]): RecipientSnapshot => ({
      row,
      household: row.householdId ? (hh.get(row.householdId) ?? null) : null,
    });
    const rows = [
      ...recipients.map((r) => ({
        member_id: r.id,
        member_no: r.memberNo,
        status: 'listed',
        reason: null,
        snapshot: JSON.stringify(snap(r)),
      })),
      ...excluded.map((x) => ({
        member_id: x.member.id,
        member_no: x.member.memberNo,
        status: 'excluded',
        reason: x.reason,
        snapshot: JSON.stringify({ ...snap(x.member), reasonDetail: x.detail ?? null }),
      })),
    ].map((r) => ({ ...r, mailing_id: mailing.id, attempts: 0 }));
    const knex = tx.getKnex();
    for (let i = 0; i < rows.length; i += 200) {
      await tx.execute(knex('mailing_recipient').insert(rows.slice(i, i + 200)));
      onProgress?.(Math.min(i + 200, rows.length), rows.length);
    }
    return mailing;
  });
}

export async function getMailing(em: EntityManager, id: number): Promise<IMailing> {
  const m = await em.findOne(Mailing, { id });
  if (!m) throw new NotFoundError(MAIL_TEXT.mailingNotFound);
  return m;
}

export async function mailingRecipients(em: EntityManager, id: number) {
  const rows = await em.find(MailingRecipient, { mailingId: id }, { orderBy: { memberNo: 'asc' } });
  return rows.map((r) => ({ ...r, reasonLabel: r.reason ? exclusionLabel(r.reason, r.snapshot.reasonDetail) : null }));
}

/** Labels for a paper mailing from its frozen list: the same labels every time it is printed. */
export async function mailingLabels(em: EntityManager, id: number, joint: boolean): Promise<LabelEntry[]> {
  const rows = await em.find(
    MailingRecipient,
    { mailingId: id, status: { $ne: 'excluded' } },
    { orderBy: { memberNo: 'asc' } },
  );
  const hh = new Map<number, HouseholdInfo>();
  for (const r of rows)
    if (r.snapshot.row.householdId && r.snapshot.household) hh.set(r.snapshot.row.householdId, r.snapshot.household);
  return labelEntries(
    rows.map((r) => r.snapshot.row),
    hh,
    joint,
  );
}

/** For the member timeline: which issues a member received, and how. */
export async function mailingsOfMember(em: EntityManager, memberId: number) {
  return em.execute<
    {
      mailing_id: number;
      channel: string;
      status: string;
      created_at: unknown;
      title: string;
      number: number;
      issue_id: number;
    }[]
  >(
    `select r.mailing_id, m.channel, r.status, m.created_at, i.title, i.number, i.id as issue_id from mailing_recipient r
     join mailing m on m.id = r.mailing_id join newsletter_issue i on i.id = m.issue_id where r.member_id = ? and r.status <> ? order by m.created_at desc`,
    [memberId, 'excluded'],
  );
}

/** The background runs of one mailing (newest first), and the one of a kind still queued or running. */
export async function batchesOfMailing(em: EntityManager, mailingId: number): Promise<IBatch[]> {
  const list = await em.find(
    Batch,
    { kind: { $in: ['mailing-email', 'mailing-labels'] } },
    { orderBy: { id: 'desc' }, limit: 200 },
  );
  return list.filter((b) => (JSON.parse(b.params) as { mailingId?: number }).mailingId === mailingId);
}

export async function runningBatchOf(em: EntityManager, kind: string, mailingId: number): Promise<IBatch | null> {
  return (
    (await batchesOfMailing(em, mailingId)).find(
      (b) => b.kind === kind && (b.status === 'queued' || b.status === 'running'),
    ) ?? null
  );
}

/** Recipients left 送信中 by a run that stopped: back to failed (with why), so a retry sends them. Audited as one event. */
export async function releaseSending(em: EntityManager, mailingId: number): Promise<number> {
  return em.transactional(async (tx) => {
    const knex = tx.getKnex();
    const res = await tx.execute(
      knex('mailing_recipient')
        .where({ mailing_id: mailingId, status: 'sending' })
        .update({ status: 'failed', error: SEND_TEXT.releasedError }),
      [],
      'run',
    );
    const n = Number((res as { affectedRows?: number }).affectedRows ?? 0);
    if (n)
      await recordEvent(tx, {
        entityName: 'Mailing',
        entityId: mailingId,
        action: 'update',
        changes: { released: [null, n] },
      });
    return n;
  });
}
