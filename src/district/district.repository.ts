// Kysely queries for the district's data portrait: every figure an aggregate (GROUP BY) over the chosen terms, a
// fixed number of statements whatever the number of schools, and no enrollment or mark row read into the process.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { ReadAside } from '../db/read-aside.ts';
import type { Database, Day } from '../db/schema.ts';

/** What narrows the figures: the terms shown (one per school), a category, a grade. */
export interface Scope {
  termIds: readonly number[];
  category: string | null;
  grade: number | null;
}

const count = sql<number | string>`count(*)`;

/** Where the figures are read: the database the queries are built for, and where they run (see ReadAside). */
export interface Source {
  db: Kysely<Database>;
  reads: ReadAside;
}

/** Published offerings of the scope's terms (of its category, open to its grade). */
function inScope(eb: ExpressionBuilder<Database, 'offerings'>, scope: Scope) {
  const conditions = [eb('offerings.term_id', 'in', scope.termIds as number[]), eb('offerings.status', '=', 'published')];
  if (scope.category !== null) conditions.push(eb('offerings.category', '=', scope.category));
  if (scope.grade !== null) conditions.push(eb('offerings.grade_min', '<=', scope.grade), eb('offerings.grade_max', '>=', scope.grade));
  return eb.and(conditions);
}

export function schools(db: Kysely<Database>) {
  return db.selectFrom('schools').select(['id', 'slug', 'name_zh', 'name_en', 'kind', 'grade_min', 'grade_max', 'child_check']).orderBy('kind', 'desc').orderBy('id').execute();
}

export function terms(db: Kysely<Database>) {
  return db.selectFrom('terms').select(['id', 'school_id', 'name_zh', 'name_en', 'first_day', 'last_day', 'mode']).orderBy('first_day').orderBy('school_id').execute();
}

/** Offerings, seats and seats taken per term, category, kind and grade range. */
export function offeringFigures({ db, reads }: Source, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  return reads.all(db
    .selectFrom('offerings')
    .where((eb) => inScope(eb, scope))
    .select([
      'offerings.term_id',
      'offerings.category',
      'offerings.kind',
      'offerings.grade_min',
      'offerings.grade_max',
      count.as('offerings'),
      sql<number | string>`sum(offerings.capacity)`.as('seats'),
      sql<number | string>`sum(offerings.seats_taken)`.as('enrolled'),
      sql<number | string>`sum(case when offerings.capacity > offerings.seats_taken then offerings.capacity - offerings.seats_taken else 0 end)`.as('free'),
    ])
    .groupBy(['offerings.term_id', 'offerings.category', 'offerings.kind', 'offerings.grade_min', 'offerings.grade_max'])
    );
}

/** A place still wanted: a waitlist place, or a lottery request the draw closed (withdrawn, its rank kept). */
function stillWanted(eb: ExpressionBuilder<Database, 'enrollments'>) {
  return eb.or([eb('enrollments.status', '=', 'waitlisted'), eb.and([eb('enrollments.status', '=', 'withdrawn'), eb('enrollments.choice_rank', 'is not', null)])]);
}

/**
 * Waitlist places, lottery requests not met and lottery requests not drawn yet, per term and category: counted per
 * offering from the (offering, status) index first, then summed.
 */
export function wantedPlaces({ db, reads }: Source, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  const perOffering = db
    .selectFrom('enrollments')
    .select(['enrollments.offering_id', 'enrollments.status', count.as('places')])
    .where((eb) => eb.or([stillWanted(eb), eb('enrollments.status', '=', 'requested')]))
    .where('enrollments.offering_id', 'in', (eb) => eb.selectFrom('offerings').select('offerings.id').where((inner) => inScope(inner, scope)))
    .groupBy(['enrollments.offering_id', 'enrollments.status']);
  return reads.all(db
    .selectFrom(perOffering.as('places'))
    .innerJoin('offerings', 'offerings.id', 'places.offering_id')
    .select(['offerings.term_id', 'offerings.category', 'places.status', sql<number | string>`sum(places.places)`.as('places')])
    .groupBy(['offerings.term_id', 'offerings.category', 'places.status'])
    );
}

/**
 * What the children of each school and grade hold in each category of the scope: places counted per child and
 * category first (seats, waitlist places, lottery requests not met), then summed per school, grade and category —
 * children with a seat there, and children waiting there (waitlisted, or a draw left their request) with no seat.
 */
