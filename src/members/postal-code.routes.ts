import type { FastifyInstance } from 'fastify';
import { lookupPostalCode } from '../lib/postal-lookup.js';
import { MEMBERS_TEXT } from './ui-text.js';

/**
 * GET /postal-codes/:code → {postalCode, prefecture, city, town}, or 404 {error} for a malformed or
 * unknown code. Read by views/assets/postal-lookup.js on the member form and the settings page.
 */
export async function postalCodeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/postal-codes/:code', async (req, reply) => {
    const found = lookupPostalCode((req.params as { code: string }).code);
    reply.header('cache-control', 'private, max-age=86400');
    if (!found) return reply.code(404).send({ error: MEMBERS_TEXT.postalCodeUnknown });
    return reply.send(found);
  });
}
