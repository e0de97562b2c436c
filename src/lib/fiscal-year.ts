/** 年度 (fiscal year) arithmetic on 'YYYY-MM-DD' strings. Pure functions. */

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`年度の開始月が不正です: ${startMonth}`);
  }
}

/** The fiscal year is named after the calendar year in which it starts: 2027-03-31 → 2026 (April start). */
export function fiscalYearOf(iso: string, startMonth = 4): number {
  checkStartMonth(startMonth);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

/** First and last day: 2026 → { start: '2026-04-01', end: '2027-03-31' }. */
export function fiscalYearRange(year: number, startMonth = 4): { start: string; end: string } {
  checkStartMonth(startMonth);
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  // Day 0 of the start month one year later is the last day of the previous month.
  const last = new Date(Date.UTC(year + 1, startMonth - 1, 0));
  return { start, end: last.toISOString().slice(0, 10) };
}

export function fiscalYearLabel(year: number): string {
  return `${year}年度`;
}
