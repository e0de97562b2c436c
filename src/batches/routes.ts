import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contentDisposition } from '../web/download.js';
import { NotFoundError, UserError, idParam } from '../web/errors.js';
import { Batch, type IBatch } from './batch.entity.js';
import './types.js';
import { BATCH_TEXT } from './ui-text.js';

/** What the page and its progress poll show of one batch. */
export function batchView(b: IBatch) {
  return {
    id: b.id,
    kind: b.kind,
    title: b.title,
    status: b.status,
    statusLabel: BATCH_TEXT.status[b.status] ?? b.status,
    done: b.done,
    total: b.total,
    percent: b.total > 0 ? Math.min(100, Math.floor((b.done / b.total) * 100)) : b.status === 'done' ? 100 : 0,
    error: b.error,
    createdBy: b.createdBy,
    createdAt: b.createdAt,
    finishedAt: b.finishedAt,
    outputName: b.outputName,
    outputBytes: b.outputBytes,
    download: b.status === 'done' ? `/batches/${b.id}/download` : null,
  };
}

async function findBatch(req: FastifyRequest): Promise<IBatch> {
  const b = await req.em.findOne(Batch, { id: idParam((req.params as { id: string }).id) });
  if (!b) throw new NotFoundError(BATCH_TEXT.notFound);
  return b;
}

/** /batches: recent runs, one run's progress page (updates itself), its download, and 再実行 of a failed run. */
export async function batchRoutes(app: FastifyInstance): Promise<void> {
  app.get('/batches', async (req, reply) => {
    const list = await req.em.find(Batch, {}, { orderBy: { id: 'desc' }, limit: 50 });
    return reply.render('batches/index', { title: BATCH_TEXT.listTitle, list: list.map(batchView) });
  });

  app.get('/batches/:id', async (req, reply) => {
    const row = await findBatch(req);
    const b = batchView(row);
    return reply.render('batches/show', { title: b.title, batch: b, next: app.batches.nextStep(row) });
  });

  app.get('/batches/:id/status.json', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return batchView(await findBatch(req));
  });

  app.get('/batches/:id/download', async (req, reply) => {
    const b = await findBatch(req);
    if (b.status !== 'done') throw new UserError(BATCH_TEXT.notDone, 409);
    const stream = app.batches.openOutput(b);
    if (!stream) throw new UserError(BATCH_TEXT.outputMissing, 410);
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition(b.outputName ?? `batch-${b.id}.pdf`, `batch-${b.id}.pdf`))
      .send(stream);
  });

  app.post('/batches/:id/retry', async (req, reply) => {
    const b = await findBatch(req);
    if (b.status !== 'failed') throw new UserError(BATCH_TEXT.retryOnlyFailed, 409);
    const again = await app.batches.start(req.em, {
      kind: b.kind,
      title: b.title,
      params: JSON.parse(b.params) as Record<string, unknown>,
      createdBy: req.staff!.displayName,
      prepared: true,
    });
    return reply.redirectWithFlash(`/batches/${again.id}`, BATCH_TEXT.retried);
  });
}
