import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { idParam, UserError } from '../web/errors.js';
import type { FormBody } from '../web/forms.js';
import { sendEmailMailing } from './email-send.service.js';
import { parseSmtp, saveSmtp, smtpConfig } from './smtp.js';

async function renderSmtp(em: EntityManager, reply: FastifyReply, values?: FormBody, err?: UserError) {
  const c = await smtpConfig(em);
  const v = values ?? { host: c.host, port: String(c.port), security: c.security, user: c.user, from: c.from };
  return reply.render(
    'mailings/smtp',
    {
      title: 'メール送信の設定',
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
      return renderSmtp(
        req.em,
        reply,
        { ...body, password: '' },
        new UserError('入力内容を確認してください', 422, parsed.errors),
      );
    await saveSmtp(req.em, parsed.value);
    return reply.redirectWithFlash('/mailings/smtp', 'メール送信の設定を保存しました');
  });
  // Sent in the request for now; sendEmailMailing takes onProgress so a background batch can run it.
  app.post('/mailings/sends/:id/send', async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    try {
      const r = await sendEmailMailing(req.em, id);
      return reply.redirectWithFlash(
        `/mailings/sends/${id}`,
        `送信 ${r.sent}件・失敗 ${r.failed}件`,
        r.failed ? 'error' : 'ok',
      );
    } catch (err) {
      if (!(err instanceof UserError) || err.statusCode === 404) throw err;
      return reply.redirectWithFlash(`/mailings/sends/${id}`, err.message, 'error');
    }
  });
}
