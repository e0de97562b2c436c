import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/**
 * Migrations are written once with knex's schema builder so the same file runs on
 * SQLite and PostgreSQL. Each statement is added on its own: SQLite runs only the
 * first statement of a multi-statement string.
 */
export abstract class PortableMigration extends Migration {
  protected schema(build: (schema: Knex.SchemaBuilder) => Knex.SchemaBuilder): void {
    const knex = this.getKnex();
    for (const q of build(knex.schema).toSQL()) {
      this.addSql(knex.raw(q.sql, q.bindings ?? []).toQuery());
    }
  }

  protected get isPostgres(): boolean {
    return this.config.get('driver')?.name?.includes('PostgreSql') ?? false;
  }
}

/** Columns every table gets. */
export function timestamps(t: Knex.CreateTableBuilder): void {
  t.datetime('created_at').notNullable();
  t.datetime('updated_at').notNullable();
}
