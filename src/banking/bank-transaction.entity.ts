import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { FrozenJsonType } from '../db/frozen-json.type.js';
import { Member } from '../members/member.entity.js';
import { BankImport } from './bank-import.entity.js';

export const BANK_TX_STATUSES = ['matched', 'review', 'ignored', 'donation', 'not_dues', 'skipped'] as const;
export type BankTxStatus = (typeof BANK_TX_STATUSES)[number];
export type BankTxDirection = 'deposit' | 'withdrawal';

/** What the review screen shows for a line, frozen at import time (the matcher's output). */
export interface StoredSuggestion {
  memberId: number;
  memberNo: string;
  name: string;
  invoices: { id: number; invoiceNo: string; amount: number }[];
  difference: number;
  fee: number;
  surplus: number;
  score: number;
  reasons: string[];
}

/**
 * One line of a statement. The fingerprint (bank reference, else date + amount + payer +
 * occurrence in the day) is unique: a line seen before is never stored twice. Lines of an
 * undone import are deleted, so they no longer block a re-import. Payments made from a line
 * point back at it (payment.bankTransactionId); paymentId is the first of them.
 */
export const BankTransaction = defineEntity({
  name: 'BankTransaction',
  tableName: 'bank_transaction',
  properties: {
    id: p.integer().primary().autoincrement(),
    bankImport: p.manyToOne(BankImport),
    line: p.integer(),
    date: p.date(),
    amount: p.integer(),
    direction: p.string().length(10).$type<BankTxDirection>(),
    payer: p.string().length(200),
    payerKey: p.string().length(200),
    reference: p.string().length(60).nullable(),
    memo: p.string().length(400).nullable(),
    fingerprint: p.string().length(200).unique(),
    status: p.string().length(20).$type<BankTxStatus>(),
    member: p.manyToOne(Member).nullable(),
    paymentId: p.integer().nullable(),
    suggestions: p.json<StoredSuggestion[]>().type(FrozenJsonType).nullable(),
    note: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['bankImport', 'line'] }, { properties: ['status'] }],
});
export type IBankTransaction = InferEntity<typeof BankTransaction>;
