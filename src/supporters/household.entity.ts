import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const HOUSEHOLD_RELATIONS = ['世帯主', '配偶者', '子', '親', 'その他'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];
/** Stored values the code itself relies on (the head of a household; where a former head goes). */
export const HEAD: HouseholdRelation = '世帯主';
export const OTHER_RELATION: HouseholdRelation = 'その他';

/**
 * 世帯: members who belong together. Members point here with member.householdId (a plain
 * integer, so bank matching can read it without loading this). With sharesAddress the
 * household gets one mailing, addressed to everyone in 連名, at the 世帯主's address.
 */
export const Household = defineEntity({
  name: 'Household',
  tableName: 'household',
  properties: {
    id: p.integer().primary().autoincrement(),
    sharesAddress: p.boolean().default(true),
    /** Free text overriding the generated 連名 (「山田 太郎 様 / 花子 様」). */
    labelName: p.string().length(200).nullable(),
    note: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IHousehold = InferEntity<typeof Household>;
