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

function optionsOrThrow(q: FormBody): LabelOptions {
  const parsed = parseLabelOptions(q);
  if (parsed.errors) throw new UserError('入力内容を確認してください', 422, parsed.errors);
  return parsed.value;
}

async function renderPage(em: EntityManager, reply: FastifyReply, q: FormBody, err?: UserError) {
  const parsed = parseLabelOptions(q);
  const opts = parsed.value;
  const list = opts ? await labelList(em, { segment: opts.segment, joint: opts.joint }) : null;
  return reply.render(
    'mailings/labels',
    {
      title: '宛名ラベル・封筒',
      values: q,
      sheets: Object.values(SHEETS),
      segments: await listSegments(em),
      offset: await printerOffset(em),
      list,
      query: new URLSearchParams(q as Record<string, string>).toString(),
      unencodable: list ? notInCp932(list.entries) : [],
      error: err?.message ?? (parsed.errors ? '入力内容を確認してください' : undefined),
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
      throw new UserError(
        `${SHEETS[opts.sheet]!.label} のラベルにはカスタマバーコードが入りません（12面・18面・21面で使えます）`,
        422,
      );
    }
    if (opts.format === 'labels') {
      return sendPdf(
        reply,
        `宛名ラベル_${opts.sheet}面.pdf`,
        async (out) =>
          void (await renderLabels(
            entries,
            { sheet: SHEETS[opts.sheet]!, start: opts.start, offset, barcode: opts.barcode },
            out,
          )),
      );
    }
    return sendPdf(reply, '封筒_長形3号.pdf', (out) =>
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
        contentDisposition(`宛名リスト_${opts.encoding === 'sjis' ? 'SJIS' : 'UTF8'}.csv`, 'labels.csv'),
      )
      .header('cache-control', 'no-store')
      .send(labelCsv(entries, opts.encoding));
  });

  app.post('/mailings/labels/offset', { config: { role: 'admin' } }, async (req, reply) => {
    const parsed = parseOffset(req.body as FormBody);
    if (parsed.errors)
      return renderPage(req.em, reply, {}, new UserError('入力内容を確認してください', 422, parsed.errors));
    await updateSettings(req.em, { labelOffsetX: parsed.value.x, labelOffsetY: parsed.value.y });
    return reply.redirectWithFlash(
      '/mailings/labels',
      `印刷位置の補正を 横 ${parsed.value.x}mm・縦 ${parsed.value.y}mm にしました`,
    );
  });
}
