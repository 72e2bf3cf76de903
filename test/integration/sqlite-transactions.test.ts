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
