/** Money is an integer number of yen. */

export function formatYen(n: number): string {
  return (n < 0 ? '-¥' : '¥') + Math.abs(n).toLocaleString('ja-JP');
}

export function formatYenJa(n: number): string {
  return n.toLocaleString('ja-JP') + '円';
}

/** '5,000', '"5,000"', '５０００', '¥5,000', '5000円', '△500' → integer; null for decimals or junk. */
export function parseYen(s: string): number | null {
  let v = s.normalize('NFKC').trim().replace(/^"|"$/g, '').replace(/[¥￥,\s]|円$/g, '');
  let sign = 1;
  if (/^[-△▲]/.test(v)) {
    sign = -1;
    v = v.slice(1);
  }
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v) * sign;
  return Number.isSafeInteger(n) ? n : null;
}
