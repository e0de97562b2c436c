import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { idParam, UserError } from '../web/errors.js';
import type { FormBody } from '../web/forms.js';
import '../batches/types.js';
import { MailingRecipient } from './mailing.entity.js';
import { getMailing, releaseSending, runningBatchOf } from './mailings.service.js';
import { getIssue } from './newsletters.service.js';
import { SEND_TEXT, MAIL_TEXT } from './ui-text.js';
import { parseSmtp, saveSmtp, smtpConfig } from './smtp.js';

async function renderSmtp(em: EntityManager, reply: FastifyReply, values?: FormBody, err?: UserError) {
  const c = await smtpConfig(em);
  const v = values ?? { host: c.host, port: String(c.port), security: c.security, user: c.user, from: c.from };
  return reply.render(
    'mailings/smtp',
    {
      title: MAIL_TEXT.smtpTitle,
      values: v,
      hasPassword: !!c.password,
      error: err?.message,
      errors: err?.fieldErrors ?? {},
    },
    err?.statusCode ?? 200,
  );
}

/** SMTP settings (admin) and sending an e-mail mailing (first run or retry of the failed ones). */
export async function emailRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings/smtp', { config: { role: 'admin' } }, async (req, reply) => renderSmtp(req.em, reply));
  app.post('/mailings/smtp', { config: { role: 'admin' } }, async (req, reply) => {
    const body = req.body as FormBody;
    const parsed = parseSmtp(body);
    if (parsed.errors)
      return renderSmtp(req.em, reply, { ...body, password: '' }, new UserError(MAIL_TEXT.invalid, 422, parsed.errors));
    await saveSmtp(req.em, parsed.value);
    return reply.redirectWithFlash('/mailings/smtp', MAIL_TEXT.smtpSaved);
  });
  // One e-mail per recipient in a background batch with progress; the send page offers it again
  // for the failed ones. A second start while one runs goes to the running one instead.
  app.post('/mailings/sends/:id/send', async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    const mailing = await getMailing(req.em, id);
    const refuse = (msg: string) => reply.redirectWithFlash(`/mailings/sends/${id}`, msg, 'error');
    if (mailing.channel !== 'email') return refuse(SEND_TEXT.notEmail);
    const config = await smtpConfig(req.em);
    if (!config.host || !config.from) return refuse(SEND_TEXT.noSmtp);
    const running = await runningBatchOf(req.em, 'mailing-email', id);
    if (running) return reply.redirectWithFlash(`/batches/${running.id}`, SEND_TEXT.running, 'error');
    const left = await req.em.count(MailingRecipient, { mailingId: id, status: { $in: ['listed', 'failed'] } });
    if (!left) return refuse(SEND_TEXT.nothingLeft);
    const issue = await getIssue(req.em, mailing.issueId);
    const batch = await app.batches.start(req.em, {
      kind: 'mailing-email',
      title: SEND_TEXT.emailTitle(id, issue.number),
      params: { mailingId: id },
      createdBy: req.staff!.displayName,
    });
    return reply.redirect(`/batches/${batch.id}`, 303);
  });
  // A run that stopped mid-message (the process ended) leaves its recipient 送信中: nobody knows
  // whether it arrived, so it is never sent again on its own. Staff who checked release it here.
  app.post('/mailings/sends/:id/release', async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    await getMailing(req.em, id);
    if (await runningBatchOf(req.em, 'mailing-email', id))
      return reply.redirectWithFlash(`/mailings/sends/${id}`, SEND_TEXT.running, 'error');
    const n = await releaseSending(req.em, id);
    return reply.redirectWithFlash(`/mailings/sends/${id}`, SEND_TEXT.released(n));
  });
}
