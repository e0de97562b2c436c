import type { FastifyInstance, FastifyReply } from 'fastify';
import { barcodeFits } from '../documents/customer-barcode.js';
import { renderEnvelopes } from '../documents/envelope.pdf.js';
import { SHEETS } from '../documents/label-sheets.js';
import { renderLabels } from '../documents/labels.pdf.js';
import type { EntityManager } from '../db/orm.js';
import { sendPdf } from '../web/download.js';
import { contentDisposition } from '../web/download.js';
import { updateSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import type { FormBody } from '../web/forms.js';
import { labelCsv, notInCp932 } from './label-csv.js';
import { parseLabelOptions, parseOffset, type LabelOptions } from './label-options.js';
import { labelList, printerOffset } from './labels.service.js';
import { listSegments } from './segments.service.js';
import { MAIL_TEXT } from './ui-text.js';

function optionsOrThrow(q: FormBody): LabelOptions {
  const parsed = parseLabelOptions(q);
  if (parsed.errors) throw new UserError(MAIL_TEXT.invalid, 422, parsed.errors);
  return parsed.value;
}

async function renderPage(em: EntityManager, reply: FastifyReply, q: FormBody, err?: UserError) {
  const parsed = parseLabelOptions(q);
  const opts = parsed.value;
  const list = opts ? await labelList(em, { segment: opts.segment, joint: opts.joint }) : null;
  return reply.render(
    'mailings/labels',
    {
      title: MAIL_TEXT.labelsTitle,
      values: q,
      sheets: Object.values(SHEETS),
      segments: await listSegments(em),
      offset: await printerOffset(em),
      list,
      query: new URLSearchParams(q as Record<string, string>).toString(),
      unencodable: list ? notInCp932(list.entries) : [],
      error: err?.message ?? (parsed.errors ? MAIL_TEXT.invalid : undefined),
      errors: err?.fieldErrors ?? parsed.errors ?? {},
    },
    err?.statusCode ?? (parsed.errors ? 422 : 200),
  );
}

/** 宛名ラベル・封筒: the preview list, the PDF and the CSV of the same list, the printer offset. */
export async function labelRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings/labels', async (req, reply) => renderPage(req.em, reply, req.query as FormBody));

  app.get('/mailings/labels/print', async (req, reply) => {
    const opts = optionsOrThrow(req.query as FormBody);
    const { entries } = await labelList(req.em, { segment: opts.segment, joint: opts.joint });
    const offset = await printerOffset(req.em);
    if (opts.format === 'labels' && opts.barcode && !barcodeFits(SHEETS[opts.sheet]!.width - 4)) {
      throw new UserError(MAIL_TEXT.noBarcode(SHEETS[opts.sheet]!.label), 422);
    }
    if (opts.format === 'labels') {
      return sendPdf(
        reply,
        MAIL_TEXT.labelsFile(opts.sheet),
        async (out) =>
          void (await renderLabels(
            entries,
            { sheet: SHEETS[opts.sheet]!, start: opts.start, offset, barcode: opts.barcode },
            out,
          )),
      );
    }
    return sendPdf(reply, MAIL_TEXT.envelopeFile, (out) =>
      renderEnvelopes(entries, { vertical: opts.format === 'envelope-vertical', offset, barcode: opts.barcode }, out),
    );
  });

  app.get('/mailings/labels/csv', async (req, reply) => {
    const opts = optionsOrThrow(req.query as FormBody);
    const { entries } = await labelList(req.em, { segment: opts.segment, joint: opts.joint });
    return reply
      .header('content-type', `text/csv; charset=${opts.encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`)
      .header(
        'content-disposition',
        contentDisposition(MAIL_TEXT.csvFile(opts.encoding === 'sjis' ? 'SJIS' : 'UTF8'), 'labels.csv'),
      )
      .header('cache-control', 'no-store')
      .send(labelCsv(entries, opts.encoding));
  });

  app.post('/mailings/labels/offset', { config: { role: 'admin' } }, async (req, reply) => {
    const parsed = parseOffset(req.body as FormBody);
    if (parsed.errors) return renderPage(req.em, reply, {}, new UserError(MAIL_TEXT.invalid, 422, parsed.errors));
    await updateSettings(req.em, { labelOffsetX: parsed.value.x, labelOffsetY: parsed.value.y });
    return reply.redirectWithFlash('/mailings/labels', MAIL_TEXT.offsetSaved(parsed.value.x, parsed.value.y));
  });
}
