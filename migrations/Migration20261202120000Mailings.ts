import { PortableMigration, timestamps } from './base.js';

/** Mailings: saved segments and each member's e-mail delivery state. */
export class Migration20261202120000Mailings extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('segment', (t) => {
          t.increments('id').primary();
          t.string('name', 60).notNullable().unique();
          t.json('filter').notNullable();
          t.string('note', 200).nullable();
          timestamps(t);
        })
        .createTable('mailing_contact', (t) => {
          t.increments('id').primary();
          t.integer('member_id').unsigned().notNullable().unique().references('id').inTable('member');
          t.string('bounced_email', 200).nullable();
          t.date('bounced_on').nullable();
          t.string('bounce_reason', 400).nullable();
          t.boolean('email_opted_out').notNullable().defaultTo(false);
          t.date('opted_out_on').nullable();
          timestamps(t);
        }),
    );
  }
}
