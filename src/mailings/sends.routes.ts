import type { FastifyInstance } from 'fastify';
import { SHEETS } from '../documents/label-sheets.js';
import { renderLabels } from '../documents/labels.pdf.js';
import { sendPdf } from '../web/download.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { parseLabelOptions } from './label-options.js';
import { printerOffset } from './labels.service.js';
import { getMailing, mailingLabels, mailingRecipients } from './mailings.service.js';
import { getIssue } from './newsletters.service.js';
import { CHANNEL_LABELS } from './ui-text.js';

/** 発送: a mailing's frozen recipient list, its labels (the same every time), each person's status. */
export async function sendRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings/sends/:id', async (req, reply) => {
    const mailing = await getMailing(req.em, idParam((req.params as { id: string }).id));
    const issue = await getIssue(req.em, mailing.issueId);
    return reply.render('mailings/send', {
      title: `発送 #${mailing.id}`,
      mailing,
      issue,
      recipients: await mailingRecipients(req.em, mailing.id),
      channels: CHANNEL_LABELS,
      sheets: Object.values(SHEETS),
    });
  });
  app.get('/mailings/sends/:id/labels', async (req, reply) => {
    const mailing = await getMailing(req.em, idParam((req.params as { id: string }).id));
    if (mailing.channel !== 'post') throw new UserError('メールの発送には宛名ラベルはありません', 422);
    const parsed = parseLabelOptions(req.query as FormBody);
    if (parsed.errors) throw new UserError(Object.values(parsed.errors).join('、'), 422);
    const entries = await mailingLabels(req.em, mailing.id, field(req.query as FormBody, 'joint') === '1');
    const offset = await printerOffset(req.em);
    return sendPdf(
      reply,
      `発送${mailing.id}_宛名ラベル.pdf`,
      async (out) =>
        void (await renderLabels(
          entries,
          { sheet: SHEETS[parsed.value.sheet]!, start: parsed.value.start, offset },
          out,
        )),
    );
  });
}
