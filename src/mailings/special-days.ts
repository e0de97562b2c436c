/** Birthdays of a month and the dormant-supporter cutoff. Pure. */

export interface BirthdayRow {
  birthDate: string;
}

/** Age reached on this year's birthday; the day printed (29 Feb in a common year is kept as 29). */
export function birthdayOf(birthDate: string, year: number): { month: number; day: number; turns: number } {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return { month: m, day: d, turns: year - y };
}

/** By day of the month, then by member number. */
export function sortBirthdays<T extends BirthdayRow & { memberNo: number }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) => Number(a.birthDate.slice(8, 10)) - Number(b.birthDate.slice(8, 10)) || a.memberNo - b.memberNo,
  );
}

/**
 * The date `months` months before today; a day the earlier month lacks becomes its last day
 * (2026-03-31 minus one month is 2026-02-28).
 */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface LastContacts {
  paidOn: string | null;
  donatedOn: string | null;
  attendedOn: string | null;
  recordedOn: string | null;
}

/** The latest of the contacts, or null when there was none. */
export function lastContact(c: LastContacts): string | null {
  return (
    [c.paidOn, c.donatedOn, c.attendedOn, c.recordedOn]
      .filter((d): d is string => !!d)
      .sort()
      .pop() ?? null
  );
}

/** Dormant: no contact of any kind on or after the cutoff (and a member since before it). */
export function isDormant(c: LastContacts, joinedOn: string | null, cutoff: string): boolean {
  const last = lastContact(c);
  return (last === null || last < cutoff) && (joinedOn === null || joinedOn < cutoff);
}
