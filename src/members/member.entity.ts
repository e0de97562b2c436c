import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MemberType } from './member-type.entity.js';

export const MEMBER_KINDS = ['individual', 'organization'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MAIL_PREFERENCES = ['post', 'email', 'none'] as const;
export type MailPreference = (typeof MAIL_PREFERENCES)[number];
export type MemberStatus = 'active' | 'withdrawn';

/**
 * 会員 (基本情報). Never deleted: withdrawal sets status/withdrawnOn and can be undone.
 * kanaKey, nameKey and phoneDigits are derived search keys kept in sync by member.model.ts.
 */
export const Member = defineEntity({
  name: 'Member',
  tableName: 'member',
  properties: {
    id: p.integer().primary().autoincrement(),
    memberNo: p.integer().unique(),
    kind: p.string().length(20).$type<MemberKind>().default('individual'),
    familyName: p.string().length(60).nullable(),
    givenName: p.string().length(60).nullable(),
    familyKana: p.string().length(60).nullable(),
    givenKana: p.string().length(60).nullable(),
    orgName: p.string().length(120).nullable(),
    orgKana: p.string().length(120).nullable(),
    contactPerson: p.string().length(60).nullable(),
    contactKana: p.string().length(60).nullable(),
    kanaKey: p.string().length(200).index(),
    nameKey: p.string().length(200).index(),
    postalCode: p.string().length(8).nullable(),
    prefecture: p.string().length(10).nullable(),
    city: p.string().length(60).nullable(),
    address1: p.string().length(120).nullable(),
    address2: p.string().length(120).nullable(),
    phone: p.string().length(20).nullable(),
    mobile: p.string().length(20).nullable(),
    phoneDigits: p.string().length(40).index(),
    email: p.string().length(200).nullable(),
    birthDate: p.date().nullable(),
    joinedOn: p.date().nullable(),
    withdrawnOn: p.date().nullable(),
    withdrawalReason: p.string().length(200).nullable(),
    status: p.string().length(20).$type<MemberStatus>().default('active'),
    memberType: p.manyToOne(MemberType),
    mailPreference: p.string().length(20).$type<MailPreference>().default('post'),
    addressUnknown: p.boolean().default(false),
    addressUnknownOn: p.date().nullable(),
    notes: p.text().nullable(),
    householdId: p.integer().nullable().index(), // 世帯 (src/supporters/household.entity.ts); no FK on SQLite
    householdRelation: p.string().length(20).nullable(), // 世帯主, 配偶者, 子, 親, その他
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IMember = InferEntity<typeof Member>;
