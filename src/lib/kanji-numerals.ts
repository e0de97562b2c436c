/** Arabic numerals → 漢数字 for vertical (縦書き) text. Pure functions. */

const DIGITS = '〇一二三四五六七八九';
const SMALL = [['千', 1000], ['百', 100], ['十', 10]] as const;
const LARGE = [['兆', 10n ** 12n], ['億', 10n ** 8n], ['万', 10n ** 4n]] as const;

/** 0–9999 positional: 2026 → 二千二十六, 10 → 十, 1 → 一 (never 一十 or 一百). */
function underTenThousand(n: number): string {
  let out = '';
  let rest = n;
  for (const [unit, value] of SMALL) {
    const d = Math.floor(rest / value);
    if (d > 0) out += (d === 1 ? '' : DIGITS[d]) + unit;
    rest %= value;
  }
  return out + (rest > 0 ? DIGITS[rest] : '');
}

/** 5000 → 五千, 12345 → 一万二千三百四十五, 0 → 〇, 1000000 → 百万 (positional, as amounts are read). */
export function toKanjiNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`漢数字にできない数です: ${n}`);
  if (n === 0) return DIGITS[0]!;
  let rest = BigInt(n);
  let out = '';
  for (const [unit, value] of LARGE) {
    const part = rest / value;
    if (part > 0n) out += underTenThousand(Number(part)) + unit;
    rest %= value;
  }
  return out + underTenThousand(Number(rest));
}

/** '2026', '101', '160-0022' → 二〇二六, 一〇一, 一六〇―〇〇二二: one kanji per digit, as years, room numbers and 番地 are written. */
export function toKanjiDigits(s: string): string {
  return s.replace(/[0-9０-９]/g, (d) => DIGITS[Number(d.normalize('NFKC'))]!).replace(/[-‐‑–—−－]/g, '―');
}

/**
 * Every number in a text for vertical writing: amounts, months and days positional (5,000円 → 五千円,
 * 4月10日 → 四月十日); a four-digit year digit by digit (2026年 → 二〇二六年); numbers with a
 * leading zero or joined by hyphens (addresses) digit by digit. `digits` mode: every number digit by digit.
 */
export function toKanjiNumerals(text: string, mode: 'positional' | 'digits' = 'positional'): string {
  const normalized = text.replace(/[０-９，]/g, (c) => c.normalize('NFKC'));
  return normalized.replace(/\d{1,3}(?:,\d{3})+|\d+(?:[-‐‑–—−－]\d+)*/g, (run, offset: number) => {
    const next = normalized[offset + run.length] ?? '';
    const plain = run.replace(/,/g, '');
    const isYear = plain.length === 4 && next === '年';
    if (mode === 'digits' || isYear || /[^\d,]/.test(run) || (plain.length > 1 && plain.startsWith('0'))) return toKanjiDigits(run);
    return toKanjiNumber(Number(plain));
  });
}
