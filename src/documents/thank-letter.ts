/**
 * 礼状 (thank-you letter) text: 前文・主文・末文・後付け composed from the templates and the
 * etiquette tables. Pure apart from reading templates; the drawers (horizontal, vertical) only lay it out.
 */
import { formatDateJa } from '../lib/dates.js';
import { toKanjiNumerals } from '../lib/kanji-numerals.js';
import { formatYenJa } from '../lib/money.js';
import type { AddressTo } from './address-block.js';
import { closingFor, hasSeasonalGreeting, seasonalGreeting, type Salutation } from './letter-etiquette.js';
import type { OrgInfo } from './letter-layout.js';
import { renderParagraphs } from './templates.js';

export type LetterKind = 'dues' | 'donation' | 'gift';

export interface ThankLetterDoc {
  kind: LetterKind;
  to: AddressTo & { memberNo: string };
  /** The date printed on the letter (and the month of its seasonal greeting). */
  letterDate: string;
  amount?: number;
  /** Part of a dues payment left over as a donation, thanked in the same letter. */
  donationAmount?: number;
  receivedOn?: string;
  fiscalYearLabel?: string;
  purpose?: string | null;
  gift?: string | null;
}

export interface LetterText {
  title: string;
  /** 前文; for 前略 only the word itself, which goes straight to the matter. */
  opening: string;
  body: string[];
  closing: string;
  date: string;
  sender: string[];
  /** 後付け addressee, e.g. 山田 太郎 様. */
  addressee: string;
}

export const LETTER_TITLES: Record<LetterKind, string> = {
  dues: '会費ご入金のお礼',
  donation: 'ご寄附のお礼',
  gift: 'ご寄贈のお礼',
};
const TEMPLATE: Record<LetterKind, string> = {
  dues: 'letters/dues-thanks',
  donation: 'letters/donation-thanks',
  gift: 'letters/gift-thanks',
};
export const LETTER_TEMPLATES = ['letters/opening', ...Object.values(TEMPLATE)];

/** Whom the 前文 speaks to: the named contact, the person, or the organisation as a whole. */
function readerName(to: AddressTo): string {
  if (to.contactPerson?.trim()) return `${to.contactPerson.trim()}様`;
  return to.honorific === '御中' ? '貴団体' : `${to.name.trim()}様`;
}

export function addresseeLine(to: AddressTo): string {
  return to.contactPerson?.trim()
    ? `${to.name.trim()} ${to.contactPerson.trim()} 様`
    : `${to.name.trim()} ${to.honorific}`;
}

/** The merge fields of a letter; amounts and dates are formatted as printed. */
export function letterFields(d: ThankLetterDoc, org: OrgInfo): Record<string, string | undefined> {
  const date = (iso?: string) => (iso ? formatDateJa(iso, org.era) : undefined);
  return {
    宛名: readerName(d.to),
    氏名: d.to.name,
    敬称: d.to.honorific,
    会員番号: d.to.memberNo,
    団体名: org.name,
    代表者: org.representative,
    年度: d.fiscalYearLabel,
    金額: d.amount === undefined ? undefined : formatYenJa(d.amount),
    寄附金額: d.donationAmount ? formatYenJa(d.donationAmount) : undefined,
    入金日: date(d.receivedOn),
    受取日: date(d.receivedOn),
    寄附の目的: d.purpose ?? undefined,
    頂いた物: d.gift ?? undefined,
  };
}

/** Throws TemplateFieldError when a field the letter needs is empty (nothing is drawn then). */
export function composeLetter(
  d: ThankLetterDoc,
  org: OrgInfo,
  opts: { salutation: Salutation; vertical?: boolean },
): LetterText {
  return compose(LETTER_TITLES[d.kind], TEMPLATE[d.kind], letterFields(d, org), d, org, opts);
}

/** Letters that thank for nothing: the greeting of the special-days list. */
export type GreetingKind = 'birthday';
export const GREETING_TITLES: Record<GreetingKind, string> = { birthday: 'お誕生日のお祝い' };
const GREETING_TEMPLATE: Record<GreetingKind, string> = { birthday: 'letters/birthday' };
export const GREETING_TEMPLATES = ['letters/opening', ...Object.values(GREETING_TEMPLATE)];

export interface GreetingLetterDoc {
  to: AddressTo & { memberNo: string };
  letterDate: string;
  /** The age the member turns (年齢), when the birth year is known. */
  turns?: number | null;
}

/** A greeting letter (誕生日のお祝い …) from its template; the same 前文 and 末文 as a 礼状. */
export function composeGreeting(
  kind: GreetingKind,
  d: GreetingLetterDoc,
  org: OrgInfo,
  opts: { salutation: Salutation; vertical?: boolean },
): LetterText {
  const fields = {
    宛名: readerName(d.to),
    氏名: d.to.name,
    敬称: d.to.honorific,
    会員番号: d.to.memberNo,
    団体名: org.name,
    代表者: org.representative,
    年齢: d.turns ? `${d.turns}歳` : undefined,
  };
  return compose(GREETING_TITLES[kind], GREETING_TEMPLATE[kind], fields, d, org, opts);
}

function compose(
  title: string,
  template: string,
  fields: Record<string, string | undefined>,
  d: { to: AddressTo; letterDate: string },
  org: OrgInfo,
  opts: { salutation: Salutation; vertical?: boolean },
): LetterText {
  const vertical = (s: string) => (opts.vertical ? toVerticalText(s) : s);
  const opening = hasSeasonalGreeting(opts.salutation)
    ? renderParagraphs(org.templates, 'letters/opening', {
        ...fields,
        頭語: opts.salutation,
        時候の挨拶: seasonalGreeting(d.letterDate),
      }).join('')
    : opts.salutation;
  return {
    title,
    opening: vertical(opening),
    body: renderParagraphs(org.templates, template, fields).map(vertical),
    closing: closingFor(opts.salutation),
    date: vertical(formatDateJa(d.letterDate, org.era)),
    sender: [org.name, org.representative ?? ''].filter(Boolean).map(vertical),
    addressee: vertical(addresseeLine(d.to)),
  };
}

/** Numbers in 漢数字 and Latin letters full-width, as vertical text writes them. */
export function toVerticalText(s: string): string {
  return toKanjiNumerals(s)
    .replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/ /g, '　');
}
