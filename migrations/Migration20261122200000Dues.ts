import { PortableMigration, timestamps } from './base.js';

/** Dues ledger: invoice runs, invoices, payments, their allocations, donations. */
export class Migration20261122200000Dues extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('invoice_run', (t) => {
          t.increments('id').primary();
          t.integer('fiscal_year').notNullable().index();
          t.date('issued_on').notNullable();
          t.date('due_on').notNullable();
          t.integer('issued_count').notNullable().defaultTo(0);
          t.integer('total_amount').notNullable().defaultTo(0);
          t.string('status', 20).notNullable().defaultTo('active');
          t.datetime('undone_at').nullable();
          t.string('undo_reason', 200).nullable();
          timestamps(t);
        })
        .createTable('invoice', (t) => {
          t.increments('id').primary();
          t.string('invoice_no', 20).notNullable().unique();
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          t.integer('fiscal_year').notNullable();
          t.string('kind', 20).notNullable().defaultTo('annual');
          t.integer('run_id').unsigned().nullable().references('id').inTable('invoice_run');
          t.string('member_type_name', 60).notNullable();
          t.string('description', 200).notNullable();
          t.integer('amount').notNullable();
          t.integer('paid_amount').notNullable().defaultTo(0);
          t.date('issued_on').notNullable();
          t.date('due_on').notNullable();
          t.string('status', 20).notNullable().defaultTo('unpaid');
          t.string('status_reason', 200).nullable();
          t.date('closed_on').nullable();
          t.boolean('voided').notNullable().defaultTo(false);
          t.integer('reminder_count').notNullable().defaultTo(0);
          t.date('last_reminded_on').nullable();
          timestamps(t);
          t.index(['member_id', 'fiscal_year']);
          t.index(['fiscal_year', 'status']);
          t.index(['run_id']);
        })
        .createTable('payment', (t) => {
          t.increments('id').primary();
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          t.date('received_on').notNullable();
          t.integer('amount').notNullable();
          t.integer('fee').notNullable().defaultTo(0);
          t.string('method', 20).notNullable();
          t.string('note', 400).nullable();
          t.string('source', 20).notNullable().defaultTo('manual');
          t.integer('bank_transaction_id').nullable().index();
          t.integer('allocated_amount').notNullable().defaultTo(0);
          t.string('remainder_kind', 20).nullable();
          t.integer('remainder_amount').notNullable().defaultTo(0);
          t.string('status', 20).notNullable().defaultTo('active');
          t.datetime('reversed_at').nullable();
          t.string('reversal_reason', 200).nullable();
          t.string('thank_status', 20).notNullable().defaultTo('pending');
          timestamps(t);
          t.index(['member_id', 'received_on']);
          t.index(['thank_status']);
        })
        .createTable('allocation', (t) => {
          t.increments('id').primary();
          t.integer('payment_id').unsigned().notNullable().references('id').inTable('payment');
          t.integer('invoice_id').unsigned().notNullable().references('id').inTable('invoice');
          t.integer('amount').notNullable();
          t.boolean('reversed').notNullable().defaultTo(false);
          timestamps(t);
          t.index(['invoice_id']);
          t.index(['payment_id']);
        })
        .createTable('donation', (t) => {
          t.increments('id').primary();
          t.integer('member_id').unsigned().nullable().references('id').inTable('member');
          t.string('donor_name', 120).nullable();
          t.date('received_on').notNullable().index();
          t.integer('amount').notNullable();
          t.string('method', 20).notNullable();
          t.string('purpose', 200).nullable();
          t.integer('payment_id').unsigned().nullable().references('id').inTable('payment');
          t.string('note', 400).nullable();
          t.string('status', 20).notNullable().defaultTo('active');
          t.string('reversal_reason', 200).nullable();
          t.string('thank_status', 20).notNullable().defaultTo('pending');
          timestamps(t);
          t.index(['member_id']);
        }),
    );
  }
}
