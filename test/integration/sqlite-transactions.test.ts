// SQLite transactions take the write lock when they begin, so processes sharing one file queue instead of failing;
// transactions that run together commit together, and each hears "committed" only once its rows are in the file.
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';

let handle: TestDatabase;
let path: string;

beforeAll(async () => {
  // The Clubroll driver's own behaviour, whichever driver SQLITE_DRIVER gives the rest of the suite.
  handle = await createTestDatabase('sqlite', { sqliteDriver: 'clubroll' });
  path = handle.description.replace(/^SQLite /, '');
});
afterAll(() => handle.drop());

it('holds the write lock from BEGIN, even while the transaction has only read so far', async () => {
  const other = new SQLite(path, { timeout: 0 });
  try {
    await handle.db.transaction().execute(async (trx) => {
      await sql`select count(*) from schools`.execute(trx);
      // Another process trying to write now must wait (here: fail at once, with no busy timeout).
      expect(() => other.exec('begin immediate')).toThrow(/locked|busy/i);
    });
    // Once committed, the other writer gets its turn.
    other.exec('begin immediate');
    other.exec('commit');
  } finally {
    other.close();
  }
});

it('answers a read outside a transaction at once, from committed data, while a transaction holds the writer', async () => {
  const at = new Date().toISOString();
  const school = { name_zh: '读写', name_en: 'RW', kind: 'primary' as const, grade_min: 1, grade_max: 6, created_at: at };
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let inside!: () => void;
  const started = new Promise<void>((resolve) => (inside = resolve));
  const transaction = handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('schools').values({ ...school, slug: 'rw-uncommitted' }).execute();
    inside();
    await held;
  });
  await started;
  // The read does not wait for the open transaction, and does not see its uncommitted row.
  const seen = await handle.db.selectFrom('schools').select('slug').where('slug', '=', 'rw-uncommitted').execute();
  expect(seen).toEqual([]);
  // A lone write queues behind the transaction instead of joining it.
  let wrote = false;
  const write = handle.db
    .insertInto('schools')
    .values({ ...school, slug: 'rw-lone' })
    .execute()
    .then(() => (wrote = true));
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(wrote).toBe(false);
  release();
  await Promise.all([transaction, write]);
  // Both committed, and a read right after sees them.
  const after = await handle.db.selectFrom('schools').select('slug').where('slug', 'in', ['rw-uncommitted', 'rw-lone']).orderBy('slug').execute();
  expect(after.map((row) => row.slug)).toEqual(['rw-lone', 'rw-uncommitted']);
});

it('gives the writer to transactions in the order they asked, and a failed one gives it back', async () => {
  const order: number[] = [];
  const attempts = Array.from({ length: 20 }, (_, index) =>
    handle.db
      .transaction()
      .execute(async (trx) => {
        order.push(index);
        await sql`select 1`.execute(trx);
        await new Promise((resolve) => setImmediate(resolve));
        if (index % 5 === 0) throw new Error('refused');
      })
      .catch(() => 'failed'),
  );
  const results = await Promise.all(attempts);
  expect(order).toEqual(Array.from({ length: 20 }, (_, index) => index));
  expect(results.filter((result) => result === 'failed')).toHaveLength(4);
  // The writer is free again.
  await handle.db.transaction().execute((trx) => sql`select 1`.execute(trx));
});

const school = (slug: string) => ({ slug, name_zh: '组', name_en: 'Group', kind: 'primary' as const, grade_min: 1, grade_max: 6, created_at: new Date().toISOString() });

/** Another connection to the file, as another process would see it: committed rows only. */
function committedSlugs(prefix: string): string[] {
  const other = new SQLite(path, { readonly: true });
  try {
    return (other.prepare('select slug from schools where slug like ? order by slug').all(`${prefix}%`) as { slug: string }[]).map((row) => row.slug);
  } finally {
    other.close();
  }
}

it('commits transactions that run together in one group, and answers each only after its rows are committed', async () => {
  const seenAtAnswer: number[] = [];
  await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      handle.db
        .transaction()
        .execute((trx) => trx.insertInto('schools').values(school(`grp-a-${String(index).padStart(2, '0')}`)).execute())
        .then(() => {
          const committed = committedSlugs('grp-a-');
          expect(committed).toContain(`grp-a-${String(index).padStart(2, '0')}`);
          seenAtAnswer.push(committed.length);
        }),
    ),
  );
  // The first answer already found others' rows committed with its own: one COMMIT served several.
  expect(seenAtAnswer[0]).toBeGreaterThan(1);
  expect(committedSlugs('grp-a-')).toHaveLength(10);
});

