/** Progress toward a campaign's target, and the campaign form. Pure. */
import { parseDate } from '../lib/dates.js';
import { formatYenJa } from '../lib/money.js';
import type { FormBody } from '../web/forms.js';
import { CAMPAIGN_TARGETS, type CampaignTarget } from './campaign.entity.js';
import type { Parsed } from './segment-filter.js';
import { CAMPAIGN_TEXT as T, MAIL_TEXT } from './ui-text.js';

export interface CampaignTotals {
  amount: number;
  supporters: number;
  volunteers: number;
}
export interface Progress {
  current: number;
  target: number;
  /** Whole percent reached (can pass 100). */
  percent: number;
  /** Filled part of a bar, 0..1. */
  ratio: number;
  remaining: number;
  currentLabel: string;
  targetLabel: string;
  supporters: number;
}

export const formatTarget = (kind: CampaignTarget, n: number) =>
  kind === 'amount' ? formatYenJa(n) : MAIL_TEXT.people(n);

export function campaignProgress(kind: CampaignTarget, target: number, totals: CampaignTotals): Progress {
  const current = kind === 'amount' ? totals.amount : kind === 'supporters' ? totals.supporters : totals.volunteers;
  const percent = target > 0 ? Math.floor((current * 100) / target) : 0;
  return {
    current,
    target,
    percent,
    ratio: target > 0 ? Math.min(1, current / target) : 0,
    remaining: Math.max(0, target - current),
    currentLabel: formatTarget(kind, current),
    targetLabel: formatTarget(kind, target),
    supporters: totals.supporters,
  };
}

export interface CampaignInput {
  name: string;
  targetKind: CampaignTarget;
  targetValue: number;
  startsOn: string;
  endsOn: string | null;
  description: string | null;
}

const one = (b: FormBody, k: string) => {
  const v = b[k];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
};

export function parseCampaign(body: FormBody): Parsed<CampaignInput> {
  const errors: Record<string, string> = {};
  const name = one(body, 'name').normalize('NFKC');
  if (!name || [...name].length > 120) errors.name = T.name;
  const targetKind = one(body, 'targetKind') as CampaignTarget;
  if (!CAMPAIGN_TARGETS.includes(targetKind)) errors.targetKind = T.kind;
  const rawTarget = one(body, 'targetValue')
    .normalize('NFKC')
    .replace(/[,円人]/g, '');
  const targetValue = Number(rawTarget);
  if (!/^\d+$/.test(rawTarget) || targetValue < 1 || !Number.isSafeInteger(targetValue)) errors.targetValue = T.target;
  const startsOn = parseDate(one(body, 'startsOn'));
  if (!startsOn) errors.startsOn = T.date;
  const endsRaw = one(body, 'endsOn');
  const endsOn = endsRaw ? parseDate(endsRaw) : null;
  if (endsRaw && !endsOn) errors.endsOn = T.date;
  if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = T.order;
  const description = one(body, 'description').slice(0, 2000) || null;
  return Object.keys(errors).length
    ? { errors }
    : { value: { name, targetKind, targetValue, startsOn: startsOn!, endsOn, description } };
}
