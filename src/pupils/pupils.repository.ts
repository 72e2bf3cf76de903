// Kysely queries for a school's pupil list; `db` or a transaction comes first.
import { type Insertable, type Kysely, type Updateable, sql } from 'kysely';
import type { Database, PupilsTable } from '../db/schema.ts';

export interface PupilFilter {
  /** Text the name (as compared, see nameKey) or the pupil number contains; already normalised. */
  nameKey?: string;
  number?: string;
  grade?: number;
  className?: string;
}

/** A LIKE pattern for "contains", with % _ and the escape character itself taken literally. */
function contains(text: string): string {
  return `%${text.replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

function pupilsOf(db: Kysely<Database>, schoolId: number, filter: PupilFilter) {
  let query = db.selectFrom('pupils').where('pupils.school_id', '=', schoolId);
  const { nameKey, number } = filter;
  if (nameKey || number) {
    query = query.where((eb) =>
      eb.or([
        ...(nameKey ? [sql<boolean>`${sql.ref('pupils.name_key')} like ${contains(nameKey)} escape '!'`] : []),
        ...(number ? [sql<boolean>`${sql.ref('pupils.number')} like ${contains(number)} escape '!'`] : []),
      ]),
    );
  }
  if (filter.grade !== undefined) query = query.where('pupils.grade', '=', filter.grade);
  if (filter.className !== undefined) query = query.where('pupils.class_name', '=', filter.className);
  return query;
}

const LISTED = ['pupils.id', 'pupils.name', 'pupils.number', 'pupils.grade', 'pupils.class_name', 'children.id as child_id'] as const;

/** One page of the list in grade, class and number order, each pupil with the child bound to it (if any). */
export function pupilsPage(db: Kysely<Database>, schoolId: number, filter: PupilFilter, page: { limit: number; offset: number }) {
  return pupilsOf(db, schoolId, filter)
    .leftJoin('children', 'children.pupil_id', 'pupils.id')
    .select(LISTED)
    .orderBy('pupils.grade')
    .orderBy('pupils.class_name')
    .orderBy('pupils.number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countPupils(db: Kysely<Database>, schoolId: number, filter: PupilFilter = {}): Promise<number> {
  const row = await pupilsOf(db, schoolId, filter).select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The whole list (for the export), in list order. */
export function allPupils(db: Kysely<Database>, schoolId: number) {
  return pupilsOf(db, schoolId, {}).leftJoin('children', 'children.pupil_id', 'pupils.id').select(LISTED).orderBy('pupils.grade').orderBy('pupils.class_name').orderBy('pupils.number').execute();
}

export function pupilOfSchool(db: Kysely<Database>, schoolId: number, pupilId: number) {
  return db
    .selectFrom('pupils')
    .leftJoin('children', 'children.pupil_id', 'pupils.id')
    .select(LISTED)
    .select(['children.name as child_name'])
    .where('pupils.school_id', '=', schoolId)
    .where('pupils.id', '=', pupilId)
    .executeTakeFirst();
}

/** The pupil of that school holding this (normalised) number, if any. */
export async function pupilIdWithNumber(db: Kysely<Database>, schoolId: number, number: string): Promise<number | null> {
  const row = await db.selectFrom('pupils').select('id').where('school_id', '=', schoolId).where('number', '=', number).executeTakeFirst();
  return row?.id ?? null;
}

/** The pupil with this (normalised) number at the school, as binding and matching need it: who, and the bound child. */
export function pupilByNumber(db: Kysely<Database>, schoolId: number, number: string) {
  return db
    .selectFrom('pupils')
    .leftJoin('children', 'children.pupil_id', 'pupils.id')
    .select(['pupils.id', 'pupils.name', 'pupils.number', 'pupils.name_key', 'pupils.grade', 'children.id as child_id'])
    .where('pupils.school_id', '=', schoolId)
    .where('pupils.number', '=', number)
    .executeTakeFirst();
}

/** The same for the pupil a child is bound to. */
export function pupilById(db: Kysely<Database>, pupilId: number) {
  return db
    .selectFrom('pupils')
    .leftJoin('children', 'children.pupil_id', 'pupils.id')
    .select(['pupils.id', 'pupils.school_id', 'pupils.number', 'pupils.name_key', 'pupils.grade', 'children.id as child_id'])
    .where('pupils.id', '=', pupilId)
    .executeTakeFirst();
}

export async function insertPupil(db: Kysely<Database>, pupil: Insertable<PupilsTable>): Promise<number> {
  return (await db.insertInto('pupils').values(pupil).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePupil(db: Kysely<Database>, pupilId: number, values: Updateable<PupilsTable>) {
  await db.updateTable('pupils').set(values).where('id', '=', pupilId).execute();
}

/** Removes pupils; a child bound to one is unbound by the foreign key (ON DELETE SET NULL). */
export async function deletePupils(db: Kysely<Database>, pupilIds: readonly number[]) {
  if (pupilIds.length === 0) return;
  await db.deleteFrom('pupils').where('id', 'in', pupilIds).execute();
}

/** How many pupils the school lists in each grade. */
export async function pupilsByGrade(db: Kysely<Database>, schoolId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('pupils')
    .select(['grade', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('school_id', '=', schoolId)
    .groupBy('grade')
    .execute();
  return new Map(rows.map((row) => [row.grade, Number(row.count)]));
}

/** The pupils of a grade at the school, with the child bound to each (if any). */
export function pupilsInGrade(db: Kysely<Database>, schoolId: number, grade: number) {
  return db
    .selectFrom('pupils')
    .leftJoin('children', 'children.pupil_id', 'pupils.id')
    .select(['pupils.id', 'children.id as child_id', 'children.name as child_name'])
    .where('pupils.school_id', '=', schoolId)
    .where('pupils.grade', '=', grade)
    .execute();
}

/** Every pupil below the top grade moves up one, and each bound child with its pupil (children first). */
export async function promoteBelow(db: Kysely<Database>, schoolId: number, topGrade: number, at: string) {
  const moving = db.selectFrom('pupils').select('id').where('school_id', '=', schoolId).where('grade', '<', topGrade);
  await db
    .updateTable('children')
    .set((eb) => ({
      grade: eb.selectFrom('pupils').select(sql<number>`pupils.grade + 1`.as('next')).whereRef('pupils.id', '=', 'children.pupil_id'),
      updated_at: at,
    }))
    .where('pupil_id', 'in', moving)
    .execute();
  await db
    .updateTable('pupils')
    .set((eb) => ({ grade: eb('grade', '+', 1), updated_at: at }))
    .where('school_id', '=', schoolId)
    .where('grade', '<', topGrade)
    .execute();
}

// The retention purge: a pupil no import, edit or promotion has confirmed since `before`, and no family has bound,
// has left the school.

function unconfirmedUnbound(db: Kysely<Database>, before: string) {
  return db
    .selectFrom('pupils')
    .where('pupils.updated_at', '<', before)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('children').select('children.id').whereRef('children.pupil_id', '=', 'pupils.id'))));
}

export async function countUnconfirmedUnbound(db: Kysely<Database>, before: string): Promise<number> {
  const row = await unconfirmedUnbound(db, before).select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes them in one statement; how many went. */
export async function deleteUnconfirmedUnbound(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('pupils').where('id', 'in', unconfirmedUnbound(db, before).select('pupils.id')).executeTakeFirst();
  return Number(result.numDeletedRows);
}
