import type { BatchRunner } from './batch.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background runs with progress (src/batches/); kinds are given by the top (src/jobs/batch-kinds.ts). */
    batches: BatchRunner;
  }
}
