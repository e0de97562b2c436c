import { DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { refererBack } from './back-url.js';
import { UserError } from './errors.js';

const MESSAGES: Record<number, string> = {
  400: '入力内容を確認してください',
  403: 'この操作を行う権限がありません',
  404: 'ページが見つかりません',
  413: 'ファイルが大きすぎます',
  429: '短時間にアクセスが集中しました。しばらく待ってからもう一度お試しください',
  503: 'ただいま一括処理（取り込みなど）の書き込み中です。しばらくしてからもう一度お試しください。',
};
/** Seconds a browser or script is told to wait before retrying a write that met a lock. */
const RETRY_AFTER = 5;

/**
 * The database was locked by another writer longer than busy_timeout (a long CLI import):
 * nothing was written, and trying again shortly works — not a system error.
 */
export function isLockWait(err: unknown): boolean {
  if (err instanceof LockWaitTimeoutException || err instanceof DeadlockException) return true;
  const e = err as { code?: string; message?: string } | null;
  return (
    e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_LOCKED' || /SQLITE_BUSY|database is locked/.test(e?.message ?? '')
  );
}

/** One error handler: user errors get a Japanese page with their status; 5xx never leak details. */
export function registerErrorPages(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (isLockWait(err)) {
      req.log.warn({ err }, 'database locked by another writer');
      reply.header('retry-after', String(RETRY_AFTER));
      return sendError(req, reply, 503, MESSAGES[503]!);
    }
    const status = statusOf(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    const message =
      status >= 500 ? 'システムエラーが発生しました。時間をおいてもう一度お試しください。' : messageOf(err, status);
    return sendError(req, reply, status, message);
  });

  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 60, timeWindow: '1 minute' }) }, async (req, reply) =>
    sendError(req, reply, 404, MESSAGES[404]!),
  );
}

function statusOf(err: FastifyError): number {
  if (err instanceof UserError) return err.statusCode;
  if (err.code?.startsWith('FST_CSRF')) return 403;
  if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT') return 413;
  const s = err.statusCode ?? 500;
  return s >= 400 && s < 600 ? s : 500;
}

function messageOf(err: FastifyError, status: number): string {
  if (err instanceof UserError) return err.message;
  if (err.code?.startsWith('FST_CSRF'))
    return '送信の確認ができませんでした（有効期限切れの可能性があります）。ページを再読み込みしてもう一度お試しください。';
  return MESSAGES[status] ?? MESSAGES[400]!;
}

async function sendError(req: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  const wantsJson =
    (req.headers.accept ?? '').includes('application/json') && !(req.headers.accept ?? '').includes('text/html');
  if (wantsJson) return reply.code(status).send({ error: message });
  try {
    return await reply.render(
      'error',
      { title: 'エラー', status, message, back: refererBack(req.headers.referer, req.headers.host) },
      status,
    );
  } catch (renderErr) {
    req.log.error({ err: renderErr }, 'error page failed');
    return reply.code(status).type('text/plain; charset=utf-8').send(message);
  }
}
