// Leave ahead (请假, issue 22): a guardian reports that a child will miss a meeting, with a reason; the roll shows it
// before the teacher marks. One report per child and meeting. Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = postgres ? sql`serial primary key` : sql`integer not null primary key autoincrement`;
  const instant = postgres ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('absence_reports')
    .addColumn('id', id)
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('absence_reports_once', ['child_id', 'meeting_id'])
    .execute();
  await db.schema.createIndex('absence_reports_meeting').on('absence_reports').column('meeting_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('absence_reports').execute();
}
