import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const CAMPAIGN_TARGETS = ['amount', 'supporters', 'volunteers'] as const;
export type CampaignTarget = (typeof CAMPAIGN_TARGETS)[number];

/**
 * キャンペーン (募金・会員募集・ボランティア募集): a target — yen, number of supporters (distinct
 * donors) or of volunteers (distinct members who took part in an activity) — over a period.
 * Donations point here with donation.campaign_id.
 */
export const Campaign = defineEntity({
  name: 'Campaign',
  tableName: 'campaign',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(120).unique(),
    targetKind: p.string().length(20).$type<CampaignTarget>().default('amount'),
    targetValue: p.integer(),
    startsOn: p.date(),
    endsOn: p.date().nullable(),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ICampaign = InferEntity<typeof Campaign>;
