// The district portrait counts marks per meeting and kind (issue 23): an index on (meeting_id, mark) answers that
// from the index alone — measured at 100,000 children on SQLite, the marks aggregate took 145 ms without it and
// 45 ms with it. Frozen in time: this file must never import application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('attendance_marks_meeting_mark').on('attendance_marks').columns(['meeting_id', 'mark']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('attendance_marks_meeting_mark').execute();
}
