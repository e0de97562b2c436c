import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';

/** What a receipt covers: one payment, one gift entered on its own, or a member's year (年間領収書). */
export type ReceiptScope = 'payment' | 'donation' | 'annual';
/** dues only, donation only, or both (a payment whose remainder became a gift). */
export type ReceiptKind = 'dues' | 'donation' | 'mixed';
export type DocumentStatus = 'issued' | 'void';

/**
 * 領収書. The number is given once, inside the issuing transaction, and never reused: a reissue
 * prints the same number marked 再発行 and a void keeps the row with its reason. Payer and
 * address are copied at issue so a reissue prints what the first copy said.
 */
export const Receipt = defineEntity({
  name: 'Receipt',
  tableName: 'receipt',
  properties: {
    id: p.integer().primary().autoincrement(),
    number: p.string().length(20).unique(),
    fiscalYear: p.integer(),
    scope: p.string().length(20).$type<ReceiptScope>(),
    kind: p.string().length(20).$type<ReceiptKind>(),
    member: p.manyToOne(Member).nullable(),
    payerName: p.string().length(200),
    honorific: p.string().length(10).$type<'様' | '御中'>(),
    postalCode: p.string().length(10).nullable(),
    address: p.string().length(300).nullable(),
    amount: p.integer(),
    receivedOn: p.date(),
    issuedOn: p.date(),
    status: p.string().length(20).$type<DocumentStatus>().default('issued'),
    voidReason: p.string().length(200).nullable(),
    voidedAt: p.datetime().nullable(),
    reissueCount: p.integer().default(0),
    lastReissuedOn: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['fiscalYear', 'number'] }, { properties: ['member'] }],
});
export type IReceipt = InferEntity<typeof Receipt>;

/** One 但し書き line: 「2026年度 正会員 年会費として」 5,000円. */
export interface ReceiptLine {
  label: string;
  amount: number;
}

/**
 * A payment or gift a receipt covers. activeKey ('payment:12', 'donation:7') is unique while
 * the receipt is valid and cleared when it is voided, so no money is receipted twice.
 */
export const ReceiptItem = defineEntity({
  name: 'ReceiptItem',
  tableName: 'receipt_item',
  properties: {
    id: p.integer().primary().autoincrement(),
    receipt: p.manyToOne(Receipt),
    sourceKey: p.string().length(40).index(),
    activeKey: p.string().length(40).nullable().unique(),
    receivedOn: p.date(),
    amount: p.integer(),
    lines: p.json<ReceiptLine[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['receipt'] }],
});
export type IReceiptItem = InferEntity<typeof ReceiptItem>;
