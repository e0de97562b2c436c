import type { FastifyInstance } from 'fastify';
import { idParam } from '../web/errors.js';
import type { FormBody } from '../web/forms.js';
import { parseSkillSelections, setMemberSkills } from './skills.service.js';

export async function skillRoutes(app: FastifyInstance): Promise<void> {
  app.post('/members/:id/skills', async (req, reply) => {
    const memberId = idParam((req.params as { id: string }).id);
    await setMemberSkills(req.em, memberId, parseSkillSelections(req.body as FormBody) ?? []);
    return reply.redirectWithFlash(`/members/${memberId}`, '協力できる分野を保存しました');
  });
}
