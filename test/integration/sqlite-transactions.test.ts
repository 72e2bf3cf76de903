// SQLite transactions take the write lock when they begin, so processes sharing one file queue instead of failing.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';

let handle: TestDatabase;
let path: string;

beforeAll(async () => {
  handle = await createTestDatabase('sqlite');
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
