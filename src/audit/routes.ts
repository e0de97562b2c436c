import type { FastifyInstance } from 'fastify';
import { searchAudit } from './audit.service.js';
import { entityLabels } from './labels.js';
import { AUDIT_TEXT } from './ui-text.js';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/audit', { config: { role: 'admin' } }, async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    const query = {
      entityName: q.entity || undefined,
      entityId: q.id || undefined,
      actor: q.actor || undefined,
      page: Number(q.page) || 1,
    };
    const result = await searchAudit(req.em, query);
    return reply.render('audit/index', { title: AUDIT_TEXT.title, ...result, query, entityLabels: entityLabels() });
  });
}
