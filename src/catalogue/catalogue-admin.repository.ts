// Kysely queries for managing terms, offerings, slots and meetings; `db` or a transaction comes first.
import { type Kysely, sql } from 'kysely';
import type { Database, Day, OfferingStatus } from '../db/schema.ts';
import type { MeetingPlan } from './meetings.policy.ts';
import type { WeeklySlot } from '../kernel/slots.ts';

export function termsOfSchool(db: Kysely<Database>, schoolId: number) {
  return db.selectFrom('terms').selectAll().where('school_id', '=', schoolId).orderBy('first_day', 'desc').execute();
}

export function termWithSchool(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('terms')
    .innerJoin('schools', 'schools.id', 'terms.school_id')
    .selectAll('terms')
    .select(['schools.name_zh as school_name_zh', 'schools.name_en as school_name_en', 'schools.grade_min as school_grade_min', 'schools.grade_max as school_grade_max', 'schools.slug as school_slug'])
    .where('terms.id', '=', termId)
    .executeTakeFirst();
}

export function holidaysOf(db: Kysely<Database>, termId: number) {
  return db.selectFrom('term_holidays').selectAll().where('term_id', '=', termId).orderBy('day').execute();
}

export async function replaceHolidays(db: Kysely<Database>, termId: number, holidays: { day: Day; name: string }[]) {
  await db.deleteFrom('term_holidays').where('term_id', '=', termId).execute();
  if (holidays.length > 0) {
    await db
      .insertInto('term_holidays')
      .values(holidays.map((holiday) => ({ term_id: termId, day: holiday.day, name_zh: holiday.name, name_en: holiday.name })))
      .execute();
  }
}

export function offeringsOfTerm(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('offerings')
    .leftJoin('users', 'users.id', 'offerings.teacher_id')
    .selectAll('offerings')
    .select('users.name as teacher_name')
    .where('offerings.term_id', '=', termId)
    .orderBy('offerings.code')
    .execute();
}

export function offeringById(db: Kysely<Database>, id: number) {
  return db.selectFrom('offerings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function slotsOfOffering(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('offering_slots')
    .select(['weekday', 'starts_at', 'ends_at'])
    .where('offering_id', '=', offeringId)
    .orderBy('weekday')
    .orderBy('starts_at')
    .execute();
}

export async function replaceSlots(db: Kysely<Database>, offeringId: number, slots: readonly WeeklySlot[]) {
  await db.deleteFrom('offering_slots').where('offering_id', '=', offeringId).execute();
  await db
    .insertInto('offering_slots')
    .values(slots.map((slot) => ({ offering_id: offeringId, weekday: slot.weekday, starts_at: slot.startsAt, ends_at: slot.endsAt })))
    .execute();
}

export function teachersOfSchool(db: Kysely<Database>, schoolId: number) {
  return db.selectFrom('users').select(['id', 'name']).where('school_id', '=', schoolId).where('role', '=', 'teacher').orderBy('name').execute();
}

export function offeringsOfTeacher(db: Kysely<Database>, teacherId: number) {
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .selectAll('offerings')
    .select(['terms.name_zh as term_name_zh', 'terms.name_en as term_name_en', 'terms.last_day as term_last_day'])
    .where('offerings.teacher_id', '=', teacherId)
    .where('offerings.status', '!=', 'archived')
    .orderBy('terms.first_day', 'desc')
    .orderBy('offerings.code')
    .execute();
}

/** The meetings after `today` of these offerings, each with how many attendance marks were taken at it. */
export async function futureMeetings(db: Kysely<Database>, offeringIds: readonly number[], today: Day) {
  const rows = [];
  for (let i = 0; i < offeringIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('meetings')
        .select([
          'meetings.id',
          'meetings.offering_id',
          'meetings.day',
          'meetings.starts_at',
          'meetings.ends_at',
          'meetings.status',
          'meetings.reason',
          sql<number>`(select count(*) from attendance_marks where attendance_marks.meeting_id = meetings.id)`.as('marks'),
        ])
        .where('meetings.offering_id', 'in', offeringIds.slice(i, i + 500))
        .where('meetings.day', '>', today)
        .execute()),
    );
  }
  return rows;
}

