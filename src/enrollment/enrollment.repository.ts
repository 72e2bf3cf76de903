// Kysely reads for enrollments (the writes are src/seats/seats.ts): the offering, the waitlist, a child's active offerings, and the locks.
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import * as postgresJson from 'kysely/helpers/postgres';
import * as sqliteJson from 'kysely/helpers/sqlite';
import { isPostgres } from '../db/dialect.ts';
import { fromJson } from '../db/json.ts';
import { preparedQuery } from '../db/prepared.ts';
import type { Database, EnrollmentsTable } from '../db/schema.ts';

/** What the enrolment rules read of a published offering and its term. */
const OFFERING_WITH_TERM = [
  'offerings.id',
  'offerings.title_zh',
  'offerings.title_en',
  'offerings.grade_min',
  'offerings.grade_max',
  'offerings.fee_cents',
  'offerings.term_id',
  'terms.school_id',
  'terms.enrol_opens_at',
  'terms.enrol_closes_at',
  'terms.mode',
  'terms.course_limit',
] as const;

const publishedOfferingQuery = preparedQuery(1, (db, offeringId: number) =>
  db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select(OFFERING_WITH_TERM)
    .where('offerings.id', '=', offeringId)
    .where('offerings.status', '=', 'published'),
);

export async function publishedOfferingWithTerm(db: Kysely<Database>, offeringId: number) {
  return (await publishedOfferingQuery(db, offeringId)).rows[0];
}

/**
 * PostgreSQL: holds the child's row until commit, so two enrolments of one child into different offerings queue
 * up and the second sees the first when it checks the per-term limit and the time clash. SQLite writers are serial.
 */
export async function lockChild(trx: Transaction<Database>, childId: number) {
  if (isPostgres(trx)) await trx.selectFrom('children').select('id').where('id', '=', childId).forUpdate().execute();
}

const lockedEnrollmentOfQuery = preparedQuery(2, (db, offeringId: number, childId: number) => {
  const query = db
    .selectFrom('offerings')
    .leftJoin('enrollments', (join) => join.onRef('enrollments.offering_id', '=', 'offerings.id').on('enrollments.child_id', '=', childId))
    .selectAll('enrollments')
    .select(['offerings.capacity as offering_capacity', 'offerings.seats_taken as offering_seats_taken'])
    .where('offerings.id', '=', offeringId);
  return isPostgres(db) ? query.forUpdate('offerings') : query;
});

/** The locked offering's seats, and the child's enrollment in it if there is one. */
export interface LockedOffering {
  enrollment: Selectable<EnrollmentsTable> | undefined;
  capacity: number;
  seatsTaken: number;
}

/**
 * Locks the offering (PostgreSQL) and reads its seats and the child's enrollment in it, in one statement;
 * undefined when there is no such offering.
 */
export async function lockOfferingAndEnrollmentOf(trx: Transaction<Database>, offeringId: number, childId: number): Promise<LockedOffering | undefined> {
  const row = (await lockedEnrollmentOfQuery(trx, offeringId, childId)).rows[0];
  if (!row) return undefined;
  const { offering_capacity: capacity, offering_seats_taken: seatsTaken, ...enrollment } = row;
  return { enrollment: enrollment.id == null ? undefined : (enrollment as Selectable<EnrollmentsTable>), capacity, seatsTaken };
}

const enrollmentOfQuery = preparedQuery(2, (db, offeringId: number, childId: number) =>
  db.selectFrom('enrollments').selectAll().where('offering_id', '=', offeringId).where('child_id', '=', childId),
);

export async function enrollmentOf(db: Kysely<Database>, offeringId: number, childId: number) {
  return (await enrollmentOfQuery(db, offeringId, childId)).rows[0];
}

