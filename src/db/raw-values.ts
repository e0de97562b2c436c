/**
 * A datetime column read by plain SQL: epoch milliseconds on SQLite, text such as
 * `2026-12-02 10:00:00.123+00` on PostgreSQL (stored in UTC: forceUtcTimezone).
 */
export function timestampOf(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number' || /^\d+$/.test(String(v))) return Number(v);
  const iso = String(v)
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00');
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`).getTime();
}

/** A date column read by plain SQL as 'YYYY-MM-DD' (text on both databases; a Date if a driver parsed it). */
export function dayOf(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').slice(0, 10);
}
