// Kysely queries for managing terms and their holidays; `db` or a transaction comes first.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, Day } from '../db/schema.ts';

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

export async function insertTerm(db: Kysely<Database>, term: Insertable<Database['terms']>) {
  return (await db.insertInto('terms').values(term).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTerm(db: Kysely<Database>, termId: number, values: Updateable<Database['terms']>) {
  await db.updateTable('terms').set(values).where('id', '=', termId).execute();
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
