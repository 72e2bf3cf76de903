// Kysely queries for the district's data portrait: every figure an aggregate (GROUP BY) over the chosen terms, a
// fixed number of statements whatever the number of schools, and no enrollment or mark row read into the process.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database, Day } from '../db/schema.ts';

/** What narrows the figures: the terms shown (one per school), a category, a grade. */
export interface Scope {
  termIds: readonly number[];
  category: string | null;
  grade: number | null;
}

const count = sql<number | string>`count(*)`;

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
export function offeringFigures(db: Kysely<Database>, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  return db
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
    .execute();
}

/** A place still wanted: a waitlist place, or a lottery request the draw closed (withdrawn, its rank kept). */
function stillWanted(eb: ExpressionBuilder<Database, 'enrollments'>) {
  return eb.or([eb('enrollments.status', '=', 'waitlisted'), eb.and([eb('enrollments.status', '=', 'withdrawn'), eb('enrollments.choice_rank', 'is not', null)])]);
}

/** Waitlist places, lottery requests not met and lottery requests not drawn yet, per term and category. */
export function wantedPlaces(db: Kysely<Database>, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .where((eb) => inScope(eb, scope))
    .where((eb) => eb.or([stillWanted(eb), eb('enrollments.status', '=', 'requested')]))
    .select(['offerings.term_id', 'offerings.category', 'enrollments.status', count.as('places')])
    .groupBy(['offerings.term_id', 'offerings.category', 'enrollments.status'])
    .execute();
}

/** Children with at least one seat in the scope, per school and grade of the child (a child is counted once). */
export function seatedChildren(db: Kysely<Database>, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .where((eb) => inScope(eb, scope)).where('enrollments.status', '=', 'enrolled');
  if (scope.grade !== null) query = query.where('children.grade', '=', scope.grade);
  return query
    .select(['children.school_id', 'children.grade', sql<number | string>`count(distinct enrollments.child_id)`.as('children')])
    .groupBy(['children.school_id', 'children.grade'])
    .execute();
}

/** Children with at least one seat in each category (a child seated in two categories counts in both). */
export function seatedChildrenByCategory(db: Kysely<Database>, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .where((eb) => inScope(eb, scope)).where('enrollments.status', '=', 'enrolled');
  if (scope.grade !== null) query = query.where('children.grade', '=', scope.grade);
  return query.select(['offerings.category', sql<number | string>`count(distinct enrollments.child_id)`.as('children')]).groupBy('offerings.category').execute();
}

/** Children Clubroll knows per school and grade: those parents registered, and the pupils on each school's list. */
export function registeredChildren(db: Kysely<Database>) {
  return db.selectFrom('children').select(['school_id', 'grade', count.as('children')]).groupBy(['school_id', 'grade']).execute();
}

export function listedPupils(db: Kysely<Database>) {
  return db.selectFrom('pupils').select(['school_id', 'grade', count.as('pupils')]).groupBy(['school_id', 'grade']).execute();
}

/** Places per grade of the child: seats held, waitlist places, lottery requests not met. */
export function placesByGrade(db: Kysely<Database>, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .where((eb) => inScope(eb, scope)).where((eb) => eb.or([eb('enrollments.status', '=', 'enrolled'), stillWanted(eb)]));
  if (scope.grade !== null) query = query.where('children.grade', '=', scope.grade);
  return query.select(['children.grade', 'enrollments.status', count.as('places')]).groupBy(['children.grade', 'enrollments.status']).execute();
}

/**
 * Unmet demand per category and grade of the child: children waiting (waitlisted, or a lottery request not met) for
 * an offering of a category in which they hold no seat in the scope's terms; how many of them are waitlisted and how
 * many were left by a draw.
 */
export function waitingChildren(db: Kysely<Database>, scope: Scope) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .where((eb) => inScope(eb, scope))
    .where(stillWanted)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('enrollments as seat')
            .innerJoin('offerings as seated', 'seated.id', 'seat.offering_id')
            .select('seat.id')
            .whereRef('seat.child_id', '=', 'enrollments.child_id')
            .whereRef('seated.category', '=', 'offerings.category')
            .where('seat.status', '=', 'enrolled')
            .where('seated.term_id', 'in', scope.termIds as number[]),
        ),
      ),
    );
  if (scope.grade !== null) query = query.where('children.grade', '=', scope.grade);
  return query
    .select([
      'offerings.category',
      'children.grade',
      sql<number | string>`count(distinct enrollments.child_id)`.as('children'),
      sql<number | string>`count(distinct case when enrollments.status = 'waitlisted' then enrollments.child_id end)`.as('waitlisted'),
      sql<number | string>`count(distinct case when enrollments.status = 'withdrawn' then enrollments.child_id end)`.as('unmet'),
    ])
    .groupBy(['offerings.category', 'children.grade'])
    .execute();
}

/** Every mark of the scope's meetings held up to a day: named marks and anonymous tallies alike, as counts. */
function marksUpTo(db: Kysely<Database>, scope: Scope, upTo: Day) {
  const marks = db
    .selectFrom('attendance_marks')
    .select(['attendance_marks.meeting_id', 'attendance_marks.mark', sql<number>`1`.as('n')])
    .unionAll(db.selectFrom('attendance_tallies').select(['attendance_tallies.meeting_id', 'attendance_tallies.mark', 'attendance_tallies.count as n']));
  return db
    .selectFrom(marks.as('marks'))
    .innerJoin('meetings', 'meetings.id', 'marks.meeting_id')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .where((eb) => inScope(eb, scope))
    .where('meetings.day', '<=', upTo);
}

/** Marks per term, category and kind of mark. */
export function marksByCategory(db: Kysely<Database>, scope: Scope, upTo: Day) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  return marksUpTo(db, scope, upTo)
    .select(['offerings.term_id', 'offerings.category', 'marks.mark', sql<number | string>`sum(marks.n)`.as('marks')])
    .groupBy(['offerings.term_id', 'offerings.category', 'marks.mark'])
    .execute();
}

/** Marks per term, meeting day and kind of mark (the weekly series is summed from the days). */
export function marksByDay(db: Kysely<Database>, scope: Scope, upTo: Day) {
  if (scope.termIds.length === 0) return Promise.resolve([]);
  return marksUpTo(db, scope, upTo)
    .select(['offerings.term_id', 'meetings.day', 'marks.mark', sql<number | string>`sum(marks.n)`.as('marks')])
    .groupBy(['offerings.term_id', 'meetings.day', 'marks.mark'])
    .execute();
}
