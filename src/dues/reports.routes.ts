import type { FastifyInstance } from 'fastify';
import { renderReminders } from '../documents/reminder.pdf.js';
import { todayInTokyo } from '../lib/dates.js';
import { displayName, fullAddress } from '../members/member.model.js';
import { sendCsv, sendPdf, type CsvCell } from '../web/download.js';
import { field, fields, type FormBody } from '../web/forms.js';
import { orgInfo } from './dues-documents.js';
import { pageYear, percent } from './dues-pages.js';
import type { IInvoice, InvoiceStatus } from './invoice.entity.js';
import { ADDRESS_UNKNOWN, FILE_NAMES, INVOICE_STATUS_LABELS, TITLES, UNPAID_CSV_HEADER } from './ui-text.js';
import { remindInvoices, unpaidInvoices } from './unpaid.service.js';

const PAGE = 50;
/** The CSV is read in slices so a large year never loads every row with its member at once. */
const CSV_BATCH = 1000;
const helpers = { percent, statusLabels: INVOICE_STATUS_LABELS, displayName };

function csvRow(i: IInvoice): CsvCell[] {
  const m = i.member;
  return [
    i.invoiceNo,
    m.memberNo,
    displayName(m),
    i.memberTypeName,
    i.amount,
    i.paidAmount,
    i.amount - i.paidAmount,
    INVOICE_STATUS_LABELS[i.status as InvoiceStatus],
    m.phone,
    m.mobile,
    m.email,
    m.postalCode,
    fullAddress(m),
    m.addressUnknown ? ADDRESS_UNKNOWN : '',
    i.reminderCount,
    i.lastRemindedOn,
  ];
}

/** 未納者一覧 of a fiscal year: the page, its CSV for Excel, and printing reminders from it. */
export async function unpaidRoutes(app: FastifyInstance): Promise<void> {
  app.get('/dues/unpaid', async (req, reply) => {
    const q = req.query as { year?: string; page?: string };
    const year = await pageYear(req.em, q.year);
    const page = Math.max(1, Math.floor(Number(q.page)) || 1);
    const list = await unpaidInvoices(req.em, year, { limit: PAGE, offset: (page - 1) * PAGE });
    return reply.render('dues/unpaid', {
      title: TITLES.unpaid(year),
      year,
      page,
      pages: Math.max(1, Math.ceil(list.total / PAGE)),
      ...list,
      ...helpers,
    });
  });

  app.get('/dues/unpaid.csv', async (req, reply) => {
    const year = await pageYear(req.em, (req.query as { year?: string }).year);
    const rows: CsvCell[][] = [];
    for (let offset = 0; ; offset += CSV_BATCH) {
      const { items } = await unpaidInvoices(req.em.fork(), year, { limit: CSV_BATCH, offset });
      rows.push(...items.map(csvRow));
      if (items.length < CSV_BATCH) break;
    }
    return sendCsv(reply, FILE_NAMES.unpaidCsv(year, todayInTokyo()), `unpaid_${year}.csv`, UNPAID_CSV_HEADER, rows);
  });

  app.post('/dues/unpaid/reminders.pdf', async (req, reply) => {
    const body = req.body as FormBody;
    const year = await pageYear(req.em, field(body, 'year'));
    const ids = fields(body, 'invoiceId')
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0);
    const org = await orgInfo(req.em, req.server.config.dataDir);
    // Recorded first (one transaction), then printed: a reminder in the list means a letter exists.
    const docs = await remindInvoices(req.em, { fiscalYear: year, invoiceIds: ids.length ? ids : undefined });
    return sendPdf(reply, FILE_NAMES.reminders(year, todayInTokyo()), (out) => renderReminders(docs, org, out));
  });
}
