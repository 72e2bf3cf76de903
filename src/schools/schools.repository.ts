// Kysely queries for schools and their current terms.
import { type Kysely, sql } from 'kysely';
import type { ChildCheck, Database, Day } from '../db/schema.ts';

export function listSchools(db: Kysely<Database>) {
  return db.selectFrom('schools').selectAll().orderBy('kind', 'desc').orderBy('id').execute();
}

export function findSchool(db: Kysely<Database>, id: number) {
  return db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSchoolBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom('schools').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Each school's current term: the earliest one that has not ended by `today`. */
export function currentTerms(db: Kysely<Database>, today: Day) {
  return db
    .selectFrom('terms')
    .selectAll()
    .where('last_day', '>=', today)
    .orderBy('school_id')
    .orderBy('first_day')
    .execute();
}

/** Published clubs and courses per term. */
export function publishedCounts(db: Kysely<Database>, termIds: number[]) {
  if (termIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('offerings')
    .select(['term_id', 'kind', sql<number>`cast(count(*) as integer)`.as('count')])
    .where('term_id', 'in', termIds)
    .where('status', '=', 'published')
    .groupBy(['term_id', 'kind'])
    .execute();
}

/** How the school checks children (its admins switch it; the pupils feature matches children in the same transaction). */
export async function setChildCheck(db: Kysely<Database>, schoolId: number, childCheck: ChildCheck) {
  await db.updateTable('schools').set({ child_check: childCheck }).where('id', '=', schoolId).execute();
}
