/** 礼状: the to-thank list, printing letters for it, and marking them sent (a separate, explicit step). */
import type { EntityManager } from '../db/orm.js';
import type { OrgInfo } from '../documents/letter-layout.js';
import { isSalutation } from '../documents/letter-etiquette.js';
import { LETTER_TEMPLATES, composeLetter, type ThankLetterDoc } from '../documents/thank-letter.js';
import { renderThankLetters, type PrintableLetter } from '../documents/thank-letter.pdf.js';
import { fiscalYearLabel, fiscalYearOf } from '../lib/fiscal-year.js';
import { todayInTokyo } from '../lib/dates.js';
import { displayName, honorific } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { ThankLetter } from './thank-letter.entity.js';
import { markSourceThanked, orgInfo, parseSourceKey, pendingSources, type ThankSource } from './thank-sources.js';
import { EDITOR_TEXT, TEXT } from './ui-text.js';

export type LetterLayout = 'horizontal' | 'vertical';
export interface PrintOptions {
  dataDir: string;
  letterDate?: string;
  layout?: LetterLayout;
  extraPages?: (doc: PDFKit.PDFDocument, item: PrintableLetter & { source: ThankSource }) => void;
}
export interface PrintResult {
  letters: { memberNo: string; kind: ThankSource['kind'] }[];
  pages: number;
  keys: string[];
}

export const toThankList = (em: EntityManager) => pendingSources(em);

function parseKeys(keys: string[]) {
  const parsed = [...new Set(keys)].map(parseSourceKey).filter((k) => k !== null);
  if (!parsed.length) throw new UserError(TEXT.nothingSelected, 422);
  return parsed;
}

export function letterDoc(s: ThankSource, letterDate: string, fiscalYearStartMonth: number): ThankLetterDoc {
  const m = s.member;
  return {
    kind: s.kind,
    letterDate,
    amount: s.amount,
    donationAmount: s.donationAmount,
    receivedOn: s.on,
    purpose: s.purpose,
    gift: s.gift,
    fiscalYearLabel: fiscalYearLabel(s.fiscalYear ?? fiscalYearOf(s.on, fiscalYearStartMonth)),
    to: {
      memberNo: String(m.memberNo),
      name: displayName(m),
      honorific: honorific(m),
      contactPerson: m.contactPerson,
      postalCode: m.postalCode,
      prefecture: m.prefecture,
      city: m.city,
      address1: m.address1,
      address2: m.address2,
    },
  };
}

/** Every letter's text is composed before the PDF starts, so a missing field stops the run with nothing drawn. */
async function printable(em: EntityManager, sources: ThankSource[], org: OrgInfo, opts: PrintOptions) {
  const s = await getSettings(em);
  const salutation = isSalutation(s['letters.salutation']) ? s['letters.salutation'] : EDITOR_TEXT.defaultSalutation;
  const layout = opts.layout ?? s['letters.layout'];
  const letterDate = opts.letterDate ?? todayInTokyo();
  const items = sources.map((source) => {
    const letter = letterDoc(source, letterDate, s.fiscalYearStartMonth);
    return { source, letter, text: composeLetter(letter, org, { salutation, vertical: layout === 'vertical' }) };
  });
  return { items, layout };
}

export interface PreparedLetters {
  result: Omit<PrintResult, 'pages'>;
  /** Draws the PDF into `out`; resolves with the number of pages. */
  render(out: NodeJS.WritableStream): Promise<number>;
}

/**
 * Letters for the given list keys ('dues:12', …) or, with 'all', the whole list: every text is
 * composed here, so a bad template or missing field fails before a byte is sent. Marks nothing.
 */
export async function prepareLetters(
  em: EntityManager,
  keys: string[] | 'all',
  opts: PrintOptions,
): Promise<PreparedLetters> {
  const sources = await pendingSources(em, keys === 'all' ? undefined : parseKeys(keys));
  const org = await orgInfo(em, opts.dataDir, LETTER_TEMPLATES);
  const { items, layout } = await printable(em, sources, org, opts);
  return {
    result: {
      letters: sources.map((s) => ({ memberNo: String(s.member.memberNo), kind: s.kind })),
      keys: sources.map((s) => s.key),
    },
    render: (out) => renderThankLetters(items, org, { layout, extraPages: opts.extraPages }, out),
  };
}

export async function printLetters(
  em: EntityManager,
  keys: string[] | 'all',
  opts: PrintOptions,
  out: NodeJS.WritableStream,
): Promise<PrintResult> {
  const prepared = await prepareLetters(em, keys, opts);
  return { ...prepared.result, pages: await prepared.render(out) };
}

/** One letter for a member with the member's own data (the template editor's preview); composed before it is drawn. */
export async function prepareLetterPreview(
  em: EntityManager,
  source: ThankSource,
  org: OrgInfo,
): Promise<(out: NodeJS.WritableStream) => Promise<number>> {
  const { items, layout } = await printable(em, [source], org, { dataDir: '' });
  return (out) => renderThankLetters(items, org, { layout }, out);
}

/**
 * Records the letters as sent on `sentOn`, in one transaction. Items no longer waiting (already
 * marked, reversed) are skipped, so marking twice never records twice. Returns the marked keys.
 */
export async function markLettersSent(em: EntityManager, keys: string[], sentOn: string): Promise<string[]> {
  const parsed = parseKeys(keys);
  return em.transactional(async (tx) => {
    const sources = await pendingSources(tx, parsed);
    for (const s of sources) {
      tx.create(ThankLetter, { member: s.member, kind: s.kind, sourceId: s.id, sentOn });
      await markSourceThanked(tx, s, sentOn);
    }
    await tx.flush();
    return sources.map((s) => s.key);
  });
}
