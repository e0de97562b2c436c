import { PortableMigration } from './base.js';

/**
 * Server-side staff sessions (logout and account changes end them at once), login failure
 * counts and lock for each account, and the one row that makes first setup single-shot.
 */
export class Migration20261202140000Sessions extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('staff_session', (t) => {
          t.string('id', 64).primary();
          t.integer('staff_id').unsigned().notNullable().references('id').inTable('staff').onDelete('cascade');
          t.datetime('created_at').notNullable();
          t.datetime('last_seen_at').notNullable();
          t.string('ip', 64).notNullable();
          t.string('user_agent', 300).notNullable();
          t.index(['staff_id']);
        })
        .alterTable('staff', (t) => {
          t.integer('failed_logins').notNullable().defaultTo(0);
          t.datetime('locked_until').nullable();
        })
        .createTable('setup_done', (t) => {
          t.string('key', 20).primary();
          t.integer('staff_id').notNullable();
          t.datetime('done_at').notNullable();
        }),
    );
  }
}
