/**
 * Payer-name normalisation (振込依頼人名): what the bank keyed, made comparable with members'
 * フリガナ. Both sides go through kanaKey, so 'ﾔﾏﾀﾞ ﾀﾛｳ' and 'ヤマダ タロウ' give one key. Pure.
 */

const SMALL_KANA: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
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
const LEGAL_FORMS = [
  'セイキヨウ',
  'キヨウクミ',
  'トクヒ',
  'シユウ',
  'ザイ',
  'シヤ',
  'ガク',
  'フク',
  'ギヨ',
  'ノウ',
  'ベン',
  'ゼイ',
  'カ',
  'ユ',
  'ド',
  'メ',
  'シ',
  'イ',
];
const LEGAL_ALT = LEGAL_FORMS.join('|');
const LEGAL_FRONT = new RegExp(`^\\(?(?:${LEGAL_ALT})\\)`);
const LEGAL_BACK = new RegExp(`\\((?:${LEGAL_ALT})\\)?$`);
// Words some exports put before the name (振込 ﾔﾏﾀﾞ, ﾌﾘｺﾐ ﾔﾏﾀﾞ, 振込＊ﾔﾏﾀﾞ).
const PREFIXES =
  /^(?:振込|振替|送金|電信|フリコミ|フリカエ|ソウキン|デンシン|テレバン)(?=[\s*:：・)）]|[ァ-ヶ一-龯A-Z0-9])[\s*:：・)）]*/;

// The same legal forms written out (banks use them when the account name is spelled in full) or in
// kanji (ゆうちょ slips, ㈱ which NFKC turns into (株)). Compared after small kana are made large.
const LEGAL_WORDS = [
  'トクテイヒエイリカツドウホウジン',
  'NPOホウジン',
  'イツパンシヤダンホウジン',
  'コウエキシヤダンホウジン',
  'イツパンザイダンホウジン',
  'コウエキザイダンホウジン',
  'シヤカイフクシホウジン',
  'イリヨウホウジン',
  'ガツコウホウジン',
  'シユウキヨウホウジン',
  'カブシキガイシヤ',
  'カブシキカイシヤ',
  'ユウゲンガイシヤ',
  'ユウゲンカイシヤ',
  'ゴウドウガイシヤ',
  'ゴウドウカイシヤ',
  'セイカツキヨウドウクミアイ',
  'キヨウドウクミアイ',
  '特定非営利活動法人',
  'NPO法人',
  '一般社団法人',
  '公益社団法人',
  '一般財団法人',
  '公益財団法人',
  '社会福祉法人',
  '医療法人',
  '学校法人',
  '宗教法人',
  '株式会社',
  '有限会社',
  '合同会社',
  '合名会社',
  '合資会社',
  '生活協同組合',
  '協同組合',
  '\\((?:株|有|同|名|資|社|財|福|医|学|宗|特非|NPO)\\)',
].join('|');
const WORD_FRONT = new RegExp(`^(?:${LEGAL_WORDS})\\s*`);
const WORD_BACK = new RegExp(`\\s*(?:${LEGAL_WORDS})$`);
// Branch or office words after an organisation's name (ｶ)ﾐﾄﾞﾘｼﾖｳｼﾞ ｼﾝｼﾞﾕｸｼﾃﾝ): not part of the name.
const BRANCH = /\s+\S*(?:シテン|エイギヨウシヨ|シユツチヨウシヨ|ホンシヤ|ホンテン|シシヤ|ジムシヨ|ジムキヨク)$/;
// A member number written with a word or sign before it (NO.1024, ｶｲｲﾝ1024, #1024) or in brackets.
const NO_MARK = '(?:NO\\.?|カイイン(?:バンゴウ)?|バンゴウ|#)?';
const LEAD_NO = new RegExp(`^${NO_MARK}[(\\[]?(\\d{1,8})(?:[)\\]]\\s*|[\\s\\-_.,:：]+|(?=\\D))`);
const TRAIL_NO = new RegExp(`(?:[\\s\\-_.,:：]+|(?<=\\D))${NO_MARK}[(\\[]?(\\d{1,8})[)\\]]?$`);

function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** NFKC (half-width → full-width kana, full-width digits → ASCII), katakana, upper case. */
function widen(raw: string): string {
  // Spacing voiced marks (ﾀ゛) become half-width ones first, so NFKC joins them into ダ.
  return toKatakana(
    raw
      .replace(/\u309B/g, '\uFF9E')
      .replace(/\u309C/g, '\uFF9F')
      .normalize('NFKC'),
  )
    .toUpperCase()
    .trim();
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
  /** A member number written before or after the name, if any (leading zeros dropped). */
  memberNo: string | null;
  /** A legal-form abbreviation was present: the payer is an organisation. */
  corporate: boolean;
}

/** A leading or trailing member number taken out of the text (a payer of digits only is a number). */
function takeMemberNo(s: string): { rest: string; memberNo: string | null } {
  if (/^\d{1,8}$/.test(s)) return { rest: '', memberNo: String(Number(s)) };
  const lead = LEAD_NO.exec(s);
  if (lead) return { rest: s.slice(lead[0].length), memberNo: String(Number(lead[1])) };
  const trail = TRAIL_NO.exec(s);
  if (trail && trail.index > 0) return { rest: s.slice(0, trail.index), memberNo: String(Number(trail[1])) };
  return { rest: s, memberNo: null };
}

/** Strips legal forms (front or back, abbreviated or written out) and, for organisations, a branch word. */
function takeLegalForm(s: string): { rest: string; corporate: boolean } {
  let corporate = false;
  const strip = (re: RegExp, front: boolean) => {
    const m = re.exec(s);
    if (!m || m[0].length === s.length || (!front && m.index === 0)) return;
    corporate = true;
    s = front ? s.slice(m[0].length) : s.slice(0, m.index);
  };
  strip(LEGAL_FRONT, true);
  strip(WORD_FRONT, true);
  const withoutBranch = s.replace(BRANCH, '');
  if (withoutBranch !== s && (corporate || LEGAL_BACK.test(withoutBranch) || WORD_BACK.test(withoutBranch)))
    s = withoutBranch;
  strip(LEGAL_BACK, false);
  strip(WORD_BACK, false);
  return { rest: s, corporate };
}

export function normalizePayer(raw: string): NormalizedPayer {
  const s = widen(raw).replace(/\s+/g, ' ').replace(PREFIXES, '').trim();
  const { rest, memberNo } = takeMemberNo(s);
  const large = rest
    .trim()
    .replace(/\s*([()])\s*/g, '$1')
    .replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => SMALL_KANA[c]!);
  const { rest: name, corporate } = takeLegalForm(large);
  return { key: kanaKey(name), memberNo, corporate };
}
