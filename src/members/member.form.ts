import { normalizeAddress, splitAddress } from '../lib/address.js';
import { parseDate } from '../lib/dates.js';
import { normalizeEmail } from '../lib/email.js';
import { isKatakanaName, normalizeKanaName, normalizeText } from '../lib/kana.js';
import { normalizePhone } from '../lib/phone.js';
import { normalizePostalCode } from '../lib/postal.js';
import { field, type FormBody } from '../web/forms.js';
import { MAIL_PREFERENCES, MEMBER_KINDS, type MailPreference, type MemberKind } from './member.entity.js';
import { PREFECTURES } from './prefectures.js';
import { MEMBERS_TEXT } from './ui-text.js';

/** The editable fields of a member, already normalised (入力ルールの統一). */
export interface MemberInput {
  memberNo: number | null;
  kind: MemberKind;
  familyName: string | null;
  givenName: string | null;
  familyKana: string | null;
  givenKana: string | null;
  orgName: string | null;
  orgKana: string | null;
  contactPerson: string | null;
  contactKana: string | null;
  postalCode: string | null;
  prefecture: string | null;
  city: string | null;
  address1: string | null;
  address2: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  birthDate: string | null;
  joinedOn: string | null;
  memberTypeId: number | null;
  mailPreference: MailPreference;
  addressUnknown: boolean;
  addressUnknownOn: string | null;
  notes: string | null;
}

export type FieldErrors = Record<string, string>;
export type RawMember = Record<keyof MemberInput, string>;

const TEXT_FIELDS = ['familyName', 'givenName', 'orgName', 'contactPerson', 'city', 'address1', 'address2'] as const;
const ADDRESS_TEXT = new Set<string>(['city', 'address1', 'address2']);
const KANA_FIELDS = ['familyKana', 'givenKana', 'orgKana', 'contactKana'] as const;
const DATE_FIELDS = ['birthDate', 'joinedOn', 'addressUnknownOn'] as const;
/** The column lengths of the member table: a longer value is refused here, never cut or sent to the database. */
export const MEMBER_FIELD_MAX: Partial<Record<keyof MemberInput, number>> = {
  familyName: 60,
  givenName: 60,
  familyKana: 60,
  givenKana: 60,
  orgName: 120,
  orgKana: 120,
  contactPerson: 60,
  contactKana: 60,
  city: 60,
  address1: 120,
  address2: 120,
  email: 200,
  notes: 10_000,
};

export function rawMember(body: FormBody): RawMember {
  const keys: (keyof MemberInput)[] = [
    'memberNo',
    'kind',
    ...TEXT_FIELDS,
    ...KANA_FIELDS,
    'postalCode',
    'prefecture',
    'phone',
    'mobile',
    'email',
    ...DATE_FIELDS,
    'memberTypeId',
    'mailPreference',
    'addressUnknown',
    'notes',
  ];
  return Object.fromEntries(keys.map((k) => [k, field(body, k)])) as RawMember;
}

const blank = (s: string) => (s.trim() === '' ? null : s);

