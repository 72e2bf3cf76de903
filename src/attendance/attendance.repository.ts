// Queries for the roll: a teacher's coming meetings, one meeting's enrolled children and their marks.
import type { Kysely, Transaction } from 'kysely';
import type { AttendanceMark, Database, Day } from '../db/schema.ts';

/** A meeting with what deciding access and editing needs: its offering, teacher, school and term. */
export function meetingWithOffering(db: Kysely<Database>, meetingId: number) {
  return db
    .selectFrom('meetings')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select([
      'meetings.id',
      'meetings.offering_id',
      'meetings.day',
      'meetings.starts_at',
      'meetings.ends_at',
      'meetings.room',
      'meetings.status',
      'meetings.unlocked_until',
      'offerings.title_zh',
      'offerings.title_en',
      'offerings.code',
      'offerings.teacher_id',
      'offerings.term_id',
      'terms.school_id',
    ])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
}

/** Held meetings of these offerings between two days (inclusive), with how many of the roll are marked. */
export function meetingsBetween(db: Kysely<Database>, filter: { teacherId?: number; schoolId?: number }, from: Day, to: Day) {
  let query = db
    .selectFrom('meetings')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select((eb) => [
      'meetings.id',
      'meetings.day',
      'meetings.starts_at',
      'meetings.ends_at',
      'meetings.room',
      'offerings.id as offering_id',
      'offerings.title_zh',
      'offerings.title_en',
      'offerings.seats_taken',
      eb
        .selectFrom('attendance_marks')
        .innerJoin('enrollments', (join) =>
          join.onRef('enrollments.child_id', '=', 'attendance_marks.child_id').onRef('enrollments.offering_id', '=', 'meetings.offering_id').on('enrollments.status', '=', 'enrolled'),
        )
        .whereRef('attendance_marks.meeting_id', '=', 'meetings.id')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .as('marked'),
      eb
        .selectFrom('absence_reports')
        .innerJoin('enrollments', (join) =>
          join.onRef('enrollments.child_id', '=', 'absence_reports.child_id').onRef('enrollments.offering_id', '=', 'meetings.offering_id').on('enrollments.status', '=', 'enrolled'),
        )
        .whereRef('absence_reports.meeting_id', '=', 'meetings.id')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .as('on_leave'),
    ])
    .where('meetings.status', '=', 'scheduled')
    .where('offerings.status', '=', 'published')
    .where('meetings.day', '>=', from)
    .where('meetings.day', '<=', to);
  if (filter.teacherId !== undefined) query = query.where('offerings.teacher_id', '=', filter.teacherId);
  if (filter.schoolId !== undefined) query = query.where('terms.school_id', '=', filter.schoolId);
  return query.orderBy('meetings.day').orderBy('meetings.starts_at').orderBy('offerings.title_zh').execute();
}

/** The children enrolled in the meeting's offering now, with their mark for this meeting if any. */
export function rollOf(db: Kysely<Database>, meetingId: number, offeringId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .leftJoin('attendance_marks', (join) => join.onRef('attendance_marks.child_id', '=', 'children.id').on('attendance_marks.meeting_id', '=', meetingId))
    .select([
      'children.id as child_id',
      'children.name',
      'children.grade',
      'children.class_name',
      'attendance_marks.mark',
      'attendance_marks.note',
      'attendance_marks.marked_at',
    ])
    .where('enrollments.offering_id', '=', offeringId)
    .where('enrollments.status', '=', 'enrolled')
    .orderBy('children.class_name')
    .orderBy('children.name')
    .execute();
}

export function isEnrolled(db: Kysely<Database>, offeringId: number, childId: number) {
  return db
    .selectFrom('enrollments')
    .select('id')
    .where('offering_id', '=', offeringId)
    .where('child_id', '=', childId)
    .where('status', '=', 'enrolled')
    .executeTakeFirst();
}

export function markOf(trx: Transaction<Database>, meetingId: number, childId: number) {
  return trx.selectFrom('attendance_marks').selectAll().where('meeting_id', '=', meetingId).where('child_id', '=', childId).executeTakeFirst();
}

export async function writeMark(
  trx: Transaction<Database>,
  row: { meetingId: number; childId: number; mark: AttendanceMark; note: string | null; markedBy: number; at: string; alertState: 'absent' | 'cleared' | null; alertDueAt?: string | null },
  exists: boolean,
) {
  const values = { mark: row.mark, note: row.note, marked_by: row.markedBy, marked_at: row.at, alert_state: row.alertState, ...(row.alertDueAt === undefined ? {} : { alert_due_at: row.alertDueAt }) };
  if (exists) {
    await trx.updateTable('attendance_marks').set(values).where('meeting_id', '=', row.meetingId).where('child_id', '=', row.childId).execute();
  } else {
    await trx.insertInto('attendance_marks').values({ meeting_id: row.meetingId, child_id: row.childId, ...values }).execute();
  }
}

