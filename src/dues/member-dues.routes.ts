import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { parseYen } from '../lib/money.js';
import { Member, type IMember } from '../members/member.entity.js';
import { displayName } from '../members/member.model.js';
import { addMemberSection, addTimelineSource } from '../members/member-page.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { Allocation } from './allocation.entity.js';
import { Donation } from './donation.entity.js';
import { duesStatusOf } from './dues-status.service.js';
import { currentFiscalYear, yen } from './dues-pages.js';
import { Invoice } from './invoice.entity.js';
import { cancelInvoice, createManualInvoice, getInvoice, listOpenInvoices, memberInvoices, suggestedAmount, waiveInvoice } from './invoice.service.js';
import { Payment } from './payment.entity.js';
import { parsePaymentForm } from './payment-form.js';
import { applyCredit, creditBalance, memberPayments, recordPayment, reversePayment } from './payment.service.js';
import { INVOICE_STATUS_LABELS, METHOD_LABELS, REMAINDER_LABELS } from './ui-text.js';

const helpers = { yen, statusLabels: INVOICE_STATUS_LABELS, methodLabels: METHOD_LABELS, remainderLabels: REMAINDER_LABELS, displayName };
const idOf = (req: { params: unknown }) => idParam((req.params as { id: string }).id);

async function memberOr404(em: EntityManager, id: number): Promise<IMember> {
  const m = await em.findOne(Member, { id });
  if (!m) throw new UserError('会員が見つかりません', 404);
  return m;
}

/** The member's own open invoices and those of their household (a couple paying together). */
async function payableInvoices(em: EntityManager, m: IMember) {
  const ids = m.householdId ? (await em.find(Member, { householdId: m.householdId }, { fields: ['id'] })).map((x) => x.id) : [m.id];
  return listOpenInvoices(em, [...new Set([m.id, ...ids])]);
}

function registerSection(): void {
  addMemberSection({
    key: 'dues', order: 5, template: 'dues/member-section',
    load: async (em, m) => ({
      dues: await duesStatusOf(em, m), invoices: await memberInvoices(em, m.id), payments: await memberPayments(em, m),
      credit: await creditBalance(em, m.id), ...helpers,
    }),
  });
  addTimelineSource('dues', async (em, m) => {
    const invoices = await em.find(Invoice, { member: m.id, voided: false }, { limit: 50, orderBy: { id: 'desc' } });
    const payments = await em.find(Payment, { member: m.id }, { limit: 50, orderBy: { id: 'desc' } });
    return [
      ...invoices.map((i) => ({ at: i.issuedOn, kind: '請求', title: `${i.description} ${yen(i.amount)}`, detail: i.invoiceNo, href: `/dues/invoices/${i.id}` })),
      ...payments.map((p) => ({ at: p.receivedOn, kind: '入金', title: `${METHOD_LABELS[p.method]} ${yen(p.amount)}${p.status === 'reversed' ? '（取消）' : ''}`, detail: p.note, href: `/dues/payments/${p.id}` })),
    ];
  });
}

async function renderPaymentForm(em: EntityManager, reply: FastifyReply, m: IMember, values: FormBody, err?: UserError) {
  const open = await payableInvoices(em, m);
  return reply.render('dues/payment-new', {
    title: `${displayName(m)} の入金を記録`, member: m, open, values, today: todayInTokyo(), methods: METHOD_LABELS,
    error: err?.message, errors: err?.fieldErrors ?? {}, ...helpers,
  }, err?.statusCode ?? 200);
}

async function renderInvoiceForm(em: EntityManager, reply: FastifyReply, m: IMember, values: FormBody, err?: UserError) {
  const year = Number(field(values, 'fiscalYear')) || (await currentFiscalYear(em));
  const suggested = await suggestedAmount(em, m.id, year).catch(() => 0);
  return reply.render('dues/invoice-new', {
    title: `${displayName(m)} の請求を作成`, member: m, year, suggested, values, error: err?.message, errors: err?.fieldErrors ?? {}, ...helpers,
  }, err?.statusCode ?? 200);
}

async function renderInvoice(em: EntityManager, reply: FastifyReply, id: number, err?: UserError) {
  const invoice = await getInvoice(em, id);
  const allocations = await em.find(Allocation, { invoice }, { populate: ['payment'], orderBy: { id: 'asc' } });
  return reply.render('dues/invoice', { title: `請求 ${invoice.invoiceNo}`, invoice, allocations, error: err?.message, ...helpers }, err?.statusCode ?? 200);
}

