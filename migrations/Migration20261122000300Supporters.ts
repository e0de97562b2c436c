import { PortableMigration, timestamps } from './base.js';

/** Supporters: roles, skills, activities, interaction records, households (member.household_id). */
export class Migration20261122000300Supporters extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('supporter_role', (t) => {
          t.increments('id').primary();
          t.string('name', 60).notNullable().unique();
          t.boolean('officer').notNullable().defaultTo(false);
          t.integer('sort_order').notNullable().defaultTo(0);
          t.boolean('active').notNullable().defaultTo(true);
          timestamps(t);
        })
        .createTable('member_role', (t) => {
          t.increments('id').primary();
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          t.integer('role_id').unsigned().notNullable().references('id').inTable('supporter_role');
          t.date('started_on').notNullable();
          t.date('ended_on').nullable();
          t.string('note', 200).nullable();
          timestamps(t);
          t.index(['member_id']);
          t.index(['role_id', 'started_on']);
        })
        .createTable('skill', (t) => {
          t.increments('id').primary();
          t.string('name', 60).notNullable().unique();
          t.integer('sort_order').notNullable().defaultTo(0);
          t.boolean('active').notNullable().defaultTo(true);
          timestamps(t);
        })
        .createTable('member_skill', (t) => {
          t.increments('id').primary();
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          t.integer('skill_id').unsigned().notNullable().references('id').inTable('skill');
          t.string('note', 200).nullable();
          timestamps(t);
          t.unique(['member_id', 'skill_id']);
          t.index(['skill_id']);
        })
        .createTable('activity', (t) => {
          t.increments('id').primary();
          t.string('title', 120).notNullable();
          t.date('starts_on').notNullable().index();
          t.date('ends_on').nullable();
          t.string('place', 120).nullable();
          t.json('skill_ids').notNullable();
          t.integer('helpers_wanted').nullable();
          t.text('description').nullable();
          timestamps(t);
        })
        .createTable('participation', (t) => {
          t.increments('id').primary();
          t.integer('activity_id').unsigned().notNullable().references('id').inTable('activity');
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          t.string('status', 20).notNullable();
          t.date('asked_on').nullable();
          t.string('note', 200).nullable();
          timestamps(t);
          t.unique(['activity_id', 'member_id']);
          t.index(['member_id', 'status']);
        })
        .createTable('interaction', (t) => {
          t.increments('id').primary();
          t.integer('member_id').unsigned().notNullable().references('id').inTable('member');
          t.date('occurred_on').notNullable();
          t.string('occurred_time', 5).nullable();
          t.integer('staff_id').unsigned().nullable().references('id').inTable('staff');
          t.string('channel', 20).notNullable();
          t.string('summary', 200).notNullable();
          t.text('content').nullable();
          t.string('gift', 200).nullable();
          t.date('gift_thanked_on').nullable();
          t.text('follow_up').nullable();
          t.date('follow_up_due').nullable();
          t.boolean('follow_up_done').notNullable().defaultTo(false);
          t.date('follow_up_done_on').nullable();
          timestamps(t);
          t.index(['member_id', 'occurred_on']);
          t.index(['follow_up_done', 'follow_up_due']);
        })
        .createTable('household', (t) => {
          t.increments('id').primary();
          t.boolean('shares_address').notNullable().defaultTo(true);
          t.string('label_name', 200).nullable();
          t.string('note', 200).nullable();
          timestamps(t);
        })
        // No foreign key: SQLite cannot add one to an existing table.
        .alterTable('member', (t) => {
          t.integer('household_id').nullable().index();
          t.string('household_relation', 20).nullable();
        }),
    );
  }
}
