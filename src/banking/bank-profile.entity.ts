import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A named column mapping for a bank CSV no built-in format knows (the generic parser's
 * mapping, kept as JSON so it follows whatever that parser accepts).
 */
export const BankProfile = defineEntity({
  name: 'BankProfile',
  tableName: 'bank_profile',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(60).unique(),
    mapping: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IBankProfile = InferEntity<typeof BankProfile>;
