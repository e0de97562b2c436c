/** Phone numbers in one canonical hyphenated form. Pure functions. */

/** Digits only (full-width converted); a leading +81 country code becomes 0. */
export function phoneDigits(s: string): string {
  const v = s.normalize('NFKC').trim();
  const d = v.replace(/\D/g, '');
  if (!/^\+\s*81/.test(v)) return d;
  // '+81 (0)3-…' keeps the trunk 0 that '+81' replaces: drop it so it is not doubled.
  return '0' + d.slice(2).replace(/^0/, '');
}

// Only Tokyo and Osaka have 2-digit area codes. Landlines with 4- or 5-digit area codes
// (0422, 01267 …) are shown as 3-3-4: without the full area-code table we cannot split them
// correctly, and search uses phoneDigits, so only the display is affected.
const TWO_DIGIT_AREAS = ['03', '06'];
// Toll-free and shared-cost numbers of 10 digits: 0120-123-456, 0570-…, 0990-….
const FOUR_THREE_THREE = ['0120', '0570', '0990'];

/** '０３（１２３４）５６７８' → '03-1234-5678'; '09012345678' → '090-1234-5678'; null when not a Japanese number. */
export function normalizePhone(s: string): string | null {
  const d = phoneDigits(s);
  if (!/^0\d{9,10}$/.test(d)) return null;
  if (d.length === 11) {
    if (d.startsWith('0800')) return `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`;
    // 11-digit numbers: mobile (070/080/090), IP phone (050), M2M (020), 060.
    if (!/^0[2-9]0/.test(d)) return null;
    return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  }
  // A 10-digit number starting 0X0 is a truncated mobile/IP number, not a landline.
  if (/^0[2-9]0/.test(d)) return null;
  if (FOUR_THREE_THREE.some((p) => d.startsWith(p))) return `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`;
  if (TWO_DIGIT_AREAS.some((p) => d.startsWith(p))) return `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6)}`;
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
}
