// Who collects the child and who to call (issue 22): per child, the people its guardians allow to collect it (at
// most five) and one emergency note (allergies, medical needs). Both go with the child.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = postgres ? sql`serial primary key` : sql`integer not null primary key autoincrement`;
  const instant = postgres ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('child_collectors')
    .addColumn('id', id)
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    // A guardian who leaves the platform leaves the collectors they added, without a name.
    .addColumn('added_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('child_collectors_child').on('child_collectors').column('child_id').execute();
  await db.schema
    .createTable('child_care_notes')
    .addColumn('child_id', 'integer', (c) => c.notNull().primaryKey().references('children.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('child_care_notes').execute();
  await db.schema.dropTable('child_collectors').execute();
}