export async function deleteMeetings(db: Kysely<Database>, ids: number[]) {
  for (let i = 0; i < ids.length; i += 500) await db.deleteFrom('meetings').where('id', 'in', ids.slice(i, i + 500)).execute();
}

export async function insertMeetings(db: Kysely<Database>, meetings: readonly (MeetingPlan & { offeringId: number; room: string })[]) {
  const rows = meetings.map((plan) => ({ offering_id: plan.offeringId, day: plan.day, starts_at: plan.startsAt, ends_at: plan.endsAt, room: plan.room }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('meetings').values(rows.slice(i, i + 500)).execute();
}

export async function insertSlots(db: Kysely<Database>, slots: readonly (WeeklySlot & { offeringId: number })[]) {
  const rows = slots.map((slot) => ({ offering_id: slot.offeringId, weekday: slot.weekday, starts_at: slot.startsAt, ends_at: slot.endsAt }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('offering_slots').values(rows.slice(i, i + 500)).execute();
}

export async function idsByCode(db: Kysely<Database>, termId: number, codes: readonly string[]) {
  const found = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db.selectFrom('offerings').select(['id', 'code']).where('term_id', '=', termId).where('code', 'in', codes.slice(i, i + 500)).execute();
    for (const row of rows) found.set(row.code, row.id);
  }
  return found;
}

export function meetingsOfOffering(db: Kysely<Database>, offeringId: number) {
  return db.selectFrom('meetings').selectAll().where('offering_id', '=', offeringId).orderBy('day').orderBy('starts_at').execute();
}

/** The children holding a seat in the offering (not the waitlist, not withdrawn): whose guardians hear of a change. */
export function enrolledChildren(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .select(['children.id', 'children.name'])
    .where('enrollments.offering_id', '=', offeringId)
    .where('enrollments.status', '=', 'enrolled')
    .orderBy('children.id')
    .execute();
}

export function meetingById(db: Kysely<Database>, id: number) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function teachersWithLogins(db: Kysely<Database>, schoolId: number) {
  return db.selectFrom('users').select(['id', 'name', 'email', 'phone']).where('school_id', '=', schoolId).where('role', '=', 'teacher').execute();
}

export function slotsOfTerm(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('offering_slots')
    .innerJoin('offerings', 'offerings.id', 'offering_slots.offering_id')
    .select(['offering_slots.offering_id', 'offering_slots.weekday', 'offering_slots.starts_at', 'offering_slots.ends_at'])
    .where('offerings.term_id', '=', termId)
    .orderBy('offering_slots.weekday')
    .orderBy('offering_slots.starts_at')
    .execute();
}

/** How many children hold a seat, a waitlist place or a lottery choice in the offering (archiving asks first). */
export async function activePlacesOf(db: Kysely<Database>, offeringId: number) {
  const rows = await db
    .selectFrom('enrollments')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .where('offering_id', '=', offeringId)
    .where('status', 'in', ['enrolled', 'waitlisted', 'requested'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
  return { enrolled: count('enrolled'), waitlisted: count('waitlisted'), requested: count('requested') };
}

/** The offering's status; archiving or unpublishing one that held children also records why and when. */
export async function setOfferingStatus(db: Kysely<Database>, offeringId: number, status: OfferingStatus, at: string, cancellation: { reason: string } | null) {
  await db
    .updateTable('offerings')
    .set({ status, updated_at: at, ...(cancellation ? { cancel_reason: cancellation.reason, cancelled_at: at } : status === 'published' ? { cancel_reason: null, cancelled_at: null } : {}) })
    .where('id', '=', offeringId)
    .execute();
}
