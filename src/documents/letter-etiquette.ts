/** The customary parts of a Japanese letter (頭語・結語, 時候の挨拶). Pure tables and rules. */

/** 頭語 → its 結語; they are never mixed. 前略 skips the seasonal greeting altogether. */
export const SALUTATION_PAIRS = {
  拝啓: '敬具', // standard
  謹啓: '謹白', // formal
  拝復: '敬具', // replying to a letter
  前略: '草々', // brief; not for superiors
} as const;
export type Salutation = keyof typeof SALUTATION_PAIRS;

export function isSalutation(s: string): s is Salutation {
  return Object.hasOwn(SALUTATION_PAIRS, s);
}

export function closingFor(opening: Salutation): string {
  return SALUTATION_PAIRS[opening];
}

/** Whether the 前文 (seasonal greeting and wishes for the reader's health) is written at all. */
export function hasSeasonalGreeting(opening: Salutation): boolean {
  return opening !== '前略';
}

/** One standard 時候の挨拶 per month (index 0 = January). */
export const SEASONAL_GREETINGS = [
  '厳寒の候', '余寒の候', '早春の候', '陽春の候', '新緑の候', '梅雨の候',
  '盛夏の候', '残暑の候', '初秋の候', '秋冷の候', '晩秋の候', '初冬の候',
] as const;

/** 松の内 ends on 7 January in most of Japan (15 January in parts of Kansai: pass 15). */
export const MATSU_NO_UCHI_LAST_DAY = 7;

/** The seasonal phrase for a letter dated `isoDate`: 新春の候 within 松の内, else the month's phrase. */
export function seasonalGreeting(isoDate: string, matsuNoUchiLastDay = MATSU_NO_UCHI_LAST_DAY): string {
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  if (!(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) throw new RangeError(`日付ではありません: ${isoDate}`);
  if (month === 1 && day <= matsuNoUchiLastDay) return '新春の候';
  return SEASONAL_GREETINGS[month - 1]!;
}
