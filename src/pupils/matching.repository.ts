// Kysely queries for matching a school's children to its pupil list: who is unbound on either side, the bulk and
// one-by-one bindings, and the page of children the school still has to match.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The school's children bound to no pupil (what the automatic matching reads). */
export function unboundChildren(db: Kysely<Database>, schoolId: number) {
  return db.selectFrom('children').select(['id', 'name', 'grade', 'class_name']).where('school_id', '=', schoolId).where('pupil_id', 'is', null).orderBy('id').execute();
}

/** The school's listed pupils no child is bound to. */
export function unboundPupils(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('pupils')
    .leftJoin('children', 'children.pupil_id', 'pupils.id')
    .select(['pupils.id', 'pupils.name_key', 'pupils.grade', 'pupils.class_name'])
    .where('pupils.school_id', '=', schoolId)
    .where('children.id', 'is', null)
    .execute();
}

/** Binds children to pupils, a batch per statement (UPDATE … FROM VALUES, as the import's updatePupils). */
export async function bindChildren(db: Kysely<Database>, matches: readonly { childId: number; pupilId: number }[], at: string) {
  const BATCH = 500;
  for (let start = 0; start < matches.length; start += BATCH) {
    const values = matches.slice(start, start + BATCH).map((match) => sql`(cast(${match.childId} as integer), cast(${match.pupilId} as integer))`);
    await sql`update children set pupil_id = v.column2, updated_at = ${at} from (values ${sql.join(values)}) as v where children.id = v.column1`.execute(db);
  }
}

export async function countUnbound(db: Kysely<Database>, schoolId: number): Promise<number> {
  const row = await db
    .selectFrom('children')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('school_id', '=', schoolId)
    .where('pupil_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many seats the row's child holds (enrolled, not waitlisted). */
function seatsHeld(eb: ExpressionBuilder<Database, 'children'>) {
  return eb
    .selectFrom('enrollments')
    .select((inner) => inner.fn.countAll<number | string>().as('seats'))
    .whereRef('enrollments.child_id', '=', 'children.id')
    .where('enrollments.status', '=', 'enrolled')
    .as('seats');
}

/** A page of the school's unbound children in grade, class and name order, each with the seats it holds. */
export function unboundChildrenPage(db: Kysely<Database>, schoolId: number, page: { limit: number; offset: number }) {
  return db
    .selectFrom('children')
    .select((eb) => [
      'children.id',
      'children.name',
      'children.grade',
      'children.class_name',
      seatsHeld(eb),
    ])
    .where('children.school_id', '=', schoolId)
    .where('children.pupil_id', 'is', null)
    .orderBy('children.grade')
    .orderBy('children.class_name')
    .orderBy('children.name')
    .orderBy('children.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** A child of the school with the pupil it is bound to (if any) and the seats it holds. */
export function childWithPupil(db: Kysely<Database>, schoolId: number, childId: number) {
  return db
    .selectFrom('children')
    .leftJoin('pupils', 'pupils.id', 'children.pupil_id')
    .select((eb) => [
      'children.id',
      'children.name',
      'children.grade',
      'children.class_name',
      'children.pupil_id',
      'pupils.name as pupil_name',
      'pupils.number as pupil_number',
      seatsHeld(eb),
    ])
    .where('children.school_id', '=', schoolId)
    .where('children.id', '=', childId)
    .executeTakeFirst();
}

/** Binds one child to a pupil if it is still bound to none; whether it was. */
export async function bindChild(db: Kysely<Database>, childId: number, pupilId: number, at: string): Promise<boolean> {
  const result = await db.updateTable('children').set({ pupil_id: pupilId, updated_at: at }).where('id', '=', childId).where('pupil_id', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function unbindChild(db: Kysely<Database>, childId: number, at: string) {
  await db.updateTable('children').set({ pupil_id: null, updated_at: at }).where('id', '=', childId).execute();
}
