// Login throttle rows carry when they stop mattering, so they can be deleted (issue 20: every bogus login added a
// row forever). Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;
  // Nullable so the column can be added to a table with rows on SQLite; a row without it is deleted at the next sweep.
  await db.schema.alterTable('login_throttles').addColumn('expires_at', instant).execute();
  await db.schema.createIndex('login_throttles_expiry').on('login_throttles').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_throttles_expiry').execute();
  await db.schema.alterTable('login_throttles').dropColumn('expires_at').execute();
}
