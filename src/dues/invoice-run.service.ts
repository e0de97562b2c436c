import { insertRows } from '../db/batch-write.js';
import type { EntityManager } from '../db/orm.js';
import { addDays, todayInTokyo } from '../lib/dates.js';
import { fiscalYearRange } from '../lib/fiscal-year.js';
import { displayNameOfRow } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { InvoiceRun, type IInvoiceRun } from './invoice-run.entity.js';
import { Invoice } from './invoice.entity.js';
import { annualDescription, checkFiscalYear, nextInvoiceSeq } from './invoice.service.js';
import { formatInvoiceNo, sqlDate } from './invoice-status.js';
import { DOCUMENT_TEXT, MSG, SKIP_REASONS } from './ui-text.js';

export interface RunPlanItem {
  memberId: number;
  memberNo: string;
  name: string;
  typeName: string;
  amount: number;
}
export interface RunSkip {
  memberId: number;
  memberNo: string;
  name: string;
  reason: string;
}
export interface RunPlan {
  fiscalYear: number;
  issuedOn: string;
  dueOn: string;
  issue: RunPlanItem[];
  skipped: RunSkip[];
  total: number;
}
export interface RunResult extends RunPlan {
  run: IInvoiceRun | null;
  issued: { invoiceNo: string; memberNo: string; amount: number }[];
}

interface Row {
  id: number;
  member_no: number;
  status: string;
  joined_on: string | Date | null;
  kind: string;
  family_name: string | null;
  given_name: string | null;
  org_name: string | null;
  type_name: string;
  annual_fee: number;
  existing: string | null;
}

/**
 * Who gets which amount in the annual run, and who is skipped and why. Plain rows (no
 * entities): the run must stay fast for tens of thousands of members.
 */
export async function planInvoiceRun(
  em: EntityManager,
  fiscalYear: number,
  issuedOn = todayInTokyo(),
): Promise<RunPlan> {
  checkFiscalYear(fiscalYear);
  const settings = await getSettings(em);
  const fyEnd = fiscalYearRange(fiscalYear, settings.fiscalYearStartMonth).end;
  const rows = await em.execute<Row[]>(
    `select m.id, m.member_no, m.status, m.joined_on, m.kind, m.family_name, m.given_name, m.org_name,
       mt.name as type_name, mt.annual_fee,
       (select min(i.invoice_no) from invoice i where i.member_id = m.id and i.fiscal_year = ? and not i.voided) as existing
     from member m join member_type mt on mt.id = m.member_type_id order by m.member_no`,
    [fiscalYear],
  );
  const plan: RunPlan = {
    fiscalYear,
    issuedOn,
    dueOn: addDays(issuedOn, settings.dueDays),
    issue: [],
    skipped: [],
    total: 0,
  };
  for (const r of rows) {
    const base = { memberId: r.id, memberNo: String(r.member_no), name: displayNameOfRow(r) };
    const reason =
      r.status === 'withdrawn'
        ? SKIP_REASONS.withdrawn
        : r.existing
          ? SKIP_REASONS.alreadyInvoiced(r.existing)
          : Number(r.annual_fee) <= 0
            ? SKIP_REASONS.noFee
            : r.joined_on && sqlDate(r.joined_on) > fyEnd
              ? SKIP_REASONS.joinedLater
              : null;
    if (reason) plan.skipped.push({ ...base, reason });
    else {
      plan.issue.push({ ...base, typeName: r.type_name, amount: Number(r.annual_fee) });
      plan.total += Number(r.annual_fee);
    }
  }
  return plan;
}

/**
 * Issues the annual dues invoices in one transaction. Members already invoiced for the year are
 * skipped, so running it twice issues nothing new. dryRun plans only and writes nothing.
 */
export async function issueInvoiceRun(
  em: EntityManager,
  opts: { fiscalYear: number; issuedOn?: string; dryRun?: boolean },
): Promise<RunResult> {
  const work = async (tx: EntityManager): Promise<RunResult> => {
    const plan = await planInvoiceRun(tx, opts.fiscalYear, opts.issuedOn);
    const preview = plan.issue.map((p, i) => ({ invoiceNo: '', memberNo: p.memberNo, amount: p.amount, i }));
    if (opts.dryRun || plan.issue.length === 0)
      return { ...plan, run: null, issued: preview.map(({ i: _i, ...x }) => x) };
    const run = tx.create(InvoiceRun, {
      fiscalYear: plan.fiscalYear,
      issuedOn: plan.issuedOn,
      dueOn: plan.dueOn,
      issuedCount: plan.issue.length,
      totalAmount: plan.total,
    } as IInvoiceRun);
    await tx.flush();
    const seq = await nextInvoiceSeq(tx, plan.fiscalYear);
    const rows = plan.issue.map((p, n) => invoiceRow(plan, run.id, p, formatInvoiceNo(plan.fiscalYear, seq + n)));
    // Set-based and audited in bulk: 50,000 invoices in one statement per 500, not 50,000 entities.
    await insertRows(tx, Invoice, rows);
    const issued = plan.issue.map((p, n) => ({
      invoiceNo: rows[n]!.invoiceNo,
      memberNo: p.memberNo,
      amount: p.amount,
    }));
    return { ...plan, run, issued };
  };
  if (opts.dryRun) return work(em.fork());
  return em.transactional(work);
}

/** One annual invoice, exactly the fields an invoice created one by one has. */
export function invoiceRow(plan: RunPlan, runId: number, p: RunPlanItem, invoiceNo: string) {
  return {
    invoiceNo,
    member: p.memberId,
    fiscalYear: plan.fiscalYear,
    kind: 'annual',
    run: runId,
    memberTypeName: p.typeName,
    description: annualDescription(plan.fiscalYear, p.typeName),
    amount: p.amount,
    issuedOn: plan.issuedOn,
    dueOn: plan.dueOn,
  };
}

/** Undoes a whole run while none of its invoices has a payment; says which ones block it. */
export async function undoInvoiceRun(em: EntityManager, runId: number, reason: string): Promise<IInvoiceRun> {
  if (!reason.trim()) throw new UserError(MSG.reasonRequired, 422, { reason: MSG.reasonRequired });
  return em.transactional(async (tx) => {
    const run = await tx.findOne(InvoiceRun, { id: runId });
    if (!run) throw new UserError(MSG.runNotFound, 404);
    if (run.status === 'undone') throw new UserError(MSG.runAlreadyUndone, 409);
    const paid = await tx.find(
      Invoice,
      { run, paidAmount: { $gt: 0 } },
      { fields: ['invoiceNo'], orderBy: { invoiceNo: 'asc' } },
    );
    if (paid.length) throw new UserError(MSG.runHasPayments(paid.map((i) => i.invoiceNo)), 409);
    const invoices = await tx.find(Invoice, { run, voided: false });
    for (const inv of invoices) {
      Object.assign(inv, {
        status: 'cancelled',
        voided: true,
        statusReason: DOCUMENT_TEXT.runUndoneReason(reason.trim()),
        closedOn: todayInTokyo(),
      });
    }
    Object.assign(run, { status: 'undone', undoneAt: new Date(), undoReason: reason.trim() });
    await tx.flush();
    return run;
  });
}

export async function listRuns(em: EntityManager): Promise<IInvoiceRun[]> {
  return em.find(InvoiceRun, {}, { orderBy: { id: 'desc' }, limit: 50 });
}
