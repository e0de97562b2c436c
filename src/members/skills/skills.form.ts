import { normalizeText } from '../../lib/kana.js';
import { field, fields, type FormBody } from '../../web/forms.js';
import type { SkillSelection } from './skills.service.js';

/** Marks a form that shows the skills checklist, so a form without it never clears skills. */
export const SKILLS_MARKER = 'skillsFieldset';

/** The checked skills of a form (checkbox `skills` = id, text `skillNote_<id>`); null when the form had no checklist. */
export function parseSkillSelections(body: FormBody): SkillSelection[] | null {
  if (field(body, SKILLS_MARKER) !== '1') return null;
  const ids = [
    ...new Set(
      fields(body, 'skills')
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0),
    ),
  ];
  return ids.map((skillId) => ({
    skillId,
    note: normalizeText(field(body, `skillNote_${skillId}`)).slice(0, 200) || null,
  }));
}
