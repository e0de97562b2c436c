import type { FastifyInstance } from 'fastify';
import { UserError } from '../web/errors.js';
import { removeSeal, saveSeal, sealPath } from './seal.js';
import { MSG, PAGE_TEXT } from './ui-text.js';

/** The 角印 image (admin): upload (multipart, token in the URL), remove. */
export async function sealRoutes(app: FastifyInstance): Promise<void> {
  const page = (extra: Record<string, unknown> = {}) => ({
    title: PAGE_TEXT.sealTitle,
    hasSeal: !!sealPath(app.config.dataDir),
    ...extra,
  });

  app.get('/receipts/seal', { config: { role: 'admin' } }, async (_req, reply) =>
    reply.render('receipts/seal', page()),
  );

  app.post('/receipts/seal', { config: { role: 'admin' } }, async (req, reply) => {
    try {
      const file = req.isMultipart() ? await req.file() : undefined;
      const bytes = file ? await file.toBuffer() : null;
      if (!bytes?.length) throw new UserError(MSG.sealInvalid, 422, { seal: MSG.sealInvalid });
      saveSeal(app.config.dataDir, bytes);
      return reply.redirectWithFlash('/receipts/seal', MSG.sealSaved);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return reply.render('receipts/seal', page({ error: err.message, errors: err.fieldErrors }), err.statusCode);
    }
  });

  app.post('/receipts/seal/delete', { config: { role: 'admin' } }, async (_req, reply) => {
    removeSeal(app.config.dataDir);
    return reply.redirectWithFlash('/receipts/seal', MSG.sealRemoved);
  });
}
