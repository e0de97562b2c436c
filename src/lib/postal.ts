/** '〒１６０－００２２' → '160-0022'; null unless exactly 7 digits. */
export function normalizePostalCode(s: string): string | null {
  const d = s.normalize('NFKC').replace(/〒/g, '').replace(/[\s-‐－ー]/g, '');
  if (!/^\d{7}$/.test(d)) return null;
  return `${d.slice(0, 3)}-${d.slice(3)}`;
}
