// The pupil list's import queries: the list as the import compares it, and the writes of one import.
import { type Kysely, sql } from 'kysely';
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

/**
 * Listed pupils' new names, grades and classes, a batch per statement (UPDATE … FROM VALUES, which SQLite ≥ 3.33
 * and PostgreSQL both read), so a promotion of thousands of pupils is a few statements rather than one each.
 */
export async function updatePupils(db: Kysely<Database>, pupils: readonly (PupilInput & { id: number; nameKey: string })[], at: string) {
  const BATCH = 500;
  for (let start = 0; start < pupils.length; start += BATCH) {
    const values = pupils
      .slice(start, start + BATCH)
      .map((p) => sql`(cast(${p.id} as integer), cast(${p.name} as text), cast(${p.nameKey} as text), cast(${p.grade} as integer), cast(${p.className} as text))`);
    // VALUES columns are column1… on both databases.
    await sql`update pupils set name = v.column2, name_key = v.column3, grade = v.column4, class_name = v.column5, updated_at = ${at}
      from (values ${sql.join(values)}) as v where pupils.id = v.column1`.execute(db);
  }
}

/**
 * Listed pupils a file re-lists unchanged: confirmed as still at the school, so the retention purge keeps them. One
 * statement (an import has at most MAX_PUPIL_ROWS rows, well under both databases' parameter limits).
 */
export async function confirmPupils(db: Kysely<Database>, pupilIds: readonly number[], at: string) {
  if (pupilIds.length === 0) return;
  await db.updateTable('pupils').set({ updated_at: at }).where('id', 'in', pupilIds).execute();
}
