/** Kana and text normalisation for 入力ルールの統一. Pure functions. */

const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
const HALFWIDTH_KANA = /[\uFF61-\uFF9F]+/g;
const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/g;
// Kana followed by a separate (combining or spacing) voiced mark, e.g. NFD text pasted from macOS
// or 'カﾞ' typed with a stray half-width mark: compose it into one character.
const LOOSE_VOICED_MARK = /([\u3041-\u30FF])([\u3099\u309A\u309B\u309C])/g;
// Hyphen-like characters people type for the long-vowel mark in kana (コ-ヒ- for コーヒー).
const DASH_AFTER_KANA = /(?<=[\u30A1-\u30FAー])[-‐‑–—―−－]/g;

function fullwidthAsciiToAscii(s: string): string {
  return s.replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function composeVoicedMarks(s: string): string {
  return s.replace(LOOSE_VOICED_MARK, (_m, base: string, mark: string) => {
    const combining = mark === '\u309B' ? '\u3099' : mark === '\u309C' ? '\u309A' : mark;
    const composed = (base + combining).normalize('NFC');
    // Keep the input unchanged when the pair has no precomposed form (e.g. ア + ゛).
    return composed.length === 1 ? composed : base + mark;
  });
}

/** Half-width katakana → full-width (joining ﾞﾟ), hiragana → katakana; other characters unchanged. */
export function toFullKatakana(s: string): string {
  const widened = s.replace(HALFWIDTH_KANA, (m) => m.normalize('NFKC'));
  return composeVoicedMarks(widened).replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Full-width spaces, tabs and runs of spaces → one ASCII space; trimmed. */
export function normalizeSpaces(s: string): string {
  return s.replace(/[\s\u3000]+/g, ' ').trim();
}

/** For フリガナ input: katakana, full-width ASCII to ASCII, one space between parts. */
export function normalizeKanaName(s: string): string {
  // Dashes are turned into ー before full-width ASCII is narrowed, so that '－' is caught too.
  return normalizeSpaces(fullwidthAsciiToAscii(toFullKatakana(s).replace(DASH_AFTER_KANA, 'ー')));
}

/**
 * For names and addresses: full-width ASCII → ASCII, half-width kana → full-width, spaces unified.
 * Not plain NFKC: that would also turn '①' into '1' and '髙'-style variants or '㈱' into other text.
 */
export function normalizeText(s: string): string {
  return normalizeSpaces(fullwidthAsciiToAscii(s).replace(HALFWIDTH_KANA, (m) => m.normalize('NFKC')));
}

/** Search/sort key: katakana without spaces or middle dots. */
export function kanaSearchKey(s: string): string {
  return normalizeKanaName(s).replace(/[\s・･]/g, '');
}

/** True when the (normalised) input is only full-width katakana, ー, ・ and spaces. */
export function isKatakanaName(s: string): boolean {
  return /^[\u30A1-\u30FAー・ ]+$/.test(normalizeKanaName(s));
}

const HALF_KANA = new Map<string, string>();
for (let c = 0xff66; c <= 0xff9f; c++) {
  const half = String.fromCharCode(c);
  const full = half.normalize('NFKC');
  if (!HALF_KANA.has(full)) HALF_KANA.set(full, half);
}
HALF_KANA.set('\u3099', 'ﾞ').set('\u309A', 'ﾟ').set('ヰ', 'ｲ').set('ヱ', 'ｴ');

// 全銀 transfer names have no small kana: banks print ｼﾖｳﾃﾝ for ショウテン.
const SMALL_TO_LARGE: Record<string, string> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ッ: 'ツ', ヮ: 'ワ' };

/** 'ヤマダ タロウ' → 'ﾔﾏﾀﾞﾀﾛｳ': the payer name as a bank statement shows it (half-width, no spaces, no small kana). */
export function toBankKana(s: string): string {
  const large = normalizeKanaName(s).replace(/[\s・]/g, '').replace(/[ァィゥェォャュョッヮ]/g, (c) => SMALL_TO_LARGE[c]!);
  return [...large.normalize('NFD')].map((ch) => HALF_KANA.get(ch) ?? ch).join('');
}
