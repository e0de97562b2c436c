/** E-mail addresses. Pure functions. */

/**
 * Trimmed, NFKC (full-width ＠ and letters narrowed), domain lower-cased; null when not a
 * plausible address. The local part keeps its case: some mail servers treat it as significant.
 */
export function normalizeEmail(s: string): string | null {
  const v = s.normalize('NFKC').trim();
  const m = /^([^\s@]+)@([^\s@.]+(?:\.[^\s@.]+)+)$/.exec(v);
  if (!m || v.length > 254) return null;
  return `${m[1]}@${m[2]!.toLowerCase()}`;
}
