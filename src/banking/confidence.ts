/**
 * How sure the matcher is about a suggested member, in words staff read instead of the raw score.
 *
 * The thresholds follow matcher.ts: a certain identity (learned payer name 0.95, member number
 * with a fitting name 0.95, a unique exact kana name 0.90) whose amount settles the open dues
 * gets +0.05, so 0.95–1.00 — 高. The same identities whose amount does not fit (−0.15), a bare
 * member number, a household family name, or homonyms / a one-letter typo whose amount fits
 * land between 0.50 and 0.80 — 中. A member number with another name, a family name alone, or any
 * weak signal whose amount does not fit stays below 0.50 — 低. Stored scores are rounded to two
 * decimals (settlement.ts), so the thresholds sit between the values the matcher can produce.
 */
import { CONFIDENCE_LABELS } from './ui-text.js';

export type Confidence = keyof typeof CONFIDENCE_LABELS;

export const HIGH_CONFIDENCE = 0.85;
export const MEDIUM_CONFIDENCE = 0.48;

export function confidenceOf(score: number): Confidence {
  if (score >= HIGH_CONFIDENCE) return 'high';
  if (score >= MEDIUM_CONFIDENCE) return 'medium';
  return 'low';
}

/** 「一致度：高」 and the like. */
export function confidenceLabel(score: number): string {
  return CONFIDENCE_LABELS.prefix + CONFIDENCE_LABELS[confidenceOf(score)];
}

/** 高・中・低 alone, for a column headed 一致度. */
export function confidenceWord(score: number): string {
  return CONFIDENCE_LABELS[confidenceOf(score)];
}
