import { PortableMigration, timestamps } from './base.js';

/**
 * Operations: the day a donation was reversed (the accounting export dates its reversing entry
 * on it), the job-run table (one row per run of a scheduled job; a 'running' row is also the lock
 * that keeps a job from overlapping itself across processes), and lapse proposals the status job
 * leaves for staff (never a silent withdrawal); an index for the dashboard's months.
 */
export class Migration20261202130000Operations extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .alterTable('donation', (t) => {
          t.datetime('reversed_at').nullable();
        })
        // The dashboard sums payments by day received over the last 24 months.
        .alterTable('payment', (t) => {
          t.index(['received_on']);
        })
        .createTable('job_run', (t) => {
          t.increments('id').primary();
          t.string('job', 60).notNullable();
          t.string('trigger', 20).notNullable();
          t.datetime('started_at').notNullable();
          t.datetime('finished_at').nullable();
          t.string('outcome', 20).notNullable();
          t.json('counts').nullable();
          t.string('summary', 400).nullable();
          t.string('error', 1000).nullable();
          t.integer('pid').nullable();
          // At most one running row per job: the unique key is the job name while running, null after.
          t.string('running_key', 60).nullable().unique();
          timestamps(t);
          t.index(['job', 'started_at']);
          t.index(['outcome']);
        })
        .createTable('lapse_proposal', (t) => {
          t.increments('id').primary();
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          t.date('proposed_on').notNullable();
          t.string('unpaid_years', 100).notNullable();
          t.integer('outstanding').notNullable();
          t.string('status', 20).notNullable().defaultTo('open');
          timestamps(t);
          t.index(['status']);
          t.index(['member_id']);
        }),
    );
  }
}