it('while transactions keep coming one a turn, as a crowd of new connections brings them, they share a COMMIT', async () => {
  let coming = true;
  const server = openSqlite(path, { transactionsComing: () => coming });
  /**
   * Five transactions, each begun at the end of a turn of the event loop and the next one at the end of the
   * next (as libuv's one accepted connection a turn brings them); how many rows the first saw committed when
   * it was answered.
   */
  const oneATurn = async (prefix: string) => {
    let seenByFirst = 0;
    const answers: Promise<unknown>[] = [];
    await new Promise<void>((resolve) => {
      const step = (index: number) => {
        if (index === 5) return resolve();
        setImmediate(() => step(index + 1)); // before this turn's end looks at the group
        const insert = server.db.transaction().execute((trx) => trx.insertInto('schools').values(school(`${prefix}${index}`)).execute());
        answers.push(index === 0 ? insert.then(() => (seenByFirst = committedSlugs(prefix).length)) : insert);
      };
      step(0);
    });
    await Promise.all(answers);
    expect(committedSlugs(prefix)).toHaveLength(5);
    return seenByFirst;
  };
  try {
    // The first answer waited for the group, and found all five committed with it.
    expect(await oneATurn('grp-arriving-')).toBe(5);
    // Otherwise a group commits at the end of a turn nobody joined it in, before the later ones begin.
    coming = false;
    expect(await oneATurn('grp-steady-')).toBeLessThan(5);
  } finally {
    await server.close();
  }
});

it('rolls back only the member that fails; the rest of its group commits', async () => {
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, index) =>
      handle.db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('schools').values(school(`grp-b-${index}`)).execute();
          if (index === 2) throw new Error('refused');
        })
        .then(
          () => 'ok',
          (error: Error) => error.message,
        ),
    ),
  );
  expect(results).toEqual(['ok', 'ok', 'refused', 'ok', 'ok', 'ok']);
  expect(committedSlugs('grp-b-')).toEqual(['grp-b-0', 'grp-b-1', 'grp-b-3', 'grp-b-4', 'grp-b-5']);
});

it('fails every member whose COMMIT failed, and the writer works afterwards', async () => {
  // A foreign key checked only at COMMIT makes the group's COMMIT fail after both members have finished.
  const dangling = handle.db.transaction().execute(async (trx) => {
    await sql`pragma defer_foreign_keys = on`.execute(trx);
    await trx.insertInto('guardianships').values({ user_id: 999_999, child_id: 999_999, created_at: new Date().toISOString() }).execute();
  });
  const innocent = handle.db.transaction().execute((trx) => trx.insertInto('schools').values(school('grp-c-innocent')).execute());
  const [danglingResult, innocentResult] = await Promise.allSettled([dangling, innocent]);
  expect(danglingResult.status).toBe('rejected');
  // Whether or not the two shared a COMMIT, the answer matches the file.
  expect(committedSlugs('grp-c-')).toEqual(innocentResult.status === 'fulfilled' ? ['grp-c-innocent'] : []);
  await handle.db.transaction().execute((trx) => trx.insertInto('schools').values(school('grp-c-after')).execute());
  expect(committedSlugs('grp-c-after')).toEqual(['grp-c-after']);
});

it('answers "committed" exactly for the transactions whose rows are in the file, whatever runs alongside (property)', async () => {
  type Step = { fails: boolean; pauses: number; loneWrite: boolean };
  const step = fc.record({ fails: fc.boolean(), pauses: fc.integer({ min: 0, max: 2 }), loneWrite: fc.boolean() });
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps: Step[]) => {
      const prefix = `grp-p${run++}-`;
      const told = await Promise.all(
        steps.map(async ({ fails, pauses, loneWrite }, index) => {
          const slug = `${prefix}${String(index).padStart(2, '0')}`;
          if (loneWrite) await handle.db.insertInto('schools').values(school(`${slug}-lone`)).execute();
          return handle.db
            .transaction()
            .execute(async (trx) => {
              await trx.insertInto('schools').values(school(slug)).execute();
              for (let pause = 0; pause < pauses; pause++) await new Promise((resolve) => (pause === 0 ? setImmediate(resolve) : setTimeout(resolve, 1)));
              if (fails) throw new Error('refused');
            })
            .then(
              () => {
                expect(committedSlugs(slug)).toContain(slug);
                return slug;
              },
              () => null,
            );
        }),
      );
      const expected = steps.flatMap((one, index) => {
        const slug = `${prefix}${String(index).padStart(2, '0')}`;
        return [...(one.loneWrite ? [`${slug}-lone`] : []), ...(told[index] ? [slug] : [])];
      });
      expect(committedSlugs(prefix)).toEqual(expected.sort());
      expect(told.filter(Boolean)).toHaveLength(steps.filter((one) => !one.fails).length);
    }),
    { numRuns: 40 },
  );
});
