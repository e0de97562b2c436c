import { PortableMigration, timestamps } from './base.js';

/**
 * Why an address was opted out of e-mail (the bounce already keeps its reason), and the
 * thank-you letters and receipts e-mailed to members (one row per document: never sent twice).
 */
export class Migration20261202190000MailingContactReason extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .alterTable('mailing_contact', (t) => {
          t.string('opt_out_reason', 400).nullable();
        })
        .createTable('mailed_document', (t) => {
          t.increments('id').primary();
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          t.string('kind', 20).notNullable();
          t.string('reference', 40).notNullable();
          t.string('to_email', 200).notNullable();
          t.string('subject', 200).notNullable();
          t.string('status', 20).notNullable();
          t.text('error').nullable();
          t.integer('attempts').notNullable().defaultTo(0);
          t.datetime('sent_at').nullable();
          timestamps(t);
          t.unique(['kind', 'reference']);
          t.index(['member_id']);
        }),
    );
  }
}