export function categoryHolders({ db, reads }: Source, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  const perChild = db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .where((eb) => inScope(eb, scope))
    .where((eb) => eb.or([eb('enrollments.status', '=', 'enrolled'), stillWanted(eb)]))
    .select([
      'enrollments.child_id',
      'offerings.category',
      sql<number>`sum(case when enrollments.status = 'enrolled' then 1 else 0 end)`.as('seats'),
      sql<number>`sum(case when enrollments.status = 'waitlisted' then 1 else 0 end)`.as('waitlisted'),
      sql<number>`sum(case when enrollments.status = 'withdrawn' then 1 else 0 end)`.as('unmet'),
    ])
    .groupBy(['enrollments.child_id', 'offerings.category']);
  let query = db.selectFrom(perChild.as('held')).innerJoin('children', 'children.id', 'held.child_id');
  if (scope.grade !== null) query = query.where('children.grade', '=', scope.grade);
  return reads.all(query
    .select([
      'children.school_id',
      'children.grade',
      'held.category',
      sql<number | string>`sum(held.seats)`.as('enrolled'),
      sql<number | string>`sum(held.waitlisted)`.as('waitlisted'),
      sql<number | string>`sum(held.unmet)`.as('unmet'),
      sql<number | string>`sum(case when held.seats > 0 then 1 else 0 end)`.as('seated_children'),
      sql<number | string>`sum(case when held.seats = 0 and (held.waitlisted > 0 or held.unmet > 0) then 1 else 0 end)`.as('waiting_children'),
      sql<number | string>`sum(case when held.seats = 0 and held.waitlisted > 0 then 1 else 0 end)`.as('waiting_waitlisted'),
      sql<number | string>`sum(case when held.seats = 0 and held.unmet > 0 then 1 else 0 end)`.as('waiting_unmet'),
    ])
    .groupBy(['children.school_id', 'children.grade', 'held.category'])
    );
}

/** Children with at least one seat in the scope, per school and grade (each child once, whatever it holds). */
export function seatedChildren({ db, reads }: Source, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('children')
    .where('children.id', 'in', (eb) =>
      eb
        .selectFrom('enrollments')
        .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
        .select('enrollments.child_id')
        .where((inner) => inScope(inner, scope))
        .where('enrollments.status', '=', 'enrolled'),
    );
  if (scope.grade !== null) query = query.where('children.grade', '=', scope.grade);
  return reads.all(query.select(['children.school_id', 'children.grade', count.as('children')]).groupBy(['children.school_id', 'children.grade']));
}

/** Children parents registered, per school and grade. */
export function registeredChildren({ db, reads }: Source) {
  return reads.all(db.selectFrom('children').select(['school_id', 'grade', count.as('children')]).groupBy(['school_id', 'grade']));
}

/** Pupils on each school's list, per school and grade. */
export function listedPupils({ db, reads }: Source) {
  return reads.all(db.selectFrom('pupils').select(['school_id', 'grade', count.as('pupils')]).groupBy(['school_id', 'grade']));
}

/**
 * Marks of the scope's meetings held up to a day, per term, category, day and kind of mark: counted per meeting
 * from the (meeting_id, mark) index first, then summed.
 */
export function marks({ db, reads }: Source, scope: Scope, upTo: Day) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  const heldMeetings = (eb: ExpressionBuilder<Database, 'attendance_marks'>) =>
    eb
      .selectFrom('meetings')
      .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
      .select('meetings.id')
      .where((inner) => inScope(inner, scope))
      .where('meetings.day', '<=', upTo);
  const perMeeting = db
    .selectFrom('attendance_marks')
    .select(['attendance_marks.meeting_id', 'attendance_marks.mark', count.as('n')])
    .where('attendance_marks.meeting_id', 'in', heldMeetings)
    .groupBy(['attendance_marks.meeting_id', 'attendance_marks.mark']);
  return reads.all(db
    .selectFrom(perMeeting.as('counted'))
    .innerJoin('meetings', 'meetings.id', 'counted.meeting_id')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .select(['offerings.term_id', 'offerings.category', 'meetings.day', 'counted.mark', sql<number | string>`sum(counted.n)`.as('marks')])
    .groupBy(['offerings.term_id', 'offerings.category', 'meetings.day', 'counted.mark'])
    );
}

/** The anonymous tallies (erased children, purged terms) of the same meetings, counted the same way. */
export function tallies({ db, reads }: Source, scope: Scope, upTo: Day) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  return reads.all(db
    .selectFrom('attendance_tallies')
    .innerJoin('meetings', 'meetings.id', 'attendance_tallies.meeting_id')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .where((eb) => inScope(eb, scope))
    .where('meetings.day', '<=', upTo)
    .select(['offerings.term_id', 'offerings.category', 'meetings.day', 'attendance_tallies.mark', sql<number | string>`sum(attendance_tallies.count)`.as('marks')])
    .groupBy(['offerings.term_id', 'offerings.category', 'meetings.day', 'attendance_tallies.mark'])
    );
}
