// Queries for who collects the child and who to call: a child's collectors and emergency note, and those of a
// roll's children at once.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Collector } from './care.policy.ts';

/** The child's collectors in the order they were added. */
export function collectorsOf(db: Kysely<Database>, childId: number) {
  return db.selectFrom('child_collectors').select(['id', 'name', 'relation', 'phone']).where('child_id', '=', childId).orderBy('id').execute();
}

export async function collectorCount(trx: Transaction<Database>, childId: number): Promise<number> {
  const row = await trx.selectFrom('child_collectors').select((eb) => eb.fn.countAll<number>().as('n')).where('child_id', '=', childId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCollector(trx: Transaction<Database>, childId: number, collector: Collector, addedBy: number, at: string) {
  await trx.insertInto('child_collectors').values({ child_id: childId, ...collector, added_by: addedBy, created_at: at }).execute();
}

/** Deletes one of the child's collectors; false when the child has none by that id. */
export async function deleteCollector(trx: Transaction<Database>, childId: number, collectorId: number): Promise<boolean> {
  const result = await trx.deleteFrom('child_collectors').where('id', '=', collectorId).where('child_id', '=', childId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function noteOf(db: Kysely<Database>, childId: number): Promise<string | null> {
  const row = await db.selectFrom('child_care_notes').select('note').where('child_id', '=', childId).executeTakeFirst();
  return row?.note ?? null;
}

/** Writes the note (null: removes it). */
export async function saveNote(trx: Transaction<Database>, childId: number, note: string | null, by: number, at: string) {
  if (note === null) {
    await trx.deleteFrom('child_care_notes').where('child_id', '=', childId).execute();
    return;
  }
  await trx
    .insertInto('child_care_notes')
    .values({ child_id: childId, note, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('child_id').doUpdateSet({ note, updated_by: by, updated_at: at }))
    .execute();
}

/** The collectors and notes of a roll's children (a class: a few dozen ids at most). */
export async function careOfChildren(db: Kysely<Database>, childIds: readonly number[]) {
  if (childIds.length === 0) return { collectors: [], notes: [] };
  const [collectors, notes] = await Promise.all([
    db.selectFrom('child_collectors').select(['child_id', 'name', 'relation', 'phone']).where('child_id', 'in', childIds).orderBy('child_id').orderBy('id').execute(),
    db.selectFrom('child_care_notes').select(['child_id', 'note']).where('child_id', 'in', childIds).execute(),
  ]);
  return { collectors, notes };
}
