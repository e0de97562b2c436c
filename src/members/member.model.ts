import { kanaSearchKey } from '../lib/kana.js';
import { phoneDigits } from '../lib/phone.js';
import type { IMember } from './member.entity.js';
import { HONORIFICS } from './ui-text.js';

type Nullable<T> = { [K in keyof T]?: T[K] | null };
type NameParts = Nullable<
  Pick<
    IMember,
    'kind' | 'familyName' | 'givenName' | 'familyKana' | 'givenKana' | 'orgName' | 'orgKana' | 'contactPerson'
  >
>;

/** 山田 太郎 / 特定非営利活動法人みどり — what staff and printed documents call the member. */
export function displayName(m: NameParts): string {
  if (m.kind === 'organization') return m.orgName ?? '';
  return [m.familyName, m.givenName].filter(Boolean).join(' ');
}

/** displayName of a plain SQL row (snake_case columns), for lists read without entities. */
export function displayNameOfRow(r: {
  kind?: unknown;
  family_name?: unknown;
  given_name?: unknown;
  org_name?: unknown;
}): string {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return displayName({
    kind: r.kind as IMember['kind'],
    familyName: str(r.family_name),
    givenName: str(r.given_name),
    orgName: str(r.org_name),
  } as NameParts);
}

export function displayKana(m: NameParts): string {
  if (m.kind === 'organization') return m.orgKana ?? '';
  return [m.familyKana, m.givenKana].filter(Boolean).join(' ');
}

/** 御中 for an organisation addressed as such; 様 for a person (or an organisation's named contact). */
export function honorific(m: Pick<IMember, 'kind'>): (typeof HONORIFICS)[keyof typeof HONORIFICS] {
  return m.kind === 'organization' ? HONORIFICS.organization : HONORIFICS.person;
}

/** The derived search keys stored on the row so quick search needs no per-row normalisation. */
export function searchKeys(
  m: NameParts & Nullable<Pick<IMember, 'phone' | 'mobile'>>,
): Pick<IMember, 'kanaKey' | 'nameKey' | 'phoneDigits'> {
  const kana = m.kind === 'organization' ? (m.orgKana ?? '') : `${m.familyKana ?? ''}${m.givenKana ?? ''}`;
  const names = [m.familyName, m.givenName, m.orgName, m.contactPerson].filter(Boolean).join(' ');
  return {
    kanaKey: kanaSearchKey(kana),
    nameKey: names.replace(/[\s\u3000]+/g, ''),
    phoneDigits: [m.phone, m.mobile]
      .filter(Boolean)
      .map((p) => phoneDigits(p!))
      .join(' '),
  };
}

export function fullAddress(m: Pick<IMember, 'prefecture' | 'city' | 'address1' | 'address2'>): string {
  return [`${m.prefecture ?? ''}${m.city ?? ''}${m.address1 ?? ''}`, m.address2].filter(Boolean).join(' ');
}
