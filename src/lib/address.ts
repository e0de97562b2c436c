/** Address text normalisation for 入力ルールの統一. Pure. */
import { normalizeText } from './kana.js';

/**
 * Characters people type as the dash of a block number (新宿１ー２ー３): the long-vowel mark
 * ー (and half-width ｰ, already widened by normalizeText), minus sign, hyphens, dashes and
 * the horizontal bar. Only between two digits do they mean 「-」; elsewhere (カーサ) they stay.
 */
const DASH_BETWEEN_DIGITS = /(?<=\d) *[ー‐‑‒–—―−⁃-] *(?=\d)/g;

/** For 市区町村 and 住所: normalizeText, then any dash look-alike between digits becomes '-'. */
export function normalizeAddress(s: string): string {
  return normalizeText(s).replace(DASH_BETWEEN_DIGITS, '-');
}
