// Announcements (issue 22): what an offering's teacher or school told its families, kept so the offering page can
// list them. No child ids: only the offering, the sender and how many guardians were told.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = postgres ? sql`serial primary key` : sql`integer not null primary key autoincrement`;
  const instant = postgres ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('announcements')
    .addColumn('id', id)
    .addColumn('offering_id', 'integer', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
    // A deleted account leaves its announcements, without a name.
    .addColumn('sender_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('to_waitlist', 'integer', (c) => c.notNull().defaultTo(0).check(sql`to_waitlist in (0, 1)`))
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('announcements_offering').on('announcements').columns(['offering_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('announcements').execute();
}
