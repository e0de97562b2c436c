/** A segment's filter: a plain value, parsed from the segment form. Pure. */
import { parseDate } from '../lib/dates.js';
import { MAIL_PREFERENCES, MEMBER_KINDS, type MailPreference, type MemberKind } from '../members/member.entity.js';
import type { FormBody } from '../web/forms.js';
import { SEGMENT_ERRORS as E } from './ui-text.js';

export type DuesFilter = 'paid' | 'unpaid';

/** Every criterion is optional; an empty filter means every member. All given criteria must hold. */
export interface SegmentFilter {
  memberTypeIds?: number[];
  kinds?: MemberKind[];
  /** paid: this 年度's invoices all settled; unpaid: an open invoice of this 年度. */
  dues?: DuesFilter;
  /** Holding any of these roles today. */
  roleIds?: number[];
  /** Having any of these skills. */
  skillIds?: number[];
  prefectures?: string[];
  /** 市区町村 starts with this (「横浜市」 matches 横浜市中区). */
  city?: string;
  /** Digits the 郵便番号 starts with (1 to 7). */
  postalPrefix?: string;
  joinedFrom?: string;
  joinedTo?: string;
  /** Donated at least minTotal yen (default 1) between from and to (inclusive, either open). */
  donated?: { from?: string; to?: string; minTotal?: number };
  /** Took part (参加済み) in any of these activities. */
  activityIds?: number[];
  birthMonth?: number;
  mailPreferences?: MailPreference[];
  hasEmail?: boolean;
}

export type Parsed<T> = { value: T; errors?: undefined } | { value?: undefined; errors: Record<string, string> };

const list = (body: FormBody, name: string): string[] => {
  const v = body[name];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);
};
const one = (body: FormBody, name: string): string => list(body, name)[0]?.normalize('NFKC') ?? '';
const ids = (body: FormBody, name: string): number[] | null => {
  const out = list(body, name).map(Number);
  return out.every((n) => Number.isSafeInteger(n) && n > 0) ? out : null;
};

function parseIds(body: FormBody, f: SegmentFilter, errors: Record<string, string>) {
  for (const key of ['memberTypeIds', 'roleIds', 'skillIds', 'activityIds'] as const) {
    const v = ids(body, key);
    if (!v) errors[key] = E.choice;
    else if (v.length) f[key] = v;
  }
}

function parseDates(body: FormBody, f: SegmentFilter, errors: Record<string, string>) {
  const date = (name: string) => {
    const raw = one(body, name);
    if (!raw) return undefined;
    const d = parseDate(raw);
    if (!d) errors[name] = E.date;
    return d ?? undefined;
  };
  const joinedFrom = date('joinedFrom');
  const joinedTo = date('joinedTo');
  if (joinedFrom) f.joinedFrom = joinedFrom;
  if (joinedTo) f.joinedTo = joinedTo;
  if (joinedFrom && joinedTo && joinedTo < joinedFrom) errors.joinedTo = E.order;
  const from = date('donatedFrom');
  const to = date('donatedTo');
  const minRaw = one(body, 'donatedMin').replace(/[,円]/g, '');
  const min = minRaw ? Number(minRaw) : undefined;
  if (min !== undefined && (!Number.isSafeInteger(min) || min < 1)) errors.donatedMin = E.amount;
  if (from && to && to < from) errors.donatedTo = E.order;
  if (one(body, 'donated') === '1' || from || to || min)
    f.donated = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(min ? { minTotal: min } : {}) };
}

function parseRest(body: FormBody, f: SegmentFilter, errors: Record<string, string>) {
  const kinds = list(body, 'kinds');
  if (kinds.some((k) => !(MEMBER_KINDS as readonly string[]).includes(k))) errors.kinds = E.choice;
  else if (kinds.length) f.kinds = kinds as MemberKind[];
  const prefs = list(body, 'mailPreferences');
  if (prefs.some((k) => !(MAIL_PREFERENCES as readonly string[]).includes(k))) errors.mailPreferences = E.choice;
  else if (prefs.length) f.mailPreferences = prefs as MailPreference[];
  const dues = one(body, 'dues');
  if (dues === 'paid' || dues === 'unpaid') f.dues = dues;
  else if (dues) errors.dues = E.choice;
  const prefectures = list(body, 'prefectures');
  if (prefectures.length) f.prefectures = prefectures;
  const city = one(body, 'city');
  if (city) f.city = city.slice(0, 60);
  const postal = one(body, 'postalPrefix').replace(/[〒\-ー\s]/g, '');
  if (postal && !/^\d{1,7}$/.test(postal)) errors.postalPrefix = E.postal;
  else if (postal) f.postalPrefix = postal;
  const month = one(body, 'birthMonth');
  if (month && !/^(?:[1-9]|1[0-2])$/.test(month)) errors.birthMonth = E.month;
  else if (month) f.birthMonth = Number(month);
  const email = one(body, 'hasEmail');
  if (email === 'yes' || email === 'no') f.hasEmail = email === 'yes';
}

/** The segment form → a filter, or Japanese field errors. */
export function parseSegmentFilter(body: FormBody): Parsed<SegmentFilter> {
  const f: SegmentFilter = {};
  const errors: Record<string, string> = {};
  parseIds(body, f, errors);
  parseDates(body, f, errors);
  parseRest(body, f, errors);
  return Object.keys(errors).length ? { errors } : { value: f };
}

/** The filter back as form fields (to re-fill the form of a saved segment). */
export function filterToForm(f: SegmentFilter): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of ['memberTypeIds', 'roleIds', 'skillIds', 'activityIds'] as const)
    if (f[key]) out[key] = f[key]!.map(String);
  if (f.kinds) out.kinds = f.kinds;
  if (f.mailPreferences) out.mailPreferences = f.mailPreferences;
  if (f.prefectures) out.prefectures = f.prefectures;
  if (f.dues) out.dues = f.dues;
  if (f.city) out.city = f.city;
  if (f.postalPrefix) out.postalPrefix = f.postalPrefix;
  if (f.joinedFrom) out.joinedFrom = f.joinedFrom;
  if (f.joinedTo) out.joinedTo = f.joinedTo;
  if (f.donated)
    Object.assign(out, {
      donated: '1',
      donatedFrom: f.donated.from ?? '',
      donatedTo: f.donated.to ?? '',
      donatedMin: f.donated.minTotal ? String(f.donated.minTotal) : '',
    });
  if (f.birthMonth) out.birthMonth = String(f.birthMonth);
  if (f.hasEmail !== undefined) out.hasEmail = f.hasEmail ? 'yes' : 'no';
  return out;
}
