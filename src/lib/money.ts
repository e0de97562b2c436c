/** Money is an integer number of yen. Pure functions. */
// A backslash is accepted like '¥': Shift_JIS byte 0x5C decodes to a backslash in bank CSV exports.

function assertYen(n: number): void {
  // Fractions of a yen mean a calculation bug upstream; print nothing rather than a wrong amount.
  if (!Number.isSafeInteger(n)) throw new RangeError(`金額が整数ではありません: ${n}`);
}

// Own digit grouping instead of toLocaleString so output does not depend on the ICU build.
function groupDigits(n: number): string {
  return String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 12345 → '¥12,345'; -500 → '-¥500'. */
export function formatYen(n: number): string {
  assertYen(n);
  return (n < 0 ? '-¥' : '¥') + groupDigits(n);
}

/** 12345 → '12,345円'; -500 → '-500円'. */
export function formatYenJa(n: number): string {
  assertYen(n);
  return (n < 0 ? '-' : '') + groupDigits(n) + '円';
}

/** '5,000', '"5,000"', '５０００', '¥5,000', '5000円', '△500' → integer; null for decimals or junk. */
export function parseYen(s: string): number | null {
  let v = s
    .normalize('NFKC')
    .trim()
    .replace(/^"|"$/g, '')
    .replace(/[¥\\,\s]|円$/g, '');
  let sign = 1;
  if (/^[-−△▲]/.test(v)) {
    sign = -1;
    v = v.slice(1);
  }
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v) * sign;
  if (!Number.isSafeInteger(n)) return null;
  return n === 0 ? 0 : n; // no -0 from '△0'
}
