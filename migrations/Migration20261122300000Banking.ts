import { PortableMigration, timestamps } from './base.js';

/** Bank reconciliation: imports, their lines (fingerprint unique), learned payer names, CSV profiles. */
export class Migration20261122300000Banking extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('bank_import', (t) => {
          t.increments('id').primary();
          t.string('format', 40).notNullable();
          t.string('file_name', 200).notNullable();
          t.string('encoding', 20).notNullable();
          t.date('period_from').nullable();
          t.date('period_to').nullable();
          for (const c of [
            'line_count',
            'deposit_count',
            'known_count',
            'matched_count',
            'review_count',
            'ignored_count',
          ]) {
            t.integer(c).notNullable().defaultTo(0);
          }
          t.string('status', 20).notNullable().defaultTo('active');
          t.datetime('undone_at').nullable();
          t.string('undo_reason', 200).nullable();
          timestamps(t);
          t.index(['created_at']);
        })
        .createTable('bank_transaction', (t) => {
          t.increments('id').primary();
          t.integer('bank_import_id').unsigned().notNullable().references('id').inTable('bank_import');
          t.integer('line').notNullable();
          t.date('date').notNullable();
          t.integer('amount').notNullable();
          t.string('direction', 10).notNullable();
          t.string('payer', 200).notNullable();
          t.string('payer_key', 200).notNullable();
          t.string('reference', 60).nullable();
          t.string('memo', 400).nullable();
          t.string('fingerprint', 200).notNullable().unique();
          t.string('status', 20).notNullable();
          t.integer('member_id').unsigned().nullable().references('id').inTable('member');
          t.integer('payment_id').nullable().index();
          t.json('suggestions').nullable();
          t.string('note', 200).nullable();
          timestamps(t);
          t.index(['bank_import_id', 'line']);
          t.index(['status']);
          t.index(['member_id']);
        })
        .createTable('payer_alias', (t) => {
          t.increments('id').primary();
          t.string('payer_key', 200).notNullable().unique();
          t.string('payer', 200).notNullable();
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          timestamps(t);
          t.index(['member_id']);
        })
        .createTable('bank_profile', (t) => {
          t.increments('id').primary();
          t.string('name', 60).notNullable().unique();
          t.json('mapping').notNullable();
          timestamps(t);
        }),
    );
  }
}
