/** Phone numbers in one canonical hyphenated form. Pure functions. */

/** Digits only (full-width converted); a leading +81 country code becomes 0. */
export function phoneDigits(s: string): string {
  const d = s.normalize('NFKC').replace(/\D/g, '');
  return s.normalize('NFKC').trim().startsWith('+81') ? '0' + d.slice(2) : d;
}

const TWO_DIGIT_AREAS = ['03', '06'];
const FOUR_DIGIT_PREFIXES = ['0120', '0800', '0570'];

/** '０３（１２３４）５６７８' → '03-1234-5678'; '09012345678' → '090-1234-5678'; null when not a Japanese number. */
export function normalizePhone(s: string): string | null {
  const d = phoneDigits(s);
  if (!/^0\d{9,10}$/.test(d)) return null;
  if (d.length === 11) {
    if (!/^0[5789]0/.test(d)) return null;
    return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  }
  if (FOUR_DIGIT_PREFIXES.some((p) => d.startsWith(p))) return `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`;
  if (TWO_DIGIT_AREAS.some((p) => d.startsWith(p))) return `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6)}`;
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
}
