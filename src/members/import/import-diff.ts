import { MEMBER_FIELD_LABELS } from '../audit-labels.js';
import type { IMemberSkill } from '../skills/member-skill.entity.js';
import type { IMember } from '../member.entity.js';
import type { MemberInput, RawMember } from '../member.form.js';
import type { ImportContext } from './import-context.js';
import { IMPORT_TEXT } from './ui-text.js';

export interface Change {
  label: string;
  before: string;
  after: string;
}

const FORM_KEYS = [
  'memberNo',
  'kind',
  'familyName',
  'givenName',
  'familyKana',
  'givenKana',
  'orgName',
  'orgKana',
  'contactPerson',
  'contactKana',
  'postalCode',
  'prefecture',
  'city',
  'address1',
  'address2',
  'phone',
  'mobile',
  'email',
  'birthDate',
  'joinedOn',
  'mailPreference',
  'addressUnknownOn',
  'notes',
] as const;

/** The member as the form would show it, so a row only needs to carry the columns it changes. */
export function rawFromMember(m: IMember): Partial<RawMember> {
  const raw: Partial<RawMember> = {};
  for (const k of FORM_KEYS) raw[k] = m[k] === null || m[k] === undefined ? '' : String(m[k]);
  raw.memberTypeId = String(m.memberType.id);
  raw.addressUnknown = m.addressUnknown ? '1' : '';
  return raw;
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '' : String(v));

/** Field-by-field differences (with Japanese labels) between a member and the row's values, skills included. */
export function memberChanges(
  m: IMember,
  input: MemberInput,
  skillIds: number[] | undefined,
  existing: IMemberSkill[],
  ctx: ImportContext,
): Change[] {
  const changes: Change[] = [];
  const label = (k: string) => MEMBER_FIELD_LABELS[k] ?? k;
  for (const k of FORM_KEYS) {
    if (k === 'memberNo') continue;
    if (show(m[k]) !== show(input[k])) changes.push({ label: label(k), before: show(m[k]), after: show(input[k]) });
  }
  if (m.addressUnknown !== input.addressUnknown)
    changes.push({
      label: label('addressUnknown'),
      before: m.addressUnknown ? IMPORT_TEXT.yes : '',
      after: input.addressUnknown ? IMPORT_TEXT.yes : '',
    });
  if (m.memberType.id !== input.memberTypeId) {
    const name = (id: number | null) => [...ctx.types.values()].find((t) => t.id === id)?.name ?? String(id);
    changes.push({ label: label('memberType'), before: name(m.memberType.id), after: name(input.memberTypeId) });
  }
  if (skillIds) {
    const names = (ids: number[]) =>
      [...ctx.skills.values()]
        .filter((s) => ids.includes(s.id))
        .map((s) => s.name)
        .join(IMPORT_TEXT.listSeparator);
    const before = existing.map((s) => s.skill.id).sort((a, b) => a - b);
    const after = [...new Set(skillIds)].sort((a, b) => a - b);
    if (before.join() !== after.join())
      changes.push({ label: IMPORT_TEXT.skillsLabel, before: names(before), after: names(after) });
  }
  return changes;
}
