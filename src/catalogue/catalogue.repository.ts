// Kysely queries for the public catalogue: a school's current term, its published offerings, slots, seats, meetings.
import { type Kysely, sql } from 'kysely';
import type { Database, Day } from '../db/schema.ts';

export { findSchoolBySlug } from '../schools/schools.repository.ts';

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

/** Per offering: children waiting, and lottery requests (ranked choices, whatever became of them). */
export function placeCounts(db: Kysely<Database>, offeringIds: number[]) {
  if (offeringIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrollments')
    .select([
      'offering_id',
      sql<number>`cast(sum(case when status = 'waitlisted' then 1 else 0 end) as integer)`.as('waitlisted'),
      sql<number>`cast(sum(case when choice_rank is not null then 1 else 0 end) as integer)`.as('requested'),
    ])
    .where('offering_id', 'in', offeringIds)
    .where((eb) => eb.or([eb('status', '=', 'waitlisted'), eb('choice_rank', 'is not', null)]))
    .groupBy('offering_id')
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
