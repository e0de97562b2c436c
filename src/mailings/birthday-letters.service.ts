import type { EntityManager } from '../db/orm.js';
import { isSalutation } from '../documents/letter-etiquette.js';
import type { OrgInfo } from '../documents/letter-layout.js';
import { composeGreeting, GREETING_TEMPLATES, type GreetingLetterDoc } from '../documents/thank-letter.js';
import { renderThankLetters, type PrintableLetter } from '../documents/thank-letter.pdf.js';
import { todayInTokyo } from '../lib/dates.js';
import { orgInfo } from '../letters/thank-sources.js';
import { EDITOR_TEXT } from '../letters/ui-text.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { displayName, honorific } from '../members/member.model.js';
import { type Excluded, segmentMembers } from './segments.service.js';
import { birthdayList } from './special-days.service.js';
import { SPECIAL_DAYS } from './ui-text.js';

export interface BirthdayLetters {
  org: OrgInfo;
  letters: (PrintableLetter & { letter: GreetingLetterDoc })[];
  /** Members with a birthday this month who get no paper mail (withdrawn, 宛先不明, 郵送不要), with the reason. */
  excluded: Excluded[];
}

/**
 * お誕生日のお祝い状 for the members born in `month`, in birthday order: the template
 * letters/birthday (editable like every letter), the 頭語 of the letters setting, dated today. The
 * paper-mail exclusions apply. Every letter is composed before any page is drawn, so a missing
 * merge field or an empty list stops with a message and nothing printed.
 */
export async function birthdayLetters(
  em: EntityManager,
  dataDir: string,
  month: number,
  opts: { layout: 'horizontal' | 'vertical'; today?: string },
): Promise<BirthdayLetters> {
  const today = opts.today ?? todayInTokyo();
  const org = await orgInfo(em, dataDir, GREETING_TEMPLATES);
  const s = await getSettings(em);
  const salutation = isSalutation(s['letters.salutation']) ? s['letters.salutation'] : EDITOR_TEXT.defaultSalutation;
  const order = new Map((await birthdayList(em, month, today)).map((b, i) => [b.id, { i, turns: b.turns }]));
  const { recipients, excluded } = await segmentMembers(em, { birthMonth: month }, 'post');
  const letters = recipients
    .filter((r) => order.has(r.id))
    .sort((a, b) => order.get(a.id)!.i - order.get(b.id)!.i)
    .map((r) => {
      const letter: GreetingLetterDoc = {
        to: {
          memberNo: String(r.memberNo),
          name: displayName(r as Parameters<typeof displayName>[0]),
          honorific: honorific(r as Parameters<typeof honorific>[0]),
          contactPerson: r.contactPerson,
          postalCode: r.postalCode,
          prefecture: r.prefecture,
          city: r.city,
          address1: r.address1,
          address2: r.address2,
        },
        letterDate: today,
        turns: order.get(r.id)!.turns || null,
      };
      const text = composeGreeting('birthday', letter, org, { salutation, vertical: opts.layout === 'vertical' });
      return { letter, text };
    });
  if (!letters.length) throw new UserError(SPECIAL_DAYS.noBirthdayLetters(month), 422);
  return { org, letters, excluded };
}

/** The letters into one PDF (horizontal with the address in the envelope window, or 縦書き). */
export async function writeBirthdayLetters(
  em: EntityManager,
  dataDir: string,
  month: number,
  opts: { layout: 'horizontal' | 'vertical'; today?: string },
): Promise<(out: NodeJS.WritableStream) => Promise<number>> {
  const { org, letters } = await birthdayLetters(em, dataDir, month, opts);
  return (out) => renderThankLetters(letters, org, { layout: opts.layout }, out);
}
