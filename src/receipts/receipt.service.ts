import type { EntityManager } from '../db/orm.js';
import { ANNUAL_MAX_ROWS } from '../documents/receipt.pdf.js';
import { todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf, fiscalYearRange } from '../lib/fiscal-year.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { receiptCandidates, type Candidate, type CandidateFilter } from './candidates.js';
import { takeNumbers } from './counter.js';
import { formatDocNumber, receiptKind, receiptLines } from './receipt-lines.js';
import {
  Receipt,
  ReceiptItem,
  type IReceipt,
  type IReceiptItem,
  type ReceiptKind,
  type ReceiptScope,
} from './receipt.entity.js';
import { MSG } from './ui-text.js';

export interface IssuedReceipt {
  id: number;
  number: string;
  memberNo: string | null;
  amount: number;
  receivedOn: string;
  kind: ReceiptKind;
}

function yearRange(fiscalYear: number, startMonth: number): { from: string; to: string } {
  const { start, end } = fiscalYearRange(fiscalYear, startMonth);
  return { from: start, to: end };
}

const total = (c: Candidate) => c.sources.reduce((s, x) => s + x.amount, 0);

/** One receipt over `group` (one candidate, or a member's year), numbered `seq`. */
function createReceipt(
  tx: EntityManager,
  group: Candidate[],
  scope: ReceiptScope,
  fiscalYear: number,
  seq: number,
  issuedOn: string,
): IReceipt {
  const first = group[0]!;
  const amount = group.reduce((s, c) => s + total(c), 0);
  const receipt = tx.create(Receipt, {
    number: formatDocNumber(fiscalYear, seq),
    fiscalYear,
    scope,
    kind: receiptKind(group.flatMap((c) => c.sources)),
    member: first.memberId,
    payerName: first.payer.name,
    honorific: first.payer.honorific,
    postalCode: first.payer.postalCode,
    address: first.payer.address,
    amount,
    receivedOn: group[group.length - 1]!.receivedOn,
    issuedOn,
  } as unknown as IReceipt);
  for (const c of group) {
    tx.create(ReceiptItem, {
      receipt,
      sourceKey: c.sourceKey,
      activeKey: c.sourceKey,
      receivedOn: c.receivedOn,
      amount: total(c),
      lines: receiptLines(c.sources),
    } as IReceiptItem);
  }
  return receipt;
}

const issued = (r: IReceipt, memberNo: string | null): IssuedReceipt => ({
  id: r.id,
  number: r.number,
  memberNo,
  amount: r.amount,
  receivedOn: r.receivedOn,
  kind: r.kind,
});

/**
 * Receipts, one per payment or gift, inside one transaction that also takes their numbers:
 * the whole run gets numbers or none does.
 */
async function issueEach(
  em: EntityManager,
  fiscalYear: number,
  filter: (start: number) => CandidateFilter,
  issuedOn: string,
): Promise<IssuedReceipt[]> {
  return em.transactional(async (tx) => {
    const candidates = await receiptCandidates(tx, filter((await getSettings(tx)).fiscalYearStartMonth));
    if (!candidates.length) return [];
    const first = await takeNumbers(tx, 'receipt', fiscalYear, candidates.length);
    // Written 500 at a time in the one transaction, letting go of each chunk's entities, so a
    // year of 5,000 receipts keeps memory flat; the numbers were taken in one go above.
    const out: IssuedReceipt[] = [];
    for (let at = 0; at < candidates.length; at += 500) {
      const chunk = candidates.slice(at, at + 500);
      const receipts = chunk.map((c, i) =>
        createReceipt(
          tx,
          [c],
          c.sourceKey.startsWith('payment:') ? 'payment' : 'donation',
          fiscalYear,
          first + at + i,
          issuedOn,
        ),
      );
      await tx.flush();
      out.push(...receipts.map((r, i) => issued(r, chunk[i]!.memberNo)));
      tx.clear();
    }
    return out;
  });
}

