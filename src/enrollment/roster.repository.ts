// Kysely queries for rosters: an offering with its school and teacher, its active children with their guardians,
// children of a school to add, and the offerings of a term a child can be moved to.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Any offering (draft, published or archived) with what deciding access and heading a roster needs. */
export function offeringForRoster(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .innerJoin('schools', 'schools.id', 'terms.school_id')
    .leftJoin('users as teachers', 'teachers.id', 'offerings.teacher_id')
    .select([
      'offerings.id',
      'offerings.code',
      'offerings.title_zh',
      'offerings.title_en',
      'offerings.capacity',
      'offerings.seats_taken',
      'offerings.status',
      'offerings.teacher_id',
      'offerings.term_id',
      'teachers.name as teacher_name',
      'terms.school_id',
      'terms.name_zh as term_name_zh',
      'terms.name_en as term_name_en',
      'schools.name_zh as school_name_zh',
      'schools.name_en as school_name_en',
    ])
    .where('offerings.id', '=', offeringId)
    .executeTakeFirst();
}

/** The offering's enrolled, waitlisted and requested children, seated first, then the queue in order, then requests. */
export function activeEntries(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .select([
      'enrollments.id',
      'enrollments.status',
      'enrollments.waitlist_position',
      'enrollments.choice_rank',
      'children.id as child_id',
      'children.name as child_name',
      'children.grade',
      'children.class_name',
    ])
    .where('enrollments.offering_id', '=', offeringId)
    .where('enrollments.status', 'in', ['enrolled', 'waitlisted', 'requested'])
    .orderBy(sql`case enrollments.status when 'enrolled' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('enrollments.waitlist_position')
    .orderBy('children.grade')
    .orderBy('children.class_name')
    .orderBy('children.name')
    .orderBy('enrollments.id')
    .execute();
}

/** Every guardian of these children with the contact details they signed up with. */
export async function guardiansOf(db: Kysely<Database>, childIds: readonly number[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('guardianships')
    .innerJoin('users', 'users.id', 'guardianships.user_id')
    .select(['guardianships.child_id', 'users.id', 'users.name', 'users.phone', 'users.email'])
    .where('guardianships.child_id', 'in', [...childIds])
    .orderBy('guardianships.child_id')
    .orderBy('guardianships.created_at')
    .orderBy('users.id')
    .execute();
}

/** Children of the school whose name or class contains the text, with where each stands in this offering. */
export function childrenMatching(db: Kysely<Database>, schoolId: number, offeringId: number, text: string, limit: number) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return db
    .selectFrom('children')
    .leftJoin('enrollments', (join) => join.onRef('enrollments.child_id', '=', 'children.id').on('enrollments.offering_id', '=', offeringId))
    .select(['children.id', 'children.name', 'children.grade', 'children.class_name', 'enrollments.status', 'enrollments.waitlist_position'])
    .where('children.school_id', '=', schoolId)
    // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not; the outcome should not depend on the database.
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(children.name)`, 'like', sql<string>`${pattern} escape '\\'`),
        eb(sql<string>`lower(coalesce(children.class_name, ''))`, 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    )
    .orderBy('children.grade')
    .orderBy('children.class_name')
    .orderBy('children.name')
    .limit(limit)
    .execute();
}

export function childOfSchool(db: Kysely<Database>, childId: number, schoolId: number) {
  return db.selectFrom('children').select(['id', 'name', 'grade', 'class_name']).where('id', '=', childId).where('school_id', '=', schoolId).executeTakeFirst();
}

/** An enrollment with its child and offering, for the school's actions on it. */
export function enrollmentWithOffering(db: Kysely<Database>, enrollmentId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select([
      'enrollments.id',
      'enrollments.offering_id',
      'enrollments.child_id',
      'enrollments.status',
      'enrollments.waitlist_position',
      'children.name as child_name',
      'children.grade',
      'children.class_name',
      'offerings.title_zh',
      'offerings.title_en',
      'offerings.code',
      'offerings.term_id',
      'terms.school_id',
    ])
    .where('enrollments.id', '=', enrollmentId)
    .executeTakeFirst();
}

/** The other published offerings of the term, with their seats, as places to move a child to. */
export function moveTargets(db: Kysely<Database>, termId: number, exceptOfferingId: number) {
  return db
    .selectFrom('offerings')
    .select(['id', 'code', 'title_zh', 'title_en', 'capacity', 'seats_taken'])
    .where('term_id', '=', termId)
    .where('status', '=', 'published')
    .where('id', '!=', exceptOfferingId)
    .orderBy('code')
    .execute();
}

export function offeringInTerm(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select(['offerings.id', 'offerings.title_zh', 'offerings.title_en', 'offerings.status', 'offerings.term_id', 'offerings.capacity', 'offerings.seats_taken', 'terms.school_id'])
    .where('offerings.id', '=', offeringId)
    .executeTakeFirst();
}

/** Ids of the offering's children in these states (a message to their guardians). */
export async function childIdsWithStatus(db: Kysely<Database>, offeringId: number, statuses: readonly ('enrolled' | 'waitlisted')[]): Promise<number[]> {
  const rows = await db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offeringId).where('status', 'in', [...statuses]).orderBy('child_id').execute();
  return rows.map((row) => row.child_id);
}

/** Whether the user is a guardian of a child enrolled or waitlisted in the offering. */
export async function isFamilyOfOffering(db: Kysely<Database>, userId: number, offeringId: number): Promise<boolean> {
  const row = await db
    .selectFrom('enrollments')
    .innerJoin('guardianships', 'guardianships.child_id', 'enrollments.child_id')
    .select('enrollments.id')
    .where('enrollments.offering_id', '=', offeringId)
    .where('enrollments.status', 'in', ['enrolled', 'waitlisted'])
    .where('guardianships.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The child's name when the child is enrolled (holds a seat) in the offering: on its roll. */
export async function enrolledChildName(db: Kysely<Database>, offeringId: number, childId: number): Promise<string | null> {
  const row = await db
    .selectFrom('enrollments')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .select('children.name')
    .where('enrollments.offering_id', '=', offeringId)
    .where('enrollments.child_id', '=', childId)
    .where('enrollments.status', '=', 'enrolled')
    .executeTakeFirst();
  return row?.name ?? null;
}
