import { PortableMigration, timestamps } from './base.js';

/**
 * Receipts (領収書) and donation certificates (寄附金受領証明書): numbered per year from a
 * counter row; each payment or gift they cover is listed once with an `active_key` that is
 * unique while the document is valid (NULL once voided), so the database itself refuses to
 * receipt a payment or certify a gift twice. Member types learn whether their dues vote or
 * count as a gift; a donor without a member record gets an address.
 */
export class Migration20261202110000Receipts extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('receipt_counter', (t) => {
          t.string('scope', 20).notNullable();
          t.integer('year').notNullable();
          t.integer('last_no').notNullable().defaultTo(0);
          t.primary(['scope', 'year']);
        })
        .createTable('receipt', (t) => {
          t.increments('id').primary();
          t.string('number', 20).notNullable().unique();
          t.integer('fiscal_year').notNullable();
          t.string('scope', 20).notNullable();
          t.string('kind', 20).notNullable();
          t.integer('member_id').unsigned().nullable().references('id').inTable('member');
          t.string('payer_name', 200).notNullable();
          t.string('honorific', 10).notNullable();
          t.string('postal_code', 10).nullable();
          t.string('address', 300).nullable();
          t.integer('amount').notNullable();
          t.date('received_on').notNullable();
          t.date('issued_on').notNullable();
          t.string('status', 20).notNullable().defaultTo('issued');
          t.string('void_reason', 200).nullable();
          t.datetime('voided_at').nullable();
          t.integer('reissue_count').notNullable().defaultTo(0);
          t.date('last_reissued_on').nullable();
          timestamps(t);
          t.index(['fiscal_year', 'number']);
          t.index(['member_id']);
        })
        .createTable('receipt_item', (t) => {
          t.increments('id').primary();
          t.integer('receipt_id').unsigned().notNullable().references('id').inTable('receipt');
          t.string('source_key', 40).notNullable().index();
          t.string('active_key', 40).nullable().unique();
          t.date('received_on').notNullable();
          t.integer('amount').notNullable();
          t.text('lines').notNullable();
          timestamps(t);
          t.index(['receipt_id']);
        })
        .createTable('donation_certificate', (t) => {
          t.increments('id').primary();
          t.string('number', 20).notNullable().unique();
          t.integer('year').notNullable();
          t.boolean('combined').notNullable().defaultTo(false);
          t.integer('member_id').unsigned().nullable().references('id').inTable('member');
          t.string('donor_name', 200).notNullable();
          t.string('donor_postal_code', 10).nullable();
          t.string('donor_address', 300).notNullable();
          t.integer('total').notNullable();
          t.date('issued_on').notNullable();
          t.string('status', 20).notNullable().defaultTo('issued');
          t.string('void_reason', 200).nullable();
          t.datetime('voided_at').nullable();
          t.integer('reissue_count').notNullable().defaultTo(0);
          timestamps(t);
          t.index(['year', 'number']);
          t.index(['member_id']);
        })
        .createTable('certificate_gift', (t) => {
          t.increments('id').primary();
          t.integer('certificate_id').unsigned().notNullable().references('id').inTable('donation_certificate');
          t.string('gift_key', 40).notNullable().index();
          t.string('active_key', 40).nullable().unique();
          t.date('received_on').notNullable();
          t.integer('amount').notNullable();
          timestamps(t);
          t.index(['certificate_id']);
        })
        .alterTable('member_type', (t) => {
          t.boolean('voting_rights').notNullable().defaultTo(false);
          t.boolean('counts_as_donation').notNullable().defaultTo(false);
        })
        .alterTable('donation', (t) => {
          t.string('donor_address', 300).nullable();
        }),
    );
    // 正会員 vote at the general meeting: their dues buy membership rights and are never a gift.
    this.addSql(this.getKnex()('member_type').update({ voting_rights: true }).where({ name: '正会員' }).toQuery());
  }
}