/** An offering with its term and teacher, for the term sign-in sheet. */
export function offeringForSheet(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .leftJoin('users', 'users.id', 'offerings.teacher_id')
    .select([
      'offerings.id',
      'offerings.title_zh',
      'offerings.title_en',
      'offerings.teacher_id',
      'terms.school_id',
      'terms.name_zh as term_name_zh',
      'terms.name_en as term_name_en',
      'users.name as teacher_name',
    ])
    .where('offerings.id', '=', offeringId)
    .executeTakeFirst();
}

/** The meetings that take place (not cancelled, not moved away), in order. */
export function heldMeetings(db: Kysely<Database>, offeringId: number) {
  return db.selectFrom('meetings').select(['id', 'day', 'starts_at']).where('offering_id', '=', offeringId).where('status', '=', 'scheduled').orderBy('day').orderBy('starts_at').execute();
}

/** The children enrolled in an offering now, by class and name. */
export function enrolledChildren(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .select(['children.id', 'children.name', 'children.class_name'])
    .where('enrollments.offering_id', '=', offeringId)
    .where('enrollments.status', '=', 'enrolled')
    .orderBy('children.class_name')
    .orderBy('children.name')
    .execute();
}

export function termWithSchool(db: Kysely<Database>, termId: number) {
  return db.selectFrom('terms').selectAll().where('id', '=', termId).executeTakeFirst();
}

/** A term's published offerings, optionally of one category or meeting on one weekday. */
export function reportOfferings(db: Kysely<Database>, termId: number, filter: { category?: string | undefined; weekday?: number | undefined }) {
  let query = db
    .selectFrom('offerings')
    .select(['id', 'code', 'title_zh', 'title_en', 'category', 'capacity', 'seats_taken'])
    .where('term_id', '=', termId)
    .where('status', '=', 'published');
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.weekday) {
    const weekday = filter.weekday;
    query = query.where((eb) => eb.exists(eb.selectFrom('offering_slots').select('offering_slots.id').whereRef('offering_slots.offering_id', '=', 'offerings.id').where('offering_slots.weekday', '=', weekday)));
  }
  return query.orderBy('category').orderBy('code').execute();
}

/** Every mark of the term's held meetings up to a day, with the child's name. */
export function reportMarks(db: Kysely<Database>, termId: number, upTo: Day) {
  return db
    .selectFrom('attendance_marks')
    .innerJoin('meetings', 'meetings.id', 'attendance_marks.meeting_id')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .innerJoin('children', 'children.id', 'attendance_marks.child_id')
    .select(['meetings.offering_id', 'meetings.day', 'attendance_marks.child_id', 'attendance_marks.mark', 'children.name as child_name'])
    .where('offerings.term_id', '=', termId)
    .where('meetings.day', '<=', upTo)
    .execute();
}

/** The anonymous tallies (erased children, purged terms) of the term's held meetings up to a day. */
export function reportTallies(db: Kysely<Database>, termId: number, upTo: Day) {
  return db
    .selectFrom('attendance_tallies')
    .innerJoin('meetings', 'meetings.id', 'attendance_tallies.meeting_id')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .select(['meetings.offering_id', 'meetings.day', 'attendance_tallies.mark', 'attendance_tallies.count'])
    .where('offerings.term_id', '=', termId)
    .where('meetings.day', '<=', upTo)
    .execute();
}

/** Every mark a child has, with its offering, for the child's record. */
export function marksOfChild(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('attendance_marks')
    .innerJoin('meetings', 'meetings.id', 'attendance_marks.meeting_id')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select(['offerings.id as offering_id', 'offerings.title_zh', 'offerings.title_en', 'terms.first_day', 'meetings.day', 'attendance_marks.mark'])
    .where('attendance_marks.child_id', '=', childId)
    .orderBy('terms.first_day', 'desc')
    .orderBy('offerings.title_zh')
    .orderBy('meetings.day')
    .execute();
}

export async function deleteMark(trx: Transaction<Database>, meetingId: number, childId: number) {
  await trx.deleteFrom('attendance_marks').where('meeting_id', '=', meetingId).where('child_id', '=', childId).execute();
}

/** Marks these children present at the meeting (none of them has a mark yet). */
export async function insertPresentMarks(trx: Transaction<Database>, meetingId: number, childIds: readonly number[], markedBy: number, at: string) {
  if (childIds.length === 0) return;
  await trx
    .insertInto('attendance_marks')
    .values(childIds.map((childId) => ({ meeting_id: meetingId, child_id: childId, mark: 'present' as const, note: null, marked_by: markedBy, marked_at: at, alert_state: null })))
    .execute();
}

export async function childName(trx: Transaction<Database>, childId: number): Promise<string> {
  return (await trx.selectFrom('children').select('name').where('id', '=', childId).executeTakeFirstOrThrow()).name;
}

/** Reopens a locked roll until the instant. */
export async function unlockMeeting(trx: Transaction<Database>, meetingId: number, until: string) {
  await trx.updateTable('meetings').set({ unlocked_until: until }).where('id', '=', meetingId).execute();
}
