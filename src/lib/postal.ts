/** Japanese postal codes (郵便番号). Pure functions. */

/** '〒１６０－００２２', '160 0022', '1600022' → '160-0022'; null unless exactly 7 digits. */
export function normalizePostalCode(s: string): string | null {
  // ー and other dashes are common typing mistakes for the hyphen; 〒 may be pasted along.
  const d = s.normalize('NFKC').replace(/[〒\s\-‐‑–—―−ー]/g, '');
  if (!/^\d{7}$/.test(d)) return null;
  return `${d.slice(0, 3)}-${d.slice(3)}`;
}
