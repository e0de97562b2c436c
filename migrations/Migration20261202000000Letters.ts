import { PortableMigration } from './base.js';

/** Thank-you letters sent (礼状の送付記録), one per payment, donation or gift. */
export class Migration20261202000000Letters extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.createTable('thank_letter', (t) => {
        t.increments('id').primary();
        t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
        t.string('kind', 20).notNullable();
        t.integer('source_id').notNullable();
        t.date('sent_on').notNullable();
        t.datetime('created_at').notNullable();
        t.unique(['kind', 'source_id']);
        t.index(['member_id', 'sent_on']);
      }),
    );
  }

  override async down(): Promise<void> {
    this.schema((s) => s.dropTable('thank_letter'));
  }
}
