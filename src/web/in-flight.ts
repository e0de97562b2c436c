import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Counts requests being handled, so a shutdown can wait for them before closing the database.
 * Fastify runs the app's onClose hooks before the HTTP server has drained, so closing the ORM
 * there aborted running requests ("DriverException: aborted").
 * A request whose client went away still counts until its handler has produced a reply (onSend):
 * the handler keeps using the database after the abort, and its reply never "finishes".
 */
export function trackInFlight(app: FastifyInstance): (timeoutMs?: number) => Promise<void> {
  const open = new Set<FastifyRequest>();
  let waiters: (() => void)[] = [];
  const finish = async (req: FastifyRequest) => {
    if (open.delete(req) && open.size === 0) for (const w of waiters.splice(0)) w();
  };
  app.addHook('onRequest', async (req) => {
    open.add(req);
  });
  // Once closing, a finished reply also closes its keep-alive connection, and connections that fall
  // idle are closed as they do: the HTTP server waits for every connection, and an idle one would
  // otherwise hold the exit for the keep-alive timeout (72 s).
  let closing = false;
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = true;
    // When no request is left, no connection is serving one (a client that went away may leave its
    // socket looking busy): all of them are closed.
    sweep = setInterval(() => {
      if (open.size === 0) app.server.closeAllConnections();
      else app.server.closeIdleConnections();
    }, 100).unref();
  });
  app.addHook('onClose', async () => clearInterval(sweep));
  app.addHook('onResponse', finish);
  app.addHook('onSend', async (req, reply) => {
    if (closing) reply.header('connection', 'close');
    // A client that went away gets no "finish" (so no onResponse): its handler is done once it replies.
    if (reply.raw.destroyed) await finish(req);
  });
  return (timeoutMs = 30_000) =>
    open.size === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            waiters = waiters.filter((w) => w !== done);
            resolve();
          }, timeoutMs);
          const done = () => {
            clearTimeout(timer);
            resolve();
          };
          waiters.push(done);
        });
}
