import type { EntityManager } from '../../db/orm.js';
import type { FormBody } from '../../web/forms.js';
import { parseSkillSelections, SKILLS_MARKER } from './skills.form.js';
import { setMemberSkills, skillChoices } from './skills.service.js';

/**
 * Hooks for the member form (src/members/routes.ts, views/members/form.eta), so the lead's
 * files need only a call each: the checklist data for the fieldset partial, and saving it.
 */
export async function memberSkillsForm(em: EntityManager, memberId: number | null = null, body: unknown = null) {
  const posted = body && typeof body === 'object' ? (body as FormBody) : null;
  return {
    skillChoices: await skillChoices(em, memberId, posted ? parseSkillSelections(posted) : null),
    skillsMarker: SKILLS_MARKER,
  };
}

/** Saves the checklist after the member was created or updated; does nothing for a form without it. */
export async function saveMemberSkills(em: EntityManager, memberId: number, body: unknown): Promise<void> {
  const selections = body && typeof body === 'object' ? parseSkillSelections(body as FormBody) : null;
  if (selections) await setMemberSkills(em, memberId, selections);
}
