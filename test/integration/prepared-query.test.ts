// Queries compiled once per dialect give the same rows as the query built each time, for any arguments, inside
// and outside transactions; a build that does not use every argument is refused at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedQuery } from '../../src/db/prepared.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const schoolsBetween = preparedQuery(2, (db, min: number, kind: 'primary' | 'middle') =>
  db.selectFrom('schools').select(['slug', 'grade_min']).where('grade_min', '>=', min).where('kind', '=', kind).orderBy('slug'),
);

describe.each(DIALECTS)('prepared queries on %s', (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    const at = new Date().toISOString();
    await handle.db
      .insertInto('schools')
      .values([
        { slug: 'p1', name_zh: '一小', name_en: 'P1', kind: 'primary', grade_min: 1, grade_max: 6, created_at: at },
        { slug: 'm1', name_zh: '一中', name_en: 'M1', kind: 'middle', grade_min: 7, grade_max: 9, created_at: at },
        { slug: 'm2', name_zh: '二中', name_en: 'M2', kind: 'middle', grade_min: 6, grade_max: 9, created_at: at },
      ])
      .execute();
  });
  afterAll(() => handle.drop());

  it('runs with each call’s own arguments, the same rows as the query built anew', async () => {
    for (const [min, kind] of [[1, 'primary'], [7, 'middle'], [6, 'middle'], [8, 'middle']] as const) {
      const built = await handle.db.selectFrom('schools').select(['slug', 'grade_min']).where('grade_min', '>=', min).where('kind', '=', kind).orderBy('slug').execute();
      expect((await schoolsBetween(handle.db, min, kind)).rows).toEqual(built);
    }
    expect((await schoolsBetween(handle.db, 7, 'middle')).rows.map((row) => row.slug)).toEqual(['m1']);
  });

  it('runs on the transaction it is given, seeing that transaction’s writes', async () => {
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('schools').set({ grade_min: 9 }).where('slug', '=', 'm2').execute();
        expect((await schoolsBetween(trx, 9, 'middle')).rows.map((row) => row.slug)).toEqual(['m2']);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect((await schoolsBetween(handle.db, 9, 'middle')).rows).toEqual([]);
  });
});

it('refuses a build that leaves a declared argument unused', async () => {
  const handle = await createTestDatabase('sqlite');
  try {
    // The type checker already refuses this; the run-time check covers a build that ignores an argument it names.
    const wrong = preparedQuery(2 as never, (db, slug: string) => db.selectFrom('schools').select('id').where('slug', '=', slug));
    await expect(wrong(handle.db, 'p1')).rejects.toThrow(/2 arguments declared, 1 used/);
  } finally {
    await handle.drop();
  }
});
