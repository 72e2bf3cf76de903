// The pupil list's import queries: the list as the import compares it, and the writes of one import.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PupilInput } from './pupils.policy.ts';

/** Each listed pupil of the school by number, with the fields an import may change. */
export async function listedPupils(db: Kysely<Database>, schoolId: number) {
  return db.selectFrom('pupils').select(['id', 'number', 'name', 'grade', 'class_name']).where('school_id', '=', schoolId).execute();
}

/** New pupils in batches (parameters per statement stay well under SQLite's and PostgreSQL's limits). */
export async function insertPupils(db: Kysely<Database>, schoolId: number, pupils: readonly (PupilInput & { nameKey: string })[], at: string) {
  const BATCH = 500;
  for (let start = 0; start < pupils.length; start += BATCH) {
    await db
      .insertInto('pupils')
      .values(
        pupils.slice(start, start + BATCH).map((pupil) => ({
          school_id: schoolId,
          number: pupil.number,
          name: pupil.name,
          name_key: pupil.nameKey,
          grade: pupil.grade,
          class_name: pupil.className,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
}

export async function updatePupil(db: Kysely<Database>, id: number, pupil: PupilInput & { nameKey: string }, at: string) {
  await db
    .updateTable('pupils')
    .set({ name: pupil.name, name_key: pupil.nameKey, grade: pupil.grade, class_name: pupil.className, updated_at: at })
    .where('id', '=', id)
    .execute();
}
