// Kysely queries for the public catalogue: a school's current term, its published offerings, slots, seats, meetings.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { preparedQuery } from '../db/prepared.ts';
import type { Database, Day } from '../db/schema.ts';

/** The school's current term: the earliest one that has not ended by `today`. */
export function currentTerm(db: Kysely<Database>, schoolId: number, today: Day) {
  return db
    .selectFrom('terms')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('last_day', '>=', today)
    .orderBy('first_day')
    .limit(1)
    .executeTakeFirst();
}

const offeringColumns = [
  'offerings.id',
  'offerings.term_id',
  'offerings.code',
  'offerings.kind',
  'offerings.category',
  'offerings.title_zh',
  'offerings.title_en',
  'offerings.description_zh',
  'offerings.description_en',
  'offerings.room',
  'offerings.capacity',
  'offerings.seats_taken',
  'offerings.grade_min',
  'offerings.grade_max',
  'offerings.fee_cents',
  'offerings.status',
  'users.name as teacher_name',
] as const;

export function publishedOfferings(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('offerings')
    .leftJoin('users', 'users.id', 'offerings.teacher_id')
    .select(offeringColumns)
    .where('offerings.term_id', '=', termId)
    .where('offerings.status', '=', 'published')
    .orderBy('offerings.kind')
    .orderBy('offerings.code')
    .execute();
}

export function publishedOffering(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('offerings')
    .leftJoin('users', 'users.id', 'offerings.teacher_id')
    .select(offeringColumns)
    .where('offerings.id', '=', id)
    .where('offerings.status', '=', 'published')
    .executeTakeFirst();
}

/**
 * The offering's children waiting, as a column `waitlisted`. The waitlist is gap-free, so its length is its last
 * position: one index lookup however long the queue.
 */
function waitlistLength(eb: ExpressionBuilder<Database, 'offerings'>) {
  return eb
    .selectFrom('enrollments')
    .select(sql<number>`coalesce(max(waitlist_position), 0)`.as('last'))
    .whereRef('enrollments.offering_id', '=', 'offerings.id')
    .where('enrollments.status', '=', 'waitlisted')
    .as('waitlisted');
}

const seatCountsQuery = preparedQuery(1, (db, id: number) =>
  db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select((eb) => [
      'offerings.capacity',
      'offerings.seats_taken',
      'terms.enrol_opens_at',
      'terms.enrol_closes_at',
      waitlistLength(eb),
    ])
    .where('offerings.id', '=', id)
    .where('offerings.status', '=', 'published'),
);

/**
 * A published offering's seats, waitlist length and enrolment window, in one statement compiled once: the seat
 * badges of every open course page poll it (see src/db/prepared.ts).
 */
export async function seatCounts(db: Kysely<Database>, id: number) {
  return (await seatCountsQuery(db, id)).rows[0];
}

export function slotsOf(db: Kysely<Database>, offeringIds: number[]) {
  if (offeringIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('offering_slots')
    .select(['offering_id', 'weekday', 'starts_at', 'ends_at'])
    .where('offering_id', 'in', offeringIds)
    .orderBy('weekday')
    .orderBy('starts_at')
    .execute();
}

/** Per offering: children waiting (waitlistLength) and, for a lottery term, the requests (ranked choices). */
export function placeCounts(db: Kysely<Database>, offeringIds: number[], withRequests = false) {
  if (offeringIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('offerings')
    .select((eb) => [
      'offerings.id as offering_id',
      waitlistLength(eb),
      withRequests
        ? eb
            .selectFrom('enrollments')
            .select((inner) => inner.fn.countAll<number>().as('count'))
            .whereRef('enrollments.offering_id', '=', 'offerings.id')
            .where('enrollments.choice_rank', 'is not', null)
            .as('requested')
        : sql<number>`0`.as('requested'),
    ])
    .where('offerings.id', 'in', offeringIds)
    .execute();
}

export function meetingsOf(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('meetings')
    .select(['id', 'day', 'starts_at', 'ends_at', 'room', 'status', 'reason', 'moved_to_day'])
    .where('offering_id', '=', offeringId)
    .orderBy('day')
    .orderBy('starts_at')
    .execute();
}

export function termById(db: Kysely<Database>, id: number) {
  return db.selectFrom('terms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An offering the school cancelled while children held places in it, with whether this user is one of their guardians. */
export function cancelledOffering(db: Kysely<Database>, id: number, userId: number | null) {
  return db
    .selectFrom('offerings')
    .select((eb) => [
      'offerings.id',
      'offerings.title_zh',
      'offerings.title_en',
      'offerings.cancel_reason',
      'offerings.cancelled_at',
      eb
        .exists(
          eb
            .selectFrom('enrollments')
            .innerJoin('guardianships', 'guardianships.child_id', 'enrollments.child_id')
            .select('enrollments.id')
            .whereRef('enrollments.offering_id', '=', 'offerings.id')
            .where('guardianships.user_id', '=', userId ?? -1),
        )
        .as('concerns_user'),
    ])
    .where('offerings.id', '=', id)
    .where('offerings.status', '!=', 'published')
    .where('offerings.cancelled_at', 'is not', null)
    .executeTakeFirst();
}
