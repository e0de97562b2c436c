/** 但し書き, receipt kinds and numbers. Pure functions. */
import type { ReceiptKind, ReceiptLine } from './receipt.entity.js';
import { PROVISO } from './ui-text.js';

/** What a sum of money was, as the ledger knows it. */
export type MoneySource =
  | { kind: 'dues'; fiscalYear: number; memberTypeName: string; amount: number }
  | { kind: 'donation'; amount: number; purpose?: string | null }
  | { kind: 'credit'; amount: number };

/**
 * 「2026年度 正会員 年会費として」「ご寄附として」「会費の預り金として」. Dues are described by
 * year and member type only: whatever a member type is called, dues are never worded as a gift.
 */
export function lineLabel(s: MoneySource): string {
  switch (s.kind) {
    case 'dues': {
      const type = s.memberTypeName.replace(PROVISO.giftWords, '').trim() || PROVISO.memberFallback;
      return PROVISO.dues(s.fiscalYear, type);
    }
    case 'donation': {
      const purpose = (s.purpose ?? '').trim();
      return purpose ? PROVISO.donationFor(purpose) : PROVISO.donation;
    }
    case 'credit':
      return PROVISO.credit;
  }
}

/** One line per distinct label, amounts added up, in the order they first appear. */
export function receiptLines(sources: MoneySource[]): ReceiptLine[] {
  const out: ReceiptLine[] = [];
  for (const s of sources) {
    if (s.amount <= 0) continue;
    const label = lineLabel(s);
    const same = out.find((l) => l.label === label);
    if (same) same.amount += s.amount;
    else out.push({ label, amount: s.amount });
  }
  return out;
}

/** dues (預り金 counts as dues paid ahead), donation, or mixed. */
export function receiptKind(sources: MoneySource[]): ReceiptKind {
  const paid = sources.filter((s) => s.amount > 0);
  const gifts = paid.filter((s) => s.kind === 'donation').length;
  if (gifts === 0) return 'dues';
  return gifts === paid.length ? 'donation' : 'mixed';
}

/** 2026, 123 → '2026-000123'. */
export function formatDocNumber(year: number, seq: number, prefix = ''): string {
  return `${prefix}${year}-${String(seq).padStart(6, '0')}`;
}

/** '2026-000123' → { year: 2026, seq: 123 }; null for anything else. */
export function parseDocNumber(s: string, prefix = ''): { year: number; seq: number } | null {
  const m = new RegExp(`^${prefix}(\\d{4})-(\\d{6})$`).exec(s.normalize('NFKC').trim());
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** 12345 → '￥12,345-' (the hyphen closes the figure so nothing can be written after it). */
export function receiptAmount(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(PROVISO.notInteger(n));
  return `${PROVISO.yen}${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}-`;
}
