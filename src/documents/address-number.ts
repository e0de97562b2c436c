/**
 * カスタマバーコード data: the 7-digit postal code and the 住所表示番号 taken from the address
 * following Japan Post's rule (バーコード付郵便物 マニュアル「住所表示番号の抜き出し方法」). Pure.
 */

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十一 → 21, 十 → 10, 百二 → 102, 一〇五 → 105 (digit by digit when there is no unit). */
export function kanjiToNumber(s: string): number {
  if (![...s].some((c) => c in KANJI_UNITS)) return Number([...s].map((c) => KANJI_DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in KANJI_DIGITS) digit = KANJI_DIGITS[c]!;
    else {
      total += (digit || 1) * KANJI_UNITS[c]!;
      digit = 0;
    }
  }
  return total + digit;
}

// The words that end a number in an address; 番地 before 番 and 丁目 before 丁 (longest first).
const MARKERS = '丁目|丁|番地|番|号|地割|線|の|ノ';
const KANJI_NUMBER = new RegExp(`([〇一二三四五六七八九十百千]+)(?=${MARKERS})`, 'g');

/**
 * 「千葉市稲毛区緑町3丁目30-8 郵便ビル403号」 → '3-30-8-403'. Letters are capitalised; & / ・ .
 * are dropped; kanji numbers before 丁目・番地・号… become digits; the markers and any other
 * character separate numbers; two or more letters in a row (a building's name) are dropped;
 * a letter right after a number (10F) separates; a single letter before a number (B604) stays.
 */
export function addressNumber(address: string): string {
  let s = address
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[&/・.]/g, '');
  s = s.replace(KANJI_NUMBER, (k) => String(kanjiToNumber(k)));
  s = s.replace(new RegExp(MARKERS, 'g'), '-').replace(/[‐‑‒–—―−ー－-]/g, '-');
  s = s.replace(/[A-Z]{2,}/g, '-').replace(/(\d)[A-Z]/g, '$1-');
  s = s
    .replace(/[^0-9A-Z-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  // A letter left alone between separators (棟 names such as 「A棟」) is kept like Japan Post does.
  return s;
}

/** Barcode positions: a digit or hyphen takes one, a letter two (control code + digit). */
const width = (c: string) => (/[A-Z]/.test(c) ? 2 : 1);

/**
 * The barcode text: postal digits + address number, cut so it fills at most the 20 data
 * positions (the rest is padding the encoder adds); a cut never ends on a hyphen.
 */
export function customerBarcodeData(postalCode: string, address: string): string | null {
  const digits = postalCode.normalize('NFKC').replace(/\D/g, '');
  if (digits.length !== 7) return null;
  let out = digits;
  let used = 7;
  for (const c of addressNumber(address)) {
    if (used + width(c) > 20) break;
    out += c;
    used += width(c);
  }
  return out.replace(/-+$/, '');
}
