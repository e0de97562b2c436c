import type { FastifyInstance } from 'fastify';
import { batchView } from '../batches/routes.js';
import '../batches/types.js';
import { SHEETS } from '../documents/label-sheets.js';
import { renderLabels } from '../documents/labels.pdf.js';
import { sendPdf } from '../web/download.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { parseLabelOptions } from './label-options.js';
import { printerOffset } from './labels.service.js';
import { batchesOfMailing, getMailing, mailingLabels, mailingRecipients } from './mailings.service.js';
import { getIssue } from './newsletters.service.js';
import { CHANNEL_LABELS, SEND_TEXT, recipientStatusLabel, MAIL_TEXT } from './ui-text.js';

/** 発送: a mailing's frozen recipient list, its labels (the same every time), each person's status. */
export async function sendRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings/sends/:id', async (req, reply) => {
    const mailing = await getMailing(req.em, idParam((req.params as { id: string }).id));
    const issue = await getIssue(req.em, mailing.issueId);
    return reply.render('mailings/send', {
      title: MAIL_TEXT.sendTitle(mailing.id),
      mailing,
      issue,
      recipients: await mailingRecipients(req.em, mailing.id),
      channels: CHANNEL_LABELS,
      sheets: Object.values(SHEETS),
      batches: (await batchesOfMailing(req.em, mailing.id)).map(batchView),
      statusLabel: recipientStatusLabel,
    });
  });
  // The same labels as a background batch with progress (thousands of labels take a while).
  app.post('/mailings/sends/:id/print', async (req, reply) => {
    const mailing = await getMailing(req.em, idParam((req.params as { id: string }).id));
    if (mailing.channel !== 'post') throw new UserError(SEND_TEXT.notPost, 422);
    const parsed = parseLabelOptions(req.body as FormBody);
    if (parsed.errors) throw new UserError(Object.values(parsed.errors).join(MAIL_TEXT.listSep), 422);
    const issue = await getIssue(req.em, mailing.issueId);
    const batch = await app.batches.start(req.em, {
      kind: 'mailing-labels',
      title: SEND_TEXT.labelsTitle(mailing.id, issue.number),
      params: {
        mailingId: mailing.id,
        sheet: parsed.value.sheet,
        start: parsed.value.start,
        joint: field(req.body as FormBody, 'joint') === '1',
      },
      createdBy: req.staff!.displayName,
    });
    return reply.redirect(`/batches/${batch.id}`, 303);
  });
  app.get('/mailings/sends/:id/labels', async (req, reply) => {
    const mailing = await getMailing(req.em, idParam((req.params as { id: string }).id));
    if (mailing.channel !== 'post') throw new UserError(SEND_TEXT.notPost, 422);
    const parsed = parseLabelOptions(req.query as FormBody);
    if (parsed.errors) throw new UserError(Object.values(parsed.errors).join(MAIL_TEXT.listSep), 422);
    const entries = await mailingLabels(req.em, mailing.id, field(req.query as FormBody, 'joint') === '1');
    const offset = await printerOffset(req.em);
    return sendPdf(
      reply,
      SEND_TEXT.labelsFile(mailing.id),
      async (out) =>
        void (await renderLabels(
          entries,
          { sheet: SHEETS[parsed.value.sheet]!, start: parsed.value.start, offset },
          out,
        )),
    );
  });
}
