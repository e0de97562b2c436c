import { PortableMigration, timestamps } from './base.js';

/** Mailings: saved segments, each member's e-mail delivery state, campaigns (donation.campaign_id). */
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
        })
        .createTable('campaign', (t) => {
          t.increments('id').primary();
          t.string('name', 120).notNullable().unique();
          t.string('target_kind', 20).notNullable().defaultTo('amount');
          t.integer('target_value').notNullable();
          t.date('starts_on').notNullable();
          t.date('ends_on').nullable();
          t.text('description').nullable();
          timestamps(t);
        })
        // No foreign key: SQLite cannot add one to an existing table.
        .alterTable('donation', (t) => {
          t.integer('campaign_id').nullable().index();
        }),
    );
  }
}
