// A first absence alarm is held for a short grace (issue 22: one mis-tap on 缺勤 alarmed every guardian at once):
// a notification may wait until `not_before`, named by a `hold_key` so a correction can withdraw it, and the mark
// records when its held alarm falls due. Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;
  await db.schema.alterTable('notifications').addColumn('not_before', instant).execute();
  await db.schema.alterTable('notifications').addColumn('hold_key', 'text').execute();
  await db.schema.createIndex('notifications_hold_key').on('notifications').column('hold_key').execute();
  await db.schema.alterTable('attendance_marks').addColumn('alert_due_at', instant).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attendance_marks').dropColumn('alert_due_at').execute();
  await db.schema.dropIndex('notifications_hold_key').execute();
  await db.schema.alterTable('notifications').dropColumn('hold_key').execute();
  await db.schema.alterTable('notifications').dropColumn('not_before').execute();
}
