// Children's data duties: each guardian's consent to a versioned privacy text, guardians' requests to erase a
// child (carried out by the school), and anonymous attendance tallies that keep the statistics of erased or
// purged marks without saying whose they were.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = postgres ? sql`serial primary key` : sql`integer not null primary key autoincrement`;
  const instant = postgres ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('child_consents')
    .addColumn('id', id)
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull()) // the privacy text's version the guardian was shown and ticked
    .addColumn('given_at', instant, (c) => c.notNull())
    .addUniqueConstraint('child_consents_once', ['child_id', 'user_id', 'version'])
    .execute();

  await db.schema
    .createTable('deletion_requests')
    .addColumn('id', id)
    // Null once carried out: the request outlives the child only as a record that it was done.
    .addColumn('child_id', 'integer', (c) => c.references('children.id').onDelete('set null'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text') // cleared when carried out: a parent may have written the child's name in it
    .addColumn('requested_at', instant, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'done')`))
    .addColumn('done_at', instant)
    .addColumn('done_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('deletion_requests_school_status').on('deletion_requests').columns(['school_id', 'status']).execute();
  await db.schema.createIndex('deletion_requests_child').on('deletion_requests').column('child_id').execute();

  await db.schema
    .createTable('attendance_tallies')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('mark', 'text', (c) => c.notNull().check(sql`mark in ('present', 'late', 'absent', 'excused')`))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('attendance_tallies_pk', ['meeting_id', 'mark'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attendance_tallies').execute();
  await db.schema.dropTable('deletion_requests').execute();
  await db.schema.dropTable('child_consents').execute();
}
