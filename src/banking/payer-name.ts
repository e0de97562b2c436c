/**
 * Payer-name normalisation (振込依頼人名): what the bank keyed, made comparable with members'
 * フリガナ. Both sides go through kanaKey, so 'ﾔﾏﾀﾞ ﾀﾛｳ' and 'ヤマダ タロウ' give one key. Pure.
 */

const SMALL_KANA: Record<string, string> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
};
// Variants banks and people mix up; folded on both sides so they compare equal.
const VARIANTS: Record<string, string> = { ヂ: 'ジ', ヅ: 'ズ', ヲ: 'オ', ヴ: 'ブ', ヰ: 'イ', ヱ: 'エ' };
// Long-vowel marks and dashes are dropped: banks send ｰ, '-', or nothing at all.
const LONG_VOWELS = /[ーｰ\-‐‑‒–—―−~〜]/g;
const SEPARATORS = /[\s\u3000・･.,，、。/／*＊_:：;；'"`()（）「」[\]【】]/g;

/**
 * Legal-form abbreviations as banks write them, before or after the name: ｶ)ﾐﾄﾞﾘ, ﾐﾄﾞﾘ(ｶ, (ｶ)ﾐﾄﾞﾘ.
 * Longest first so ｼﾔ) is not read as ｼ).
 */
const LEGAL_FORMS = ['セイキヨウ', 'キヨウクミ', 'トクヒ', 'シユウ', 'ザイ', 'シヤ', 'ガク', 'フク', 'ギヨ', 'ノウ', 'ベン', 'ゼイ', 'カ', 'ユ', 'ド', 'メ', 'シ', 'イ'];
const LEGAL_ALT = LEGAL_FORMS.join('|');
const LEGAL_FRONT = new RegExp(`^\\(?(?:${LEGAL_ALT})\\)`);
const LEGAL_BACK = new RegExp(`\\((?:${LEGAL_ALT})\\)?$`);
// Words some exports put before the name (振込 ﾔﾏﾀﾞ, ﾌﾘｺﾐ ﾔﾏﾀﾞ, 振込＊ﾔﾏﾀﾞ).
const PREFIXES = /^(?:振込|振替|送金|電信|フリコミ|フリカエ|ソウキン|デンシン|テレバン)(?=[\s*:：・)）]|[ァ-ヶ一-龯A-Z0-9])[\s*:：・)）]*/;

function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** NFKC (half-width → full-width kana, full-width digits → ASCII), katakana, upper case. */
function widen(raw: string): string {
  // Spacing voiced marks (ﾀ゛) become half-width ones first, so NFKC joins them into ダ.
  return toKatakana(raw.replace(/\u309B/g, '\uFF9E').replace(/\u309C/g, '\uFF9F').normalize('NFKC')).toUpperCase().trim();
}

/** The comparable form of a kana (or kanji) name: no spaces or separators, large kana, variants folded. */
export function kanaKey(s: string): string {
  return widen(s)
    .replace(LONG_VOWELS, '')
    .replace(SEPARATORS, '')
    .replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => SMALL_KANA[c]!)
    .replace(/[ヂヅヲヴヰヱ]/g, (c) => VARIANTS[c]!);
}

export interface NormalizedPayer {
  /** The name alone, as kanaKey gives it (no member number, prefix or legal form). */
  key: string;
  /** A member number written before or after the name, if any. */
  memberNo: string | null;
  /** A legal-form abbreviation was present: the payer is an organisation. */
  corporate: boolean;
}

export function normalizePayer(raw: string): NormalizedPayer {
  let s = widen(raw).replace(/\s+/g, ' ');
  s = s.replace(PREFIXES, '').trim();
  let memberNo: string | null = null;
  const lead = /^(\d{1,8})(?:[\s\-_.,:：]+|(?=\D))/.exec(s);
  const trail = /(?:[\s\-_.,:：]+|(?<=\D))(\d{1,8})$/.exec(s);
  if (lead && !/^\d+$/.test(s)) {
    memberNo = String(Number(lead[1]));
    s = s.slice(lead[0].length);
  } else if (trail) {
    memberNo = String(Number(trail[1]));
    s = s.slice(0, s.length - trail[0].length);
  }
  s = s.trim().replace(/\s*([()])\s*/g, '$1');
  let corporate = false;
  const front = LEGAL_FRONT.exec(s);
  if (front) {
    corporate = true;
    s = s.slice(front[0].length);
  }
  const back = LEGAL_BACK.exec(s);
  if (back && back.index > 0) {
    corporate = true;
    s = s.slice(0, back.index);
  }
  return { key: kanaKey(s), memberNo, corporate };
}
