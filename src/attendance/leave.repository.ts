// Queries for leave ahead (请假): a child's meetings to report, the reports, and who is on leave at a meeting.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Day } from '../db/schema.ts';

function childMeetings(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('meetings')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .innerJoin('enrollments', (join) => join.onRef('enrollments.offering_id', '=', 'offerings.id').on('enrollments.child_id', '=', childId).on('enrollments.status', '=', 'enrolled'))
    .select((eb) => [
      'meetings.id',
      'meetings.day',
      'meetings.starts_at',
      'meetings.ends_at',
      'meetings.status',
      'offerings.title_zh',
      'offerings.title_en',
      eb
        .exists(eb.selectFrom('attendance_marks').select('attendance_marks.child_id').whereRef('attendance_marks.meeting_id', '=', 'meetings.id').where('attendance_marks.child_id', '=', childId))
        .as('marked'),
    ]);
}

/** A meeting of one of the child's enrolled offerings, or undefined. */
export function childMeeting(db: Kysely<Database>, childId: number, meetingId: number) {
  return childMeetings(db, childId).where('meetings.id', '=', meetingId).executeTakeFirst();
}

/** Every meeting of the child's enrolled offerings between two days (inclusive), in order. */
export function childMeetingsBetween(db: Kysely<Database>, childId: number, from: Day, to: Day, limit?: number) {
  let query = childMeetings(db, childId).where('meetings.day', '>=', from).where('meetings.day', '<=', to).orderBy('meetings.day').orderBy('meetings.starts_at').orderBy('meetings.id');
  if (limit !== undefined) query = query.limit(limit);
  return query.execute();
}

/** Reports the child will miss these meetings; a repeated report keeps one row, with the latest reason. */
export async function saveReports(trx: Transaction<Database>, rows: readonly { childId: number; meetingId: number; reason: string; reportedBy: number; at: string }[]) {
  if (rows.length === 0) return;
  await trx
    .insertInto('absence_reports')
    .values(rows.map((row) => ({ child_id: row.childId, meeting_id: row.meetingId, reason: row.reason, reported_by: row.reportedBy, created_at: row.at })))
    .onConflict((conflict) => conflict.columns(['child_id', 'meeting_id']).doUpdateSet((eb) => ({ reason: eb.ref('excluded.reason'), reported_by: eb.ref('excluded.reported_by') })))
    .execute();
}

/** The child's reports with their meetings, latest meeting first. */
export function reportsOfChild(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('absence_reports')
    .innerJoin('meetings', 'meetings.id', 'absence_reports.meeting_id')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .select((eb) => [
      'absence_reports.id',
      'absence_reports.reason',
      'meetings.id as meeting_id',
      'meetings.day',
      'meetings.starts_at',
      'meetings.ends_at',
      'meetings.status',
      'offerings.title_zh',
      'offerings.title_en',
      eb
        .exists(eb.selectFrom('attendance_marks').select('attendance_marks.child_id').whereRef('attendance_marks.meeting_id', '=', 'meetings.id').where('attendance_marks.child_id', '=', childId))
        .as('marked'),
    ])
    .where('absence_reports.child_id', '=', childId)
    .orderBy('meetings.day', 'desc')
    .orderBy('meetings.starts_at', 'desc')
    .execute();
}

export async function deleteReport(trx: Transaction<Database>, childId: number, reportId: number) {
  await trx.deleteFrom('absence_reports').where('id', '=', reportId).where('child_id', '=', childId).execute();
}

/** The children reported on leave for a meeting, with the guardian's reason. */
export function reportsForMeeting(db: Kysely<Database>, meetingId: number) {
  return db.selectFrom('absence_reports').select(['child_id', 'reason']).where('meeting_id', '=', meetingId).execute();
}

export function reportFor(db: Kysely<Database>, meetingId: number, childId: number) {
  return db.selectFrom('absence_reports').select(['id', 'reason']).where('meeting_id', '=', meetingId).where('child_id', '=', childId).executeTakeFirst();
}
