import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';

/**
 * A payer name (normalised, as the matcher keys it) learned when staff confirmed a match:
 * next month the same 振込依頼人名 matches that member automatically. One member per key.
 */
export const PayerAlias = defineEntity({
  name: 'PayerAlias',
  tableName: 'payer_alias',
  properties: {
    id: p.integer().primary().autoincrement(),
    payerKey: p.string().length(200).unique(),
    payer: p.string().length(200),
    member: p.manyToOne(Member),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['member'] }],
});
export type IPayerAlias = InferEntity<typeof PayerAlias>;
