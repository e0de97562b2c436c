import { PortableMigration, timestamps } from './base.js';

/** Background runs with progress (printing hundreds to thousands of documents). */
export class Migration20261202150000Batches extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.createTable('batch', (t) => {
        t.increments('id').primary();
        t.string('kind', 40).notNullable();
        t.string('title', 200).notNullable();
        t.text('params').notNullable();
        t.string('status', 20).notNullable().defaultTo('queued');
        t.integer('done').notNullable().defaultTo(0);
        t.integer('total').notNullable().defaultTo(0);
        t.string('output_file', 200).nullable();
        t.string('output_name', 200).nullable();
        t.integer('output_bytes').nullable();
        t.text('error').nullable();
        t.string('created_by', 100).notNullable();
        t.datetime('started_at').nullable();
        t.datetime('finished_at').nullable();
        timestamps(t);
        t.index(['status']);
        t.index(['created_at']);
      }),
    );
  }
}
