import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { LetterKind } from '../documents/thank-letter.js';
import { Member } from '../members/member.entity.js';

/**
 * 礼状の送付記録: one row per thanked payment (dues), donation or gift (an interaction), written
 * when staff mark the printed letters as sent. Unique per source, so a second marking of the same
 * item is refused by the database too.
 */
export const ThankLetter = defineEntity({
  name: 'ThankLetter',
  tableName: 'thank_letter',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member),
    kind: p.string().length(20).$type<LetterKind>(),
    /** payment id (dues), donation id (donation) or interaction id (gift). */
    sourceId: p.integer(),
    sentOn: p.date(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['kind', 'sourceId'] }],
  indexes: [{ properties: ['member', 'sentOn'] }],
});
export type IThankLetter = InferEntity<typeof ThankLetter>;