export function enrollmentById(db: Kysely<Database>, id: number) {
  return db.selectFrom('enrollments').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Any offering's titles, fee, seats and waitlist length, and its term's rules and school (whatever the offering's
 * status): what the enrol control states and decides who it lists. The waitlist is gap-free: its length is its last place.
 */
export function offeringHeading(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .innerJoin('schools', 'schools.id', 'terms.school_id')
    .select((eb) => [
      'offerings.title_zh',
      'offerings.title_en',
      'offerings.fee_cents',
      'offerings.capacity',
      'offerings.seats_taken',
      'offerings.grade_min',
      'offerings.grade_max',
      'terms.mode',
      'terms.course_limit',
      'terms.enrol_opens_at',
      'terms.enrol_closes_at',
      'terms.school_id',
      'schools.slug as school_slug',
      eb
        .selectFrom('enrollments')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('enrollments.offering_id', '=', 'offerings.id')
        .where('enrollments.status', '=', 'waitlisted')
        .as('waitlisted'),
    ])
    .where('offerings.id', '=', offeringId)
    .executeTakeFirst();
}

/** Each of this parent's children with its enrollment (if any) in the offering, and its school's check, for the enrol control. */
export function childrenWithEnrollment(db: Kysely<Database>, parentId: number, offeringId: number) {
  return db
    .selectFrom('guardianships')
    .innerJoin('children', 'children.id', 'guardianships.child_id')
    .innerJoin('schools', 'schools.id', 'children.school_id')
    .leftJoin('enrollments', (join) => join.onRef('enrollments.child_id', '=', 'children.id').on('enrollments.offering_id', '=', offeringId))
    .select([
      'children.id',
      'children.name',
      'children.school_id',
      'children.grade',
      'children.pupil_id',
      'schools.child_check',
      'enrollments.id as enrollment_id',
      'enrollments.status',
      'enrollments.waitlist_position',
      'enrollments.choice_rank',
    ])
    .where('guardianships.user_id', '=', parentId)
    .orderBy('children.id')
    .execute();
}

/**
 * Everything a parent's enrolment decides on, in one statement: the published offering with its term, the child
 * (only if this parent is its guardian) with its school's check, the offering's slots, the child's other enrolled
 * or waitlisted offerings in the term with their slots, and the child's row in this offering. No row: no such
 * published offering, or not this parent's child.
 */
const enrolmentFactsQuery = preparedQuery(3, (db, parentId: number, offeringId: number, childId: number) => {
  const { jsonArrayFrom, jsonObjectFrom } = isPostgres(db) ? postgresJson : sqliteJson;
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .innerJoin('guardianships', (join) => join.on('guardianships.user_id', '=', parentId).on('guardianships.child_id', '=', childId))
    .innerJoin('children', 'children.id', 'guardianships.child_id')
    .innerJoin('schools', 'schools.id', 'children.school_id')
    .select((eb) => [
      ...OFFERING_WITH_TERM,
      'children.id as child_id',
      'children.name as child_name',
      'children.school_id as child_school_id',
      'children.grade as child_grade',
      'children.pupil_id as child_pupil_id',
      'schools.child_check as school_child_check',
      jsonArrayFrom(eb.selectFrom('offering_slots').select(['weekday', 'starts_at', 'ends_at']).whereRef('offering_slots.offering_id', '=', 'offerings.id')).as('slots'),
      jsonArrayFrom(
        eb
          .selectFrom('enrollments as other')
          .innerJoin('offerings as theirs', 'theirs.id', 'other.offering_id')
          .select((inner) => [
            'theirs.id',
            'theirs.title_zh',
            'theirs.title_en',
            jsonArrayFrom(inner.selectFrom('offering_slots as their_slots').select(['weekday', 'starts_at', 'ends_at']).whereRef('their_slots.offering_id', '=', 'theirs.id')).as('slots'),
          ])
          .whereRef('other.child_id', '=', 'children.id')
          .where('other.status', 'in', ['enrolled', 'waitlisted'])
          .whereRef('theirs.term_id', '=', 'offerings.term_id')
          .whereRef('theirs.id', '!=', 'offerings.id'),
      ).as('others'),
      jsonObjectFrom(
        eb.selectFrom('enrollments as mine').select(['mine.id', 'mine.status', 'mine.waitlist_position']).whereRef('mine.offering_id', '=', 'offerings.id').whereRef('mine.child_id', '=', 'children.id'),
      ).as('enrollment'),
    ])
    .where('offerings.id', '=', offeringId)
    .where('offerings.status', '=', 'published');
});

export async function enrolmentFacts(db: Kysely<Database>, parentId: number, offeringId: number, childId: number) {
  const row = (await enrolmentFactsQuery(db, parentId, offeringId, childId)).rows[0];
  if (!row) return undefined;
  // On SQLite the arrays nested in `others` come back as text too.
  const others = fromJson(row.others).map((other) => ({ ...other, slots: fromJson(other.slots) }));
  return { ...row, slots: fromJson(row.slots), others, enrollment: fromJson(row.enrollment) };
}

export type EnrolmentFacts = NonNullable<Awaited<ReturnType<typeof enrolmentFacts>>>;

/**
 * The child's row in the offering as the seat claim will see it. PostgreSQL: read again under the offering's lock
 * (another request for the same child may have placed it since `known` was read). SQLite runs one transaction at a
 * time, so the row read earlier in the same transaction is current.
 */
export async function placeUnderLock(trx: Transaction<Database>, offeringId: number, childId: number, known: EnrolmentFacts['enrollment']) {
  if (!isPostgres(trx)) return known ?? undefined;
  return (await lockOfferingAndEnrollmentOf(trx, offeringId, childId))?.enrollment;
}