async function renderPayment(em: EntityManager, reply: FastifyReply, id: number, err?: UserError) {
  const payment = await em.findOne(Payment, { id }, { populate: ['member'] });
  if (!payment) throw new UserError('入金が見つかりません', 404);
  const allocations = await em.find(Allocation, { payment }, { populate: ['invoice', 'invoice.member'], orderBy: { id: 'asc' } });
  const donations = await em.find(Donation, { payment });
  return reply.render('dues/payment', { title: `入金 #${payment.id}`, payment, allocations, donations, error: err?.message, ...helpers }, err?.statusCode ?? 200);
}

/** Runs a staff action; a user error re-renders the page it came from with the message. */
async function attempt(run: () => Promise<unknown>, onError: (err: UserError) => Promise<unknown>): Promise<unknown | null> {
  try {
    await run();
    return null;
  } catch (err) {
    if (!(err instanceof UserError) || err.statusCode === 404) throw err;
    return onError(err);
  }
}

/** Dues on the member page: record a payment, a manual invoice; invoice and payment pages with waive/cancel/reverse. */
export async function memberDuesRoutes(app: FastifyInstance): Promise<void> {
  registerSection();

  app.get('/members/:id/payments/new', { config: { role: 'staff' } }, async (req, reply) => renderPaymentForm(req.em, reply, await memberOr404(req.em, idOf(req)), { receivedOn: todayInTokyo(), method: 'cash' }));

  app.post('/members/:id/payments', async (req, reply) => {
    const m = await memberOr404(req.em, idOf(req));
    const body = req.body as FormBody;
    const failed = await attempt(async () => {
      const open = new Map((await payableInvoices(req.em, m)).map((i) => [i.id, i.amount - i.paidAmount]));
      await recordPayment(req.em, parsePaymentForm(body, m.id, open));
    }, (err) => renderPaymentForm(req.em.fork(), reply, m, body, err));
    return failed ?? reply.redirectWithFlash(`/members/${m.id}#dues`, '入金を記録しました');
  });

  app.get('/members/:id/invoices/new', { config: { role: 'staff' } }, async (req, reply) => renderInvoiceForm(req.em, reply, await memberOr404(req.em, idOf(req)), req.query as FormBody));

  app.post('/members/:id/invoices', async (req, reply) => {
    const m = await memberOr404(req.em, idOf(req));
    const body = req.body as FormBody;
    const failed = await attempt(async () => {
      const fiscalYear = Number(field(body, 'fiscalYear'));
      if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) throw new UserError('年度を正しく入力してください', 422, { fiscalYear: '年度を正しく入力してください（例: 2026）' });
      const rawAmount = field(body, 'amount').trim();
      const amount = rawAmount ? parseYen(rawAmount) : null;
      if (rawAmount && (amount === null || amount <= 0)) throw new UserError('金額を正しく入力してください', 422, { amount: '金額を1円以上の整数で入力してください' });
      const issuedOn = parseDate(field(body, 'issuedOn') || todayInTokyo());
      if (!issuedOn) throw new UserError('発行日を正しく入力してください', 422, { issuedOn: '発行日を正しく入力してください' });
      await createManualInvoice(req.em, { memberId: m.id, fiscalYear, amount, issuedOn, description: field(body, 'description') || null });
    }, (err) => renderInvoiceForm(req.em.fork(), reply, m, body, err));
    return failed ?? reply.redirectWithFlash(`/members/${m.id}#dues`, '請求を作成しました');
  });

  app.post('/members/:id/credit', async (req, reply) => {
    const m = await memberOr404(req.em, idOf(req));
    await applyCredit(req.em, m.id, Number(field(req.body as FormBody, 'invoiceId')), todayInTokyo());
    return reply.redirectWithFlash(`/members/${m.id}#dues`, '預り金を請求に充当しました');
  });

  app.get('/dues/invoices/:id', async (req, reply) => renderInvoice(req.em, reply, idOf(req)));

  for (const [action, run, flash] of [['waive', waiveInvoice, '免除にしました'], ['cancel', cancelInvoice, '請求を取り消しました']] as const) {
    app.post(`/dues/invoices/:id/${action}`, async (req, reply) => {
      const id = idOf(req);
      const failed = await attempt(() => run(req.em, id, field(req.body as FormBody, 'reason')), (err) => renderInvoice(req.em.fork(), reply, id, err));
      return failed ?? reply.redirectWithFlash(`/dues/invoices/${id}`, flash);
    });
  }

  app.get('/dues/payments/:id', async (req, reply) => renderPayment(req.em, reply, idOf(req)));

  app.post('/dues/payments/:id/reverse', async (req, reply) => {
    const id = idOf(req);
    const failed = await attempt(() => reversePayment(req.em, id, field(req.body as FormBody, 'reason')), (err) => renderPayment(req.em.fork(), reply, id, err));
    return failed ?? reply.redirectWithFlash(`/dues/payments/${id}`, '入金を取り消しました（充当していた請求は未納に戻りました）');
  });
}
