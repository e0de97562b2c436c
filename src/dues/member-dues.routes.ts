import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { Member, type IMember } from '../members/member.entity.js';
import { displayName } from '../members/member.model.js';
import { idParam, UserError } from '../web/errors.js';
import { formValue } from '../web/form-reader.js';
import { field, type FormBody, onUserError } from '../web/forms.js';
import { Allocation } from './allocation.entity.js';
import { Donation } from './donation.entity.js';
import { currentFiscalYear } from './dues-pages.js';
import {
  cancelInvoice,
  createManualInvoice,
  isFiscalYear,
  getInvoice,
  listOpenInvoices,
  suggestedAmount,
  waiveInvoice,
} from './invoice.service.js';
import { duesHelpers as helpers, registerDuesMemberSection } from './member-section.js';
import { Payment } from './payment.entity.js';
import { parseManualInvoiceForm, parsePaymentForm } from './payment-form.js';
import { LikelyDuplicateError } from './payment-rules.js';
import { applyCredit, recordManualPayment, reversePayment } from './payment.service.js';
import { FLASH, METHOD_LABELS, MSG, TITLES } from './ui-text.js';

const idOf = (req: { params: unknown }) => idParam((req.params as { id: string }).id);

async function memberOr404(em: EntityManager, id: number): Promise<IMember> {
  const m = await em.findOne(Member, { id });
  if (!m) throw new UserError(MSG.memberNotFound, 404);
  return m;
}

/** The member's own open invoices and those of their household (a couple paying together). */
async function payableInvoices(em: EntityManager, m: IMember) {
  const ids = m.householdId
    ? (await em.find(Member, { householdId: m.householdId }, { fields: ['id'] })).map((x) => x.id)
    : [];
  return listOpenInvoices(em, [...new Set([m.id, ...ids])]);
}

async function renderPaymentForm(
  em: EntityManager,
  reply: FastifyReply,
  m: IMember,
  values: FormBody,
  err?: UserError,
) {
  const open = await payableInvoices(em, m);
  // Each invoice's amount box starts at its open remainder; a re-rendered form keeps what was typed.
  const prefill = Object.fromEntries(open.map((i) => [`alloc_${i.id}`, String(i.amount - i.paidAmount)]));
  return reply.render(
    'dues/payment-new',
    {
      title: TITLES.newPayment(displayName(m)),
      member: m,
      open,
      values: { ...prefill, ...values },
      today: todayInTokyo(),
      methods: METHOD_LABELS,
      duplicateOf: err instanceof LikelyDuplicateError ? err.recordedHref : null,
      duplicateText: { confirm: MSG.confirmDuplicate, see: MSG.seeRecordedPayment },
      error: err?.message,
      errors: err?.fieldErrors ?? {},
      ...helpers,
    },
    err?.statusCode ?? 200,
  );
}

async function renderInvoiceForm(
  em: EntityManager,
  reply: FastifyReply,
  m: IMember,
  values: FormBody,
  err?: UserError,
) {
  const typed = Number(field(values, 'fiscalYear'));
  const year = isFiscalYear(typed) ? typed : await currentFiscalYear(em);
  const suggested = await suggestedAmount(em, m.id, year).catch(() => 0);
  return reply.render(
    'dues/invoice-new',
    {
      title: TITLES.newInvoice(displayName(m)),
      member: m,
      year,
      suggested,
      values,
      error: err?.message,
      errors: err?.fieldErrors ?? {},
      ...helpers,
    },
    err?.statusCode ?? 200,
  );
}

async function renderInvoice(em: EntityManager, reply: FastifyReply, id: number, err?: UserError) {
  const invoice = await getInvoice(em, id);
  const allocations = await em.find(
    Allocation,
    { invoice },
    { populate: ['payment', 'payment.member'], orderBy: { id: 'asc' } },
  );
  return reply.render(
    'dues/invoice',
    {
      title: TITLES.invoice(invoice.invoiceNo),
      invoice,
      allocations,
      error: err?.message,
      errors: err?.fieldErrors ?? {},
      ...helpers,
    },
    err?.statusCode ?? 200,
  );
}

async function renderPayment(em: EntityManager, reply: FastifyReply, id: number, err?: UserError) {
  const payment = await em.findOne(Payment, { id }, { populate: ['member'] });
  if (!payment) throw new UserError(MSG.paymentNotFound, 404);
  const allocations = await em.find(
    Allocation,
    { payment },
    { populate: ['invoice', 'invoice.member'], orderBy: { id: 'asc' } },
  );
  const donations = await em.find(Donation, { payment });
  return reply.render(
    'dues/payment',
    {
      title: TITLES.payment(payment.id),
      payment,
      allocations,
      donations,
      error: err?.message,
      errors: err?.fieldErrors ?? {},
      ...helpers,
    },
    err?.statusCode ?? 200,
  );
}

