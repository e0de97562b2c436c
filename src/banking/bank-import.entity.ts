import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type BankImportStatus = 'active' | 'undone';

/**
 * One uploaded statement (入出金明細). Counts are those of the upload itself; a dry run is
 * never stored. Undoing the whole import reverses its payments and deletes its lines (so the
 * same file can be imported again) but keeps this row, with who/why in the audit log.
 */
export const BankImport = defineEntity({
  name: 'BankImport',
  tableName: 'bank_import',
  properties: {
    id: p.integer().primary().autoincrement(),
    format: p.string().length(40),
    fileName: p.string().length(200),
    encoding: p.string().length(20),
    periodFrom: p.date().nullable(),
    periodTo: p.date().nullable(),
    lineCount: p.integer().default(0),
    depositCount: p.integer().default(0),
    knownCount: p.integer().default(0),
    matchedCount: p.integer().default(0),
    reviewCount: p.integer().default(0),
    ignoredCount: p.integer().default(0),
    status: p.string().length(20).$type<BankImportStatus>().default('active'),
    undoneAt: p.datetime().nullable(),
    undoReason: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['createdAt'] }],
});
export type IBankImport = InferEntity<typeof BankImport>;
