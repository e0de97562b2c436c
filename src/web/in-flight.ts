import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Counts requests being handled, so a shutdown can wait for them before closing the database.
 * Fastify runs the app's onClose hooks before the HTTP server has drained, so closing the ORM
 * there aborted running requests ("DriverException: aborted").
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
  app.addHook('onResponse', finish);
  app.addHook('onRequestAbort', finish);
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