/** The year's payments and gifts that have no valid receipt yet (optionally one member's). */
export async function issueReceiptsForYear(
  em: EntityManager,
  opts: { fiscalYear: number; memberId?: number; issuedOn?: string },
): Promise<IssuedReceipt[]> {
  return issueEach(
    em,
    opts.fiscalYear,
    (start) => ({ ...yearRange(opts.fiscalYear, start), memberId: opts.memberId }),
    opts.issuedOn ?? todayInTokyo(),
  );
}

/** The receipt of one payment (or one gift entered on its own). */
export async function issueReceiptFor(
  em: EntityManager,
  source: { paymentId: number } | { donationId: number },
  issuedOn = todayInTokyo(),
): Promise<IssuedReceipt> {
  const table = 'paymentId' in source ? 'payment' : 'donation';
  const id = 'paymentId' in source ? source.paymentId : source.donationId;
  const rows = await em.execute<{ received_on: unknown; status: string }[]>(
    `select received_on, status from ${table} where id = ?`,
    [id],
  );
  if (!rows.length || rows[0]!.status !== 'active')
    throw new UserError(table === 'payment' ? MSG.paymentNotFound : MSG.donationNotFound, 404);
  const receivedOn = String(
    rows[0]!.received_on instanceof Date ? (rows[0]!.received_on as Date).toISOString() : rows[0]!.received_on,
  ).slice(0, 10);
  const start = (await getSettings(em)).fiscalYearStartMonth;
  const fiscalYear = fiscalYearOf(receivedOn, start);
  const out = await issueEach(em, fiscalYear, () => ({ from: receivedOn, to: receivedOn, ...source }), issuedOn);
  if (!out.length) throw new UserError(MSG.alreadyReceipted, 409);
  return out[0]!;
}

/** 年間領収書: a member's payments and gifts of a fiscal year not receipted yet, on one receipt. */
export async function issueAnnualReceipt(
  em: EntityManager,
  memberId: number,
  fiscalYear: number,
  issuedOn = todayInTokyo(),
): Promise<IssuedReceipt> {
  return em.transactional(async (tx) => {
    const start = (await getSettings(tx)).fiscalYearStartMonth;
    const candidates = await receiptCandidates(tx, { ...yearRange(fiscalYear, start), memberId });
    if (!candidates.length) throw new UserError(MSG.nothingToIssue, 409);
    if (candidates.length > ANNUAL_MAX_ROWS)
      throw new UserError(MSG.annualTooMany(ANNUAL_MAX_ROWS, candidates.length), 422);
    const seq = await takeNumbers(tx, 'receipt', fiscalYear, 1);
    const r = createReceipt(tx, candidates, 'annual', fiscalYear, seq, issuedOn);
    await tx.flush();
    return issued(r, candidates[0]!.memberNo);
  });
}

async function byNumber(tx: EntityManager, number: string): Promise<IReceipt> {
  const r = await tx.findOne(Receipt, { number: number.normalize('NFKC').trim() });
  if (!r) throw new UserError(MSG.receiptNotFound(number), 404);
  return r;
}

/** 再発行: the same number, counted and dated (the copy is marked 再発行); no new number. */
export async function reissueReceipt(em: EntityManager, number: string, on = todayInTokyo()): Promise<IReceipt> {
  return em.transactional(async (tx) => {
    const r = await byNumber(tx, number);
    if (r.status === 'void') throw new UserError(MSG.receiptVoid(r.number), 409);
    Object.assign(r, { reissueCount: r.reissueCount + 1, lastReissuedOn: on });
    await tx.flush();
    return r;
  });
}

/** 取消: the number stays used and the reason is kept; what it covered can be receipted again. */
export async function voidReceipt(em: EntityManager, number: string, reason: string): Promise<IReceipt> {
  if (!reason.trim()) throw new UserError(MSG.reasonRequired, 422, { reason: MSG.reasonRequired });
  return em.transactional(async (tx) => {
    const r = await byNumber(tx, number);
    if (r.status === 'void') throw new UserError(MSG.alreadyVoid(r.number), 409);
    Object.assign(r, { status: 'void', voidReason: reason.trim(), voidedAt: new Date() });
    for (const item of await tx.find(ReceiptItem, { receipt: r })) item.activeKey = null;
    await tx.flush();
    return r;
  });
}
