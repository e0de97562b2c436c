import { displayName } from '../members/member.model.js';
import { HOUSEHOLD_RELATIONS } from './household.entity.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

export interface JointNamePart {
  id?: number;
  memberNo?: number;
  kind?: string | null;
  familyName?: string | null;
  givenName?: string | null;
  orgName?: string | null;
  householdRelation?: string | null;
}

const rank = (r: string | null | undefined) => {
  const i = (HOUSEHOLD_RELATIONS as readonly string[]).indexOf(r ?? '');
  return i < 0 ? HOUSEHOLD_RELATIONS.length : i;
};

/** 世帯主 first, then 配偶者, 子, 親, その他; ties by member number. */
export function householdOrder<T extends JointNamePart>(members: T[]): T[] {
  return [...members].sort(
    (a, b) => rank(a.householdRelation) - rank(b.householdRelation) || (a.memberNo ?? 0) - (b.memberNo ?? 0),
  );
}

/**
 * 連名 for one label or letter: the first person in full, each next one by given name
 * when the family name is the same (山田 太郎 様 / 花子 様), else in full.
 */
export function jointNameLines(members: JointNamePart[]): string[] {
  const ordered = householdOrder(members);
  const first = ordered[0];
  return ordered.map((m, i) => {
    if (m.kind === 'organization') return SUPPORTERS_TEXT.orgHonorific(m.orgName ?? '');
    const full = displayName({ ...m, kind: 'individual' });
    const short = i > 0 && m.givenName && m.familyName === first?.familyName ? m.givenName : full;
    return SUPPORTERS_TEXT.personHonorific(short);
  });
}

export function jointName(members: JointNamePart[], labelName?: string | null): string {
  return labelName?.trim() || jointNameLines(members).join(' / ');
}
