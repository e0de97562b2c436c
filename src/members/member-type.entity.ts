import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** 会員種別 with its annual fee in integer yen. */
export const MemberType = defineEntity({
  name: 'MemberType',
  tableName: 'member_type',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(60).unique(),
    annualFee: p.integer(),
    forOrganizations: p.boolean().default(false),
    /** 議決権: dues that buy a vote have 対価性 and are never a gift. */
    votingRights: p.boolean().default(false),
    /** 寄附金として扱う: dues of a type with no vote and no benefit may be certified as a gift. */
    countsAsDonation: p.boolean().default(false),
    sortOrder: p.integer().default(0),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IMemberType = InferEntity<typeof MemberType>;

export const DEFAULT_MEMBER_TYPES = [
  { name: '正会員', annualFee: 5000, forOrganizations: false, sortOrder: 1, votingRights: true },
  { name: '賛助会員', annualFee: 3000, forOrganizations: false, sortOrder: 2 },
  { name: '学生会員', annualFee: 1000, forOrganizations: false, sortOrder: 3 },
];
