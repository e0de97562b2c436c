import { buildApp } from './app.js';
import type { Config } from './config.js';
import { markInterruptedRuns } from './batches/job-runs.js';
import { startScheduler } from './jobs/schedule.js';

/** Listens, and closes gracefully on SIGINT/SIGTERM (finishing requests, closing the database). */
export async function startServer(config: Config): Promise<void> {
  const app = await buildApp(config);
  let closing = false;
  let scheduler: { stop(): Promise<void> } | null = null;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await scheduler?.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Runs left 'running' by a stopped server show as interrupted; then the schedules start.
  await markInterruptedRuns(app.orm.em.fork());
  scheduler = await startScheduler(app.orm, config, app.log);
  app.log.info(
    `Enishi: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/ をブラウザで開いてください`,
  );
}