/**
 * Runs a staff action; a user error (not a 404) re-renders the page it came from with the message.
 * True when it failed and the error page was sent. A boolean, not the reply: an awaited reply is
 * a thenable that resolves to undefined, which once made `failed ?? redirect` send a second reply
 * (FST_ERR_REP_ALREADY_SENT) after every 422.
 */
async function attempt(run: () => Promise<unknown>, onError: (err: UserError) => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return false;
  } catch (err) {
    await onUserError(err, onError);
    return true;
  }
}

/** Dues on the member page: record a payment, a manual invoice; invoice and payment pages with waive/cancel/reverse. */
export async function memberDuesRoutes(app: FastifyInstance): Promise<void> {
  registerDuesMemberSection();

  app.get('/members/:id/payments/new', { config: { role: 'staff' } }, async (req, reply) =>
    renderPaymentForm(req.em, reply, await memberOr404(req.em, idOf(req)), {
      receivedOn: todayInTokyo(),
      method: 'cash',
    }),
  );

  // /members/:id/payments is kept as well: the first version of the form posted there.
  for (const url of ['/members/:id/payments/new', '/members/:id/payments']) {
    app.post(url, async (req, reply) => {
      const m = await memberOr404(req.em, idOf(req));
      const body = req.body as FormBody;
      const failed = await attempt(
        async () => {
          const open = new Map((await payableInvoices(req.em, m)).map((i) => [i.id, i.amount - i.paidAmount]));
          const input = formValue(parsePaymentForm(body, m.id, open));
          await recordManualPayment(req.em, input, { confirmDuplicate: field(body, 'confirmDuplicate') === '1' });
        },
        (err) => renderPaymentForm(req.em.fork(), reply, m, body, err),
      );
      return failed ? reply : reply.redirectWithFlash(`/members/${m.id}#dues`, FLASH.paymentRecorded);
    });
  }

  app.get('/members/:id/invoices/new', { config: { role: 'staff' } }, async (req, reply) =>
    renderInvoiceForm(req.em, reply, await memberOr404(req.em, idOf(req)), req.query as FormBody),
  );

  for (const url of ['/members/:id/invoices/new', '/members/:id/invoices']) {
    app.post(url, async (req, reply) => {
      const m = await memberOr404(req.em, idOf(req));
      const body = req.body as FormBody;
      const failed = await attempt(
        () => createManualInvoice(req.em, { memberId: m.id, ...formValue(parseManualInvoiceForm(body)) }),
        (err) => renderInvoiceForm(req.em.fork(), reply, m, body, err),
      );
      return failed ? reply : reply.redirectWithFlash(`/members/${m.id}#dues`, FLASH.invoiceCreated);
    });
  }

  app.post('/members/:id/credit', async (req, reply) => {
    const m = await memberOr404(req.em, idOf(req));
    const back = `/members/${m.id}#dues`;
    const failed = await attempt(
      () => applyCredit(req.em, m.id, Number(field(req.body as FormBody, 'invoiceId')), todayInTokyo()),
      async (err) => reply.redirectWithFlash(back, err.message, 'error'),
    );
    return failed ? reply : reply.redirectWithFlash(back, FLASH.creditApplied);
  });

  app.get('/dues/invoices/:id', async (req, reply) => renderInvoice(req.em, reply, idOf(req)));

  for (const [action, run, flash] of [
    ['waive', waiveInvoice, FLASH.waived],
    ['cancel', cancelInvoice, FLASH.invoiceCancelled],
  ] as const) {
    app.post(`/dues/invoices/:id/${action}`, async (req, reply) => {
      const id = idOf(req);
      const failed = await attempt(
        () => run(req.em, id, field(req.body as FormBody, 'reason')),
        (err) => renderInvoice(req.em.fork(), reply, id, err),
      );
      return failed ? reply : reply.redirectWithFlash(`/dues/invoices/${id}`, flash);
    });
  }

  app.get('/dues/payments/:id', async (req, reply) => renderPayment(req.em, reply, idOf(req)));

  app.post('/dues/payments/:id/reverse', async (req, reply) => {
    const id = idOf(req);
    const failed = await attempt(
      () => reversePayment(req.em, id, field(req.body as FormBody, 'reason')),
      (err) => renderPayment(req.em.fork(), reply, id, err),
    );
    return failed ? reply : reply.redirectWithFlash(`/dues/payments/${id}`, FLASH.paymentReversed);
  });
}
