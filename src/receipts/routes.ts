import { dayOf } from '../db/raw-values.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { renderReceipts } from '../documents/receipt.pdf.js';
import { fiscalYearOf, fiscalYearRange } from '../lib/fiscal-year.js';
import { todayInTokyo } from '../lib/dates.js';
import { getSettings } from '../settings/settings.service.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { receiptCandidates } from './candidates.js';
import { sendPdf } from '../web/download.js';
import { registerReceiptsMemberSection } from './member-section.js';
import { receiptDocs, receiptStyle } from './receipt-docs.js';
import {
  issueAnnualReceipt,
  issueReceiptFor,
  issueReceiptsForYear,
  reissueReceipt,
  voidReceipt,
} from './receipt.service.js';
import { BATCH_NAMES, KIND_LABELS, MSG, PAGE_TEXT, STATUS_LABELS } from './ui-text.js';
import '../batches/types.js';

type Row = Record<string, unknown>;

/** A 4-digit year from a form or query, or a 422. */
export function yearField(v: string): number {
  if (!/^\d{4}$/.test(v.trim())) throw new UserError(MSG.yearInvalid, 422, { year: MSG.yearInvalid });
  return Number(v);
}

async function renderList(em: EntityManager, reply: FastifyReply, year: number | null, err?: UserError) {
  const s = await getSettings(em);
  const fy = year ?? fiscalYearOf(todayInTokyo(), s.fiscalYearStartMonth);
  const receipts = await em.execute<Row[]>(
    'select r.*, m.member_no from receipt r left join member m on m.id = r.member_id where r.fiscal_year = ? order by r.number',
    [fy],
  );
  const { start, end } = fiscalYearRange(fy, s.fiscalYearStartMonth);
  const pending = (await receiptCandidates(em, { from: start, to: end })).length;
  return reply.render(
    'receipts/index',
    {
      title: PAGE_TEXT.receiptsTitle(fy),
      year: fy,
      receipts,
      pending,
      dateOf: dayOf,
      kindLabels: KIND_LABELS,
      statusLabels: STATUS_LABELS,
      error: err?.message,
      errors: err?.fieldErrors ?? {},
    },
    err?.statusCode ?? 200,
  );
}

/** Issues, then streams the PDF; a refusal re-renders the year's list with the message (422/409). */
async function issueAndSend(
  req: FastifyRequest,
  reply: FastifyReply,
  year: number | null,
  issue: () => Promise<{ ids: number[]; name: string; reissue?: boolean }>,
) {
  let style: Awaited<ReturnType<typeof receiptStyle>>;
  let done: Awaited<ReturnType<typeof issue>>;
  try {
    style = await receiptStyle(req.em, req.server.config.dataDir);
    done = await issue();
  } catch (err) {
    if (!(err instanceof UserError) || err.statusCode === 404) throw err;
    return renderList(req.em.fork(), reply, year, err);
  }
  const em = req.em.fork();
  return sendPdf(reply, done.name, (out) =>
    renderReceipts(receiptDocs(em, done.ids, { reissue: done.reissue }), style, out),
  );
}

const body = (req: FastifyRequest) => req.body as FormBody;
const numberOf = (req: FastifyRequest) => (req.params as { number: string }).number;

export async function receiptRoutes(app: FastifyInstance): Promise<void> {
  registerReceiptsMemberSection();

  app.get('/receipts', async (req, reply) => {
    const q = field(req.query as FormBody, 'year');
    try {
      return await renderList(req.em, reply, q ? yearField(q) : null);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return renderList(req.em.fork(), reply, null, err);
    }
  });

  // A year's run can be thousands of pages: the receipts are numbered now (one transaction) and
  // the PDF is drawn in the background with a progress page.
  app.post('/receipts/issue', async (req, reply) => {
    try {
      const year = yearField(field(body(req), 'year'));
      await receiptStyle(req.em, req.server.config.dataDir); // checked before any number is taken
      const r = await issueReceiptsForYear(req.em, { fiscalYear: year });
      if (!r.length) throw new UserError(MSG.nothingToIssue, 409);
      const batch = await app.batches.start(req.em, {
        kind: 'receipts-pdf',
        title: BATCH_NAMES.receiptsTitle(year, r.length),
        params: { fiscalYear: year, from: r[0]!.number, to: r.at(-1)!.number },
        createdBy: req.staff!.displayName,
      });
      return reply.redirect(`/batches/${batch.id}`, 303);
    } catch (err) {
      if (!(err instanceof UserError) || err.statusCode === 404) throw err;
      return renderList(req.em.fork(), reply, null, err);
    }
  });

  for (const kind of ['payments', 'donations'] as const) {
    app.post(`/receipts/${kind}/:id`, async (req, reply) =>
      issueAndSend(req, reply, null, async () => {
        const id = idParam((req.params as { id: string }).id);
        const r = await issueReceiptFor(req.em, kind === 'payments' ? { paymentId: id } : { donationId: id });
        return { ids: [r.id], name: PAGE_TEXT.receiptFile(r.number) };
      }),
    );
  }

  app.post('/members/:id/receipts/annual', async (req, reply) =>
    issueAndSend(req, reply, null, async () => {
      const year = yearField(field(body(req), 'year'));
      const r = await issueAnnualReceipt(req.em, idParam((req.params as { id: string }).id), year);
      return { ids: [r.id], name: PAGE_TEXT.annualFile(r.number) };
    }),
  );

  app.post('/receipts/:number/reissue', async (req, reply) =>
    issueAndSend(req, reply, null, async () => {
      const r = await reissueReceipt(req.em, numberOf(req));
      return { ids: [r.id], name: PAGE_TEXT.reissueFile(r.number), reissue: true };
    }),
  );

  app.post('/receipts/:number/void', async (req, reply) => {
    try {
      const r = await voidReceipt(req.em, numberOf(req), field(body(req), 'reason'));
      return reply.redirectWithFlash(`/receipts?year=${r.fiscalYear}`, PAGE_TEXT.receiptVoided(r.number));
    } catch (err) {
      if (!(err instanceof UserError) || err.statusCode === 404) throw err;
      return renderList(req.em.fork(), reply, null, err);
    }
  });
}
