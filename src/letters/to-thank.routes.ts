import type { FastifyInstance } from 'fastify';
import { sendPdf } from '../dues/pdf-response.js';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { displayName } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { field, fields, formError, type FormBody } from '../web/forms.js';
import { markLettersSent, prepareLetters, toThankList, type LetterLayout } from './to-thank.service.js';
import { KIND_LABELS, LAYOUT_LABELS, TEXT } from './ui-text.js';

/** The form: selected rows (key), the letter / sent date, and horizontal or vertical. Pure. */
export function parseLetterForm(body: FormBody): { keys: string[]; on: string; layout: LetterLayout } {
  const errors: Record<string, string> = {};
  const keys = fields(body, 'key');
  if (!keys.length) errors.key = TEXT.nothingSelected;
  const rawOn = field(body, 'on').trim();
  const on = rawOn ? parseDate(rawOn) : todayInTokyo();
  if (!on) errors.on = TEXT.badDate;
  if (Object.keys(errors).length) throw new UserError('入力内容を確認してください', 422, errors);
  return { keys, on: on!, layout: field(body, 'layout') === 'vertical' ? 'vertical' : 'horizontal' };
}

export async function toThankRoutes(app: FastifyInstance): Promise<void> {
  const page = async (req: { em: Parameters<typeof toThankList>[0] }, extra: Record<string, unknown> = {}) => ({
    title: TEXT.toThankTitle, items: await toThankList(req.em), kindLabels: KIND_LABELS, layoutLabels: LAYOUT_LABELS, displayName, today: todayInTokyo(),
    values: { layout: (await getSettings(req.em))['letters.layout'] }, ...extra,
  });

  app.get('/letters/to-thank', async (req, reply) => reply.render('letters/to-thank', await page(req)));

  // Printing marks nothing: staff check the letters first, then mark them sent in a separate step.
  app.post('/letters/to-thank/print', async (req, reply) => {
    const body = req.body as FormBody;
    try {
      const form = parseLetterForm(body);
      const prepared = await prepareLetters(req.em, form.keys, { dataDir: app.config.dataDir, letterDate: form.on, layout: form.layout });
      return sendPdf(reply, `礼状_${form.on}.pdf`, async (out) => void (await prepared.render(out)));
    } catch (err) {
      return formError(reply, err, 'letters/to-thank', await page(req, { values: body }));
    }
  });

  app.post('/letters/to-thank/mark', async (req, reply) => {
    const body = req.body as FormBody;
    try {
      const form = parseLetterForm(body);
      const marked = await markLettersSent(req.em, form.keys, form.on);
      return reply.redirectWithFlash('/letters/to-thank', TEXT.marked(marked.length));
    } catch (err) {
      return formError(reply, err, 'letters/to-thank', await page(req, { values: body }));
    }
  });
}
