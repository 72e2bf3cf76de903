// Kysely queries for an offering's meetings: the planned ones kept in step with its slots, and changes to one.
import { type Insertable, type Kysely, type Updateable, sql } from 'kysely';
import type { Database, Day } from '../db/schema.ts';
import type { MeetingPlan } from './meetings.policy.ts';

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

/** One meeting added by hand (where a moved meeting now takes place). */
export async function insertMeeting(db: Kysely<Database>, meeting: Insertable<Database['meetings']>) {
  await db.insertInto('meetings').values(meeting).execute();
}

/** A meeting cancelled, moved or reinstated: its status and the reason parents are told. */
export async function setMeetingStatus(db: Kysely<Database>, meetingId: number, change: Pick<Updateable<Database['meetings']>, 'status' | 'reason' | 'moved_to_day'>) {
  await db.updateTable('meetings').set(change).where('id', '=', meetingId).execute();
}

export function meetingsOfOffering(db: Kysely<Database>, offeringId: number) {
  return db.selectFrom('meetings').selectAll().where('offering_id', '=', offeringId).orderBy('day').orderBy('starts_at').execute();
}

export function meetingById(db: Kysely<Database>, id: number) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
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
