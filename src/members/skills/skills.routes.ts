import type { FastifyInstance } from 'fastify';
import { idParam } from '../../web/errors.js';
import type { FormBody } from '../../web/forms.js';
import { addMemberSection } from '../member-page.js';
import { parseSkillSelections, SKILLS_MARKER } from './skills.form.js';
import { memberSkillSection, setMemberSkills } from './skills.service.js';
import { MEMBERS_TEXT } from '../ui-text.js';

/** 協力できる分野 on the member page: its section (the list of skills lives in supporters' list editor). */
export async function skillRoutes(app: FastifyInstance): Promise<void> {
  addMemberSection({
    key: 'members.skills',
    order: 30,
    template: 'members/section-skills',
    load: async (em, m) => {
      return { ...(await memberSkillSection(em, m.id)), skillsMarker: SKILLS_MARKER };
    },
  });
  app.post('/members/:id/skills', async (req, reply) => {
    const memberId = idParam((req.params as { id: string }).id);
    await setMemberSkills(req.em, memberId, parseSkillSelections(req.body as FormBody) ?? []);
    return reply.redirectWithFlash(`/members/${memberId}`, MEMBERS_TEXT.skillsSaved);
  });
}
