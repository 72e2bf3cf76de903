// Sessions remember when they were last used, so an idle session can end (docs/decisions/0011).
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;
  // Nullable so the column can be added to a table with rows on SQLite; existing sessions start from their login.
  await db.schema.alterTable('sessions').addColumn('last_seen_at', instant).execute();
  await db.updateTable('sessions').set({ last_seen_at: sql`created_at` }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
}
