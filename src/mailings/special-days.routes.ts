import type { FastifyInstance } from 'fastify';
import { sendPdf } from '../web/download.js';
import { todayInTokyo } from '../lib/dates.js';
import { getSettings, updateSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { writeBirthdayLetters } from './birthday-letters.service.js';
import { writeDoc } from './special-days.service.js';
import { birthdayList, birthdayListDoc, dormantList, dormantListDoc } from './special-days.service.js';
import { MONTHS, SPECIAL_DAYS as T } from './ui-text.js';

const monthOf = (q: FormBody) => {
  const m = Number(field(q, 'month') || Number(todayInTokyo().slice(5, 7)));
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new UserError(T.badMonth, 422);
  return m;
};
const monthsOf = async (req: { em: Parameters<typeof getSettings>[0]; query: unknown }) => {
  const raw = field(req.query as FormBody, 'months');
  const n = raw ? Number(raw.normalize('NFKC')) : (await getSettings(req.em)).dormantMonths;
  if (!Number.isInteger(n) || n < 1 || n > 240) throw new UserError(T.badMonths, 422);
  return n;
};
const pipeDoc = writeDoc;

/** 誕生日 lists and 休眠 supporters, each as a page and a printable PDF. */
export async function specialDayRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings/birthdays', async (req, reply) => {
    const month = monthOf(req.query as FormBody);
    return reply.render('mailings/birthdays', {
      title: T.birthdaysTitle(month),
      month,
      months: MONTHS,
      entries: await birthdayList(req.em, month),
    });
  });
  app.get('/mailings/birthdays/print', async (req, reply) => {
    const month = monthOf(req.query as FormBody);
    const doc = await birthdayListDoc(req.em, month);
    return sendPdf(reply, T.birthdaysFile(month), (out) => pipeDoc(doc, out));
  });
  app.get('/mailings/birthdays/letters.pdf', async (req, reply) => {
    const q = req.query as FormBody;
    const month = monthOf(q);
    const layout = field(q, 'layout') === 'vertical' ? 'vertical' : 'horizontal';
    const render = await writeBirthdayLetters(req.em, app.config.dataDir, month, { layout });
    return sendPdf(reply, T.birthdayLettersFile(month), async (out) => void (await render(out)));
  });
  app.get('/mailings/dormant', async (req, reply) => {
    const months = await monthsOf(req);
    const { cutoff, entries } = await dormantList(req.em, months);
    return reply.render('mailings/dormant', { title: T.dormantTitle, months, cutoff, entries });
  });
  app.get('/mailings/dormant/print', async (req, reply) => {
    const doc = await dormantListDoc(req.em, await monthsOf(req));
    return sendPdf(reply, T.dormantFile, (out) => pipeDoc(doc, out));
  });
  app.post('/mailings/dormant/months', { config: { role: 'admin' } }, async (req, reply) => {
    const n = Number(field(req.body as FormBody, 'months').normalize('NFKC'));
    if (!Number.isInteger(n) || n < 1 || n > 240) throw new UserError(T.badMonths, 422);
    await updateSettings(req.em, { dormantMonths: n });
    return reply.redirectWithFlash('/mailings/dormant', T.dormantSaved(n));
  });
}
