import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { formatYenJa } from '../lib/money.js';
import { renderInvoices } from '../documents/invoice.pdf.js';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { getSettings } from '../settings/settings.service.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody, onUserError } from '../web/forms.js';
import { collectionRates } from './dues-status.service.js';
import { invoiceDoc, orgInfo, runInvoiceDocs } from './dues-documents.js';
import { pageYear, percent } from './dues-pages.js';
import { Invoice } from './invoice.entity.js';
import { InvoiceRun } from './invoice-run.entity.js';
import { issueInvoiceRun, listRuns, planInvoiceRun, undoInvoiceRun } from './invoice-run.service.js';
import { sendPdf } from '../web/download.js';
import '../batches/types.js';
import { FILE_NAMES, FLASH, INVOICE_STATUS_LABELS, MSG, TITLES } from './ui-text.js';

const PREVIEW_ROWS = 200;
const helpers = { percent, statusLabels: INVOICE_STATUS_LABELS };
const idOf = (req: { params: unknown }) => idParam((req.params as { id: string }).id);

/** Office-level dues pages: overview and collection rates, invoice runs and their PDFs (unpaid list: reports.routes.ts). */
export async function duesRoutes(app: FastifyInstance): Promise<void> {
  app.get('/dues', async (req, reply) => {
    const year = await pageYear(req.em, (req.query as { year?: string }).year);
    const rates = await collectionRates(req.em);
    return reply.render('dues/index', { title: TITLES.dues, year, rates, runs: await listRuns(req.em), ...helpers });
  });

  app.get('/dues/runs/new', async (req, reply) => {
    const year = await pageYear(req.em, (req.query as { year?: string }).year);
    return renderPreview(req.em, reply, year, todayInTokyo());
  });

  app.post('/dues/runs', async (req, reply) => {
    const body = req.body as FormBody;
    const year = await pageYear(req.em, field(body, 'year'));
    const issuedOn = parseDate(field(body, 'issuedOn'));
    if (!issuedOn)
      return renderPreview(
        req.em,
        reply,
        year,
        field(body, 'issuedOn'),
        new UserError(MSG.issuedOnInvalid, 422, { issuedOn: MSG.issuedOnInvalid }),
      );
    const r = await issueInvoiceRun(req.em, { fiscalYear: year, issuedOn });
    if (!r.run) return renderPreview(req.em, reply, year, issuedOn, new UserError(MSG.nothingNewToIssue, 409));
    return reply.redirectWithFlash(
      `/dues/runs/${r.run.id}`,
      FLASH.runIssued(year, r.issued.length, formatYenJa(r.total)),
    );
  });

  app.get('/dues/runs/:id', async (req, reply) => renderRun(req.em, reply, idOf(req)));

  app.post('/dues/runs/:id/undo', async (req, reply) => {
    const id = idOf(req);
    try {
      await undoInvoiceRun(req.em, id, field(req.body as FormBody, 'reason'));
    } catch (err) {
      return onUserError(err, (e) => renderRun(req.em.fork(), reply, id, e));
    }
    return reply.redirectWithFlash(`/dues/runs/${id}`, FLASH.runUndone);
  });

  app.get('/dues/runs/:id/invoices.pdf', async (req, reply) => {
    const run = await req.em.findOne(InvoiceRun, { id: idOf(req) });
    if (!run) throw new UserError(MSG.runNotFound, 404);
    if (run.status === 'undone') throw new UserError(MSG.runUndonePdf, 409);
    const org = await orgInfo(req.em, req.server.config.dataDir);
    return sendPdf(reply, FILE_NAMES.runInvoices(run.fiscalYear, run.id), (out) =>
      renderInvoices(runInvoiceDocs(req.em, run.id), org, out),
    );
  });

  // A whole run prints in the background (hundreds to thousands of pages) with a progress page.
  app.post('/dues/runs/:id/print', async (req, reply) => {
    const run = await req.em.findOne(InvoiceRun, { id: idOf(req) });
    if (!run) throw new UserError(MSG.runNotFound, 404);
    if (run.status === 'undone') throw new UserError(MSG.runUndonePdf, 409);
    const batch = await app.batches.start(req.em, {
      kind: 'invoice-run-pdf',
      title: MSG.runPrintTitle(run.fiscalYear, run.id),
      params: { runId: run.id, fiscalYear: run.fiscalYear },
      createdBy: req.staff!.displayName,
    });
    return reply.redirect(`/batches/${batch.id}`, 303);
  });

  app.get('/dues/invoices/:id/invoice.pdf', async (req, reply) => {
    const inv = await req.em.findOne(Invoice, { id: idOf(req) }, { populate: ['member'] });
    if (!inv) throw new UserError(MSG.invoiceNotFound, 404);
    const org = await orgInfo(req.em, req.server.config.dataDir);
    return sendPdf(reply, FILE_NAMES.invoice(inv.invoiceNo), (out) => renderInvoices([invoiceDoc(inv)], org, out));
  });
}

async function renderPreview(em: EntityManager, reply: FastifyReply, year: number, issuedOn: string, err?: UserError) {
  const plan = await planInvoiceRun(em, year, parseDate(issuedOn) ?? todayInTokyo());
  // Grouped by reason without the invoice number (請求済み（2026-000001）→ 請求済み); push, not spread: 50,000 rows.
  const skippedByReason = new Map<string, typeof plan.skipped>();
  for (const s of plan.skipped) {
    const key = s.reason.replace(/（.*）$/, '');
    let list = skippedByReason.get(key);
    if (!list) {
      list = [];
      skippedByReason.set(key, list);
    }
    list.push(s);
  }
  return reply.render(
    'dues/run-preview',
    {
      title: TITLES.newRun(year),
      year,
      issuedOn,
      plan,
      dueDays: (await getSettings(em)).dueDays,
      shown: plan.issue.slice(0, PREVIEW_ROWS),
      previewRows: PREVIEW_ROWS,
      skippedByReason: [...skippedByReason].map(([reason, list]) => ({
        reason,
        count: list.length,
        list: list.slice(0, PREVIEW_ROWS),
      })),
      error: err?.message,
      errors: err?.fieldErrors,
      ...helpers,
    },
    err?.statusCode ?? 200,
  );
}

async function renderRun(em: EntityManager, reply: FastifyReply, id: number, err?: UserError) {
  const run = await em.findOne(InvoiceRun, { id });
  if (!run) throw new UserError(MSG.runNotFound, 404);
  const page = Math.max(1, Number((reply.request.query as { page?: string }).page) || 1);
  const [invoices, total] = await em.findAndCount(
    Invoice,
    { run },
    { populate: ['member'], orderBy: { invoiceNo: 'asc' }, limit: 50, offset: (page - 1) * 50 },
  );
  const paid = await em.count(Invoice, { run, paidAmount: { $gt: 0 } });
  return reply.render(
    'dues/run',
    {
      title: TITLES.run(run.id, run.fiscalYear),
      run,
      invoices,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / 50)),
      paid,
      error: err?.message,
      ...helpers,
    },
    err?.statusCode ?? 200,
  );
}
