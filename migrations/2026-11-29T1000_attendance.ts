// What the roll needs beyond the marks themselves: whether the guardians were alarmed about an absence (so a
// correction sends a follow-up, never a second alarm) and an admin's unlock of a locked meeting.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;
  // null: nobody was told; 'absent': the guardians were alarmed; 'cleared': a follow-up took it back.
  await db.schema
    .alterTable('attendance_marks')
    .addColumn('alert_state', 'text', (c) => c.check(sql`alert_state in ('absent', 'cleared')`))
    .execute();
  await db.schema.alterTable('meetings').addColumn('unlocked_until', instant).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meetings').dropColumn('unlocked_until').execute();
  await db.schema.alterTable('attendance_marks').dropColumn('alert_state').execute();
}
