import { normalizeKanaName, normalizeText } from '../../lib/kana.js';
import type { RawMember } from '../member.form.js';

/** What an import column holds; most map straight to a member form field. */
export type ColumnKey =
  | 'memberNo'
  | 'fullName'
  | 'fullKana'
  | 'familyName'
  | 'givenName'
  | 'familyKana'
  | 'givenKana'
  | 'memberType'
  | 'postalCode'
  | 'prefecture'
  | 'city'
  | 'address1'
  | 'address2'
  | 'phone'
  | 'mobile'
  | 'email'
  | 'birthDate'
  | 'joinedOn'
  | 'skills'
  | 'notes'
  | 'kind'
  | 'orgName'
  | 'orgKana'
  | 'contactPerson'
  | 'contactKana'
  | 'mailPreference';

/** Accepted headers per column, the default (documented) one first. Compared after normalising width and spaces. */
export const HEADERS: Record<ColumnKey, string[]> = {
  memberNo: ['会員番号', '会員No', 'No', '番号'],
  fullName: ['氏名', '名前', 'お名前'],
  fullKana: ['フリガナ', 'ふりがな', 'カナ', 'ヨミガナ', 'よみがな', '氏名フリガナ'],
  memberType: ['会員種別', '種別'],
  postalCode: ['郵便番号', '〒'],
  address1: ['住所1', '住所'],
  address2: ['住所2', '建物名'],
  phone: ['電話番号', '電話', 'TEL'],
  email: ['メールアドレス', 'メール', 'Eメール', 'E-mail', 'email'],
  birthDate: ['生年月日'],
  joinedOn: ['入会日'],
  skills: ['協力できる分野', '分野'],
  notes: ['備考', 'メモ'],
  familyName: ['姓'],
  givenName: ['名'],
  familyKana: ['セイ'],
  givenKana: ['メイ'],
  prefecture: ['都道府県'],
  city: ['市区町村'],
  mobile: ['携帯電話', '携帯', '携帯番号'],
  kind: ['区分'],
  orgName: ['団体名'],
  orgKana: ['団体名フリガナ'],
  contactPerson: ['担当者'],
  contactKana: ['担当者フリガナ'],
  mailPreference: ['郵送物'],
};

/** The template's columns, in order (README and the downloadable template). */
export const DEFAULT_COLUMNS: ColumnKey[] = [
  'memberNo',
  'fullName',
  'fullKana',
  'memberType',
  'postalCode',
  'address1',
  'address2',
  'phone',
  'email',
  'birthDate',
  'joinedOn',
  'skills',
  'notes',
];

const headerKey = (s: string) => normalizeText(s).replace(/\s+/g, '').toLowerCase();
const LOOKUP = new Map<string, ColumnKey>(
  Object.entries(HEADERS).flatMap(([k, names]) => names.map((n) => [headerKey(n), k as ColumnKey])),
);

export interface HeaderMap {
  columns: (ColumnKey | null)[];
  present: Set<ColumnKey>;
  ignored: string[];
  errors: string[];
}

export function mapHeader(header: string[]): HeaderMap {
  const columns = header.map((h) => LOOKUP.get(headerKey(h)) ?? null);
  const present = new Set(columns.filter((c): c is ColumnKey => c !== null));
  const errors: string[] = [];
  const seen = new Set<ColumnKey>();
  columns.forEach((c, i) => {
    if (c && seen.has(c)) errors.push(`「${header[i]}」の列が2つあります`);
    if (c) seen.add(c);
  });
  const has = (...keys: ColumnKey[]) => keys.some((k) => present.has(k));
  if (!has('fullName', 'familyName', 'orgName')) errors.push('「氏名」（または「姓」「名」）の列がありません');
  if (!has('fullKana', 'familyKana', 'orgKana')) errors.push('「フリガナ」（または「セイ」「メイ」）の列がありません');
  const ignored = header.filter((h, i) => columns[i] === null && h.trim() !== '');
  return { columns, present, ignored, errors };
}

/** 「山田 太郎」「山田　太郎」→ ['山田', '太郎'] (at the first space); without a space all of it is the family part. */
export function splitAtFirstSpace(s: string): [string, string] {
  const t = s.replace(/[\s\u3000]+/g, ' ').trim();
  const i = t.indexOf(' ');
  return i < 0 ? [t, ''] : [t.slice(0, i), t.slice(i + 1)];
}

/** 協力できる分野 cell: 「会計;翻訳」「会計、翻訳」 (also ；，, and line breaks) → names. */
export function splitSkills(s: string): string[] {
  return [
    ...new Set(
      s
        .split(/[;；、,，\n]/)
        .map((x) => normalizeText(x))
        .filter(Boolean),
    ),
  ];
}

const KINDS: Record<string, string> = { 個人: 'individual', 団体: 'organization', 法人: 'organization' };
const MAIL: Record<string, string> = { 郵送: 'post', メール: 'email', 不要: 'none' };

export interface RowFields {
  raw: Partial<RawMember>;
  typeName?: string;
  skills?: string[];
}

/** One CSV record → the member form fields it sets (only for columns the file has) plus type and skills. */
export function rowFields(cells: string[], map: HeaderMap): RowFields {
  const cell: Partial<Record<ColumnKey, string>> = {};
  map.columns.forEach((c, i) => {
    if (c) cell[c] = (cells[i] ?? '').trim();
  });
  const raw: Partial<RawMember> = {};
  for (const k of [
    'memberNo',
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
    'notes',
    'orgName',
    'orgKana',
    'contactPerson',
    'contactKana',
    'familyName',
    'givenName',
    'familyKana',
    'givenKana',
  ] as const) {
    if (cell[k] !== undefined) raw[k] = cell[k]!;
  }
  if (cell.fullName !== undefined) [raw.familyName, raw.givenName] = splitAtFirstSpace(normalizeText(cell.fullName));
  if (cell.fullKana !== undefined)
    [raw.familyKana, raw.givenKana] = splitAtFirstSpace(normalizeKanaName(cell.fullKana));
  if (cell.kind !== undefined)
    raw.kind = KINDS[normalizeText(cell.kind)] ?? (cell.orgName ? 'organization' : 'individual');
  else if (cell.orgName && !cell.fullName && !cell.familyName) raw.kind = 'organization';
  if (cell.mailPreference) raw.mailPreference = MAIL[normalizeText(cell.mailPreference)] ?? 'post';
  // 住所1 often holds the whole address: without 都道府県 / 市区町村 columns it stands for all of it, and
  // parseMember splits it by the same rule as the member form (lib/address.ts).
  if (cell.address1 !== undefined && cell.prefecture === undefined) {
    raw.prefecture = '';
    if (cell.city === undefined) raw.city = '';
  }
  return {
    raw,
    typeName: cell.memberType !== undefined ? normalizeText(cell.memberType) : undefined,
    skills: cell.skills !== undefined ? splitSkills(cell.skills) : undefined,
  };
}
