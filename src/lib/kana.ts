/** Kana and text normalisation for 入力ルールの統一. Pure functions. */

const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
const HALFWIDTH_KANA = /[\uFF61-\uFF9F]+/g;
const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/g;

/** Half-width katakana → full-width (joining ﾞﾟ), hiragana → katakana; other characters unchanged. */
export function toFullKatakana(s: string): string {
  return s.replace(HALFWIDTH_KANA, (m) => m.normalize('NFKC')).replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Full-width spaces, tabs and runs of spaces → one ASCII space; trimmed. */
export function normalizeSpaces(s: string): string {
  return s.replace(/[\s\u3000]+/g, ' ').trim();
}

/** For フリガナ input: katakana, full-width ASCII to ASCII, one space between parts. */
export function normalizeKanaName(s: string): string {
  return normalizeSpaces(toFullKatakana(s.replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))).replace(/[ｰ－‐]/g, 'ー'));
}

/** For names and addresses: full-width ASCII → ASCII, half-width kana → full-width; kanji untouched. */
export function normalizeText(s: string): string {
  return normalizeSpaces(s.replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(HALFWIDTH_KANA, (m) => m.normalize('NFKC')));
}

/** Search/sort key: katakana without spaces or middle dots. */
export function kanaSearchKey(s: string): string {
  return normalizeKanaName(s).replace(/[\s・･]/g, '');
}

export function isKatakanaName(s: string): boolean {
  return /^[\u30A1-\u30FAー・ ]+$/.test(normalizeKanaName(s));
}