/** Turns the raw form (or an import row) into a normalised MemberInput plus Japanese field errors. */
export function parseMember(raw: Partial<RawMember>): { value: MemberInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const get = (k: keyof MemberInput) => (raw[k] ?? '').toString();
  const kind = (MEMBER_KINDS as readonly string[]).includes(get('kind')) ? (get('kind') as MemberKind) : 'individual';
  const v = { kind } as MemberInput;

  const no = normalizeText(get('memberNo'));
  v.memberNo = null;
  if (no) {
    if (/^\d{1,9}$/.test(no) && Number(no) > 0) v.memberNo = Number(no);
    else errors.memberNo = MEMBERS_TEXT.memberNoFormat;
  }
  for (const k of TEXT_FIELDS) v[k] = blank((ADDRESS_TEXT.has(k) ? normalizeAddress : normalizeText)(get(k)));
  for (const k of KANA_FIELDS) {
    v[k] = blank(normalizeKanaName(get(k)));
    if (v[k] && !isKatakanaName(v[k]!)) errors[k] = MEMBERS_TEXT.kanaFormat;
  }
  if (kind === 'individual') {
    if (!v.familyName) errors.familyName = MEMBERS_TEXT.familyNameRequired;
    if (!v.familyKana && !errors.familyKana) errors.familyKana = MEMBERS_TEXT.familyKanaRequired;
    v.orgName = v.orgKana = v.contactPerson = v.contactKana = null;
  } else {
    if (!v.orgName) errors.orgName = MEMBERS_TEXT.orgNameRequired;
    if (!v.orgKana && !errors.orgKana) errors.orgKana = MEMBERS_TEXT.orgKanaRequired;
    v.familyName = v.givenName = v.familyKana = v.givenKana = null;
  }

  v.postalCode = parseOptional(
    get('postalCode'),
    normalizePostalCode,
    'postalCode',
    MEMBERS_TEXT.postalCodeFormat,
    errors,
  );
  const pref = normalizeText(get('prefecture'));
  v.prefecture = pref || null;
  if (pref && !(PREFECTURES as readonly string[]).includes(pref)) errors.prefecture = MEMBERS_TEXT.prefectureRequired;
  else splitAddressFields(v);
  v.phone = parseOptional(get('phone'), normalizePhone, 'phone', MEMBERS_TEXT.phoneFormat, errors);
  v.mobile = parseOptional(get('mobile'), normalizePhone, 'mobile', MEMBERS_TEXT.mobileFormat, errors);
  v.email = parseOptional(get('email'), normalizeEmail, 'email', MEMBERS_TEXT.emailFormat, errors);
  for (const k of DATE_FIELDS) v[k] = parseOptional(get(k), parseDate, k, MEMBERS_TEXT.dateFormat, errors);

  const typeId = Number(get('memberTypeId'));
  v.memberTypeId = Number.isSafeInteger(typeId) && typeId > 0 ? typeId : null;
  if (!v.memberTypeId) errors.memberTypeId = MEMBERS_TEXT.memberTypeRequired;
  const pref2 = get('mailPreference');
  v.mailPreference = (MAIL_PREFERENCES as readonly string[]).includes(pref2) ? (pref2 as MailPreference) : 'post';
  if (v.mailPreference === 'email' && !v.email && !errors.email) errors.email = MEMBERS_TEXT.emailForMail;
  v.addressUnknown = ['1', 'on', 'true'].includes(get('addressUnknown'));
  if (!v.addressUnknown) v.addressUnknownOn = null;
  v.notes = blank(get('notes').replace(/\r\n/g, '\n'));
  for (const [k, max] of Object.entries(MEMBER_FIELD_MAX) as [keyof MemberInput, number][]) {
    const value = v[k];
    if (typeof value === 'string' && value.length > max && !errors[k]) errors[k] = MEMBERS_TEXT.tooLong(max);
  }
  return { value: v, errors };
}

/**
 * 住所1 typed as the whole address (東京都新宿区新宿1-2-3, or 新宿区… with the prefecture chosen): the
 * prefecture and the city go to their own fields by the one address rule (lib/address.ts), so the form
 * and the import store the same parts. A city already filled in is kept, and only repeated in 住所1 is dropped.
 */
function splitAddressFields(v: MemberInput): void {
  if (!v.address1) return;
  const parts = splitAddress(v.address1, v.prefecture);
  if (!parts.prefecture) return;
  v.prefecture = parts.prefecture;
  if (!v.city) {
    [v.city, v.address1] = [parts.city, blank(parts.rest)];
    return;
  }
  let rest = v.address1.startsWith(parts.prefecture) ? v.address1.slice(parts.prefecture.length).trim() : v.address1;
  if (rest.startsWith(v.city)) rest = rest.slice(v.city.length).trim();
  v.address1 = blank(rest);
}

function parseOptional(
  raw: string,
  parse: (s: string) => string | null,
  key: string,
  message: string,
  errors: FieldErrors,
): string | null {
  if (raw.trim() === '') return null;
  const out = parse(raw);
  if (out === null) errors[key] = message;
  return out;
}
