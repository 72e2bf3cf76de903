// Savepoints behave the same on both databases and both SQLite drivers: work rolled back to a savepoint is gone,
// the rest of the transaction commits. On the Clubroll driver transactions share a physical SQLite transaction
// (a commit group); a member's rollback to its savepoint undoes its own work only, never another member's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { SQLITE_DRIVER } from '../support/sqlite-driver.ts';

const school = (slug: string) => ({ slug, name_zh: '存档点', name_en: 'Savepoint', kind: 'primary' as const, grade_min: 1, grade_max: 6, created_at: new Date().toISOString() });

async function slugs(db: Kysely<Database>, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('schools').select('slug').where('slug', 'like', `${prefix}%`).orderBy('slug').execute();
  return rows.map((row) => row.slug);
}

describe.each(DIALECTS)('savepoints on %s', (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
  });
  afterAll(() => handle.drop());

  it('rolls back the work after a savepoint and commits the rest; a released savepoint keeps its work', async () => {
    const trx = await handle.db.startTransaction().execute();
    await trx.insertInto('schools').values(school('sp-a-1-before')).execute();
    const afterFirst = await trx.savepoint('first').execute();
    await afterFirst.insertInto('schools').values(school('sp-a-2-undone')).execute();
    const afterSecond = await afterFirst.savepoint('second').execute();
    await afterSecond.insertInto('schools').values(school('sp-a-3-undone')).execute();
    // Inside the transaction the rows are there, then gone once rolled back to the first savepoint.
    expect(await slugs(afterSecond, 'sp-a-')).toEqual(['sp-a-1-before', 'sp-a-2-undone', 'sp-a-3-undone']);
    const rolledBack = await afterSecond.rollbackToSavepoint('first').execute();
    expect(await slugs(rolledBack, 'sp-a-')).toEqual(['sp-a-1-before']);
    // The savepoint is still there after a rollback to it (as in SQL): work after it, released, stays.
    await rolledBack.insertInto('schools').values(school('sp-a-4-kept')).execute();
    await rolledBack.releaseSavepoint('first').execute();
    await rolledBack.commit().execute();
    expect(await slugs(handle.db, 'sp-a-')).toEqual(['sp-a-1-before', 'sp-a-4-kept']);
  });

  it('undoes nothing of another transaction running alongside (on SQLite: a member of the same commit group)', async () => {
    // A holds the writer; B asks for it now (on the Clubroll driver it joins A's commit group when A ends).
    const a = await handle.db.startTransaction().execute();
    const bStarting = handle.db.startTransaction().execute();
    await a.insertInto('schools').values(school('sp-b-a1')).execute();
    const aSaved = await a.savepoint('s').execute();
    await aSaved.insertInto('schools').values(school('sp-b-a2-undone')).execute();
    const aBack = await aSaved.rollbackToSavepoint('s').execute();
    await aBack.insertInto('schools').values(school('sp-b-a3')).execute();
    // A commits with its savepoint "s" never released; B uses the same name after.
    let aCommitted = false;
    const aCommit = aBack
      .commit()
      .execute()
      .then(() => (aCommitted = true));
    const b = await bStarting;
    await b.insertInto('schools').values(school('sp-b-b1')).execute();
    const bSaved = await b.savepoint('s').execute();
    await bSaved.insertInto('schools').values(school('sp-b-b2-undone')).execute();
    const bBack = await bSaved.rollbackToSavepoint('s').execute();
    // A's rows are untouched by B's rollback: still there, in the same physical transaction.
    expect(await slugs(bBack, 'sp-b-')).toEqual(['sp-b-a1', 'sp-b-a3', 'sp-b-b1']);
    if (dialect === 'sqlite' && SQLITE_DRIVER === 'clubroll') expect(aCommitted, 'A waits for the COMMIT it shares with B').toBe(false);
    await bBack.commit().execute();
    await aCommit;
    expect(await slugs(handle.db, 'sp-b-')).toEqual(['sp-b-a1', 'sp-b-a3', 'sp-b-b1']);
  });

  it('rolls back a whole transaction that used savepoints, leaving a member committed beside it', async () => {
    const a = await handle.db.startTransaction().execute();
    const bStarting = handle.db.startTransaction().execute();
    await a.insertInto('schools').values(school('sp-c-a1')).execute();
    const aCommit = a.commit().execute();
    const b = await bStarting;
    await b.insertInto('schools').values(school('sp-c-b1-undone')).execute();
    const bSaved = await b.savepoint('inner').execute();
    await bSaved.insertInto('schools').values(school('sp-c-b2-undone')).execute();
    await bSaved.rollback().execute();
    await aCommit;
    expect(await slugs(handle.db, 'sp-c-')).toEqual(['sp-c-a1']);
  });
});
