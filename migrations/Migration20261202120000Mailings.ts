import { PortableMigration, timestamps } from './base.js';

/** Mailings: saved segments, each member's e-mail delivery state, campaigns (donation.campaign_id), newsletter issues and their images, mailings with frozen recipient lists. */
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
        .createTable('newsletter_issue', (t) => {
          t.increments('id').primary();
          t.string('title', 200).notNullable();
          t.integer('number').notNullable();
          t.date('issued_on').notNullable();
          t.text('body').notNullable();
          t.text('columns_body').nullable();
          t.integer('campaign_id').unsigned().nullable().references('id').inTable('campaign');
          timestamps(t);
        })
        .createTable('newsletter_image', (t) => {
          t.increments('id').primary();
          t.integer('issue_id').unsigned().notNullable().references('id').inTable('newsletter_issue').index();
          t.string('file_name', 200).notNullable();
          t.string('mime', 40).notNullable();
          t.binary('data').notNullable();
          t.datetime('created_at').notNullable();
        })
        .createTable('mailing', (t) => {
          t.increments('id').primary();
          t.integer('issue_id').unsigned().notNullable().references('id').inTable('newsletter_issue').index();
          t.string('segment_name', 60).nullable();
          t.string('channel', 20).notNullable();
          t.integer('recipient_count').notNullable().defaultTo(0);
          t.integer('excluded_count').notNullable().defaultTo(0);
          t.datetime('created_at').notNullable();
        })
        .createTable('mailing_recipient', (t) => {
          t.increments('id').primary();
          t.integer('mailing_id').unsigned().notNullable().references('id').inTable('mailing');
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member').index();
          t.integer('member_no').notNullable();
          t.string('status', 20).notNullable();
          t.string('reason', 40).nullable();
          t.json('snapshot').notNullable();
          t.text('error').nullable();
          t.datetime('sent_at').nullable();
          t.integer('attempts').notNullable().defaultTo(0);
          t.unique(['mailing_id', 'member_id']);
        })
        // No foreign key: SQLite cannot add one to an existing table.
        .alterTable('donation', (t) => {
          t.integer('campaign_id').nullable().index();
        }),
    );
  }
}
