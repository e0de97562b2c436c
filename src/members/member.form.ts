import { parseDate } from '../lib/dates.js';
import { normalizeEmail } from '../lib/email.js';
import { isKatakanaName, normalizeKanaName, normalizeText } from '../lib/kana.js';
import { normalizePhone } from '../lib/phone.js';
import { normalizePostalCode } from '../lib/postal.js';
import { field, type FormBody } from '../web/forms.js';
import { MAIL_PREFERENCES, MEMBER_KINDS, type MailPreference, type MemberKind } from './member.entity.js';
import { PREFECTURES } from './prefectures.js';

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
const KANA_FIELDS = ['familyKana', 'givenKana', 'orgKana'] as const;
const DATE_FIELDS = ['birthDate', 'joinedOn', 'addressUnknownOn'] as const;

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
    else errors.memberNo = '会員番号は数字（9桁まで）で入力してください';
  }
  for (const k of TEXT_FIELDS) v[k] = blank(normalizeText(get(k)));
  for (const k of KANA_FIELDS) {
    v[k] = blank(normalizeKanaName(get(k)));
    if (v[k] && !isKatakanaName(v[k]!)) errors[k] = 'フリガナはカタカナまたはひらがなで入力してください';
  }
  if (kind === 'individual') {
    if (!v.familyName) errors.familyName = '氏名（姓）を入力してください';
    if (!v.familyKana && !errors.familyKana) errors.familyKana = 'フリガナ（セイ）を入力してください';
    v.orgName = v.orgKana = v.contactPerson = null;
  } else {
    if (!v.orgName) errors.orgName = '団体名を入力してください';
    if (!v.orgKana && !errors.orgKana) errors.orgKana = '団体名のフリガナを入力してください';
    v.familyName = v.givenName = v.familyKana = v.givenKana = null;
  }

  v.postalCode = parseOptional(
    get('postalCode'),
    normalizePostalCode,
    'postalCode',
    '郵便番号は7桁の数字で入力してください（例：160-0022）',
    errors,
  );
  const pref = normalizeText(get('prefecture'));
  v.prefecture = pref || null;
  if (pref && !(PREFECTURES as readonly string[]).includes(pref)) errors.prefecture = '都道府県を選んでください';
  v.phone = parseOptional(
    get('phone'),
    normalizePhone,
    'phone',
    '電話番号は市外局番から10桁または11桁で入力してください',
    errors,
  );
  v.mobile = parseOptional(
    get('mobile'),
    normalizePhone,
    'mobile',
    '携帯番号は11桁で入力してください（例：090-1234-5678）',
    errors,
  );
  v.email = parseOptional(
    get('email'),
    normalizeEmail,
    'email',
    'メールアドレスの形式が正しくありません（例：name@example.jp）',
    errors,
  );
  for (const k of DATE_FIELDS)
    v[k] = parseOptional(
      get(k),
      parseDate,
      k,
      '日付は 2026-04-01、2026/4/1、令和8年4月1日 のように入力してください',
      errors,
    );

  const typeId = Number(get('memberTypeId'));
  v.memberTypeId = Number.isSafeInteger(typeId) && typeId > 0 ? typeId : null;
  if (!v.memberTypeId) errors.memberTypeId = '会員種別を選んでください';
  const pref2 = get('mailPreference');
  v.mailPreference = (MAIL_PREFERENCES as readonly string[]).includes(pref2) ? (pref2 as MailPreference) : 'post';
  if (v.mailPreference === 'email' && !v.email && !errors.email)
    errors.email = '郵送物をメールで送るにはメールアドレスが必要です';
  v.addressUnknown = ['1', 'on', 'true'].includes(get('addressUnknown'));
  if (!v.addressUnknown) v.addressUnknownOn = null;
  v.notes = blank(get('notes').replace(/\r\n/g, '\n'));
  return { value: v, errors };
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
