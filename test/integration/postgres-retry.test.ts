// PostgreSQL may abort a transaction as a deadlock victim or a serialization failure; inTransaction runs it again.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, isRetryableConflict } from '../../src/db/transaction.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

it('treats only serialization failures and deadlocks as worth retrying', () => {
  expect(isRetryableConflict({ code: '40001' })).toBe(true);
  expect(isRetryableConflict({ code: '40P01' })).toBe(true);
  expect(isRetryableConflict({ code: '23505' })).toBe(false);
  expect(isRetryableConflict(new Error('boom'))).toBe(false);
});

describe.runIf(DIALECTS.includes('postgres'))('postgres', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
    const at = new Date().toISOString();
    await handle.db.insertInto('login_throttles').values([
      { key: 'a', failures: 0, window_started_at: at, blocked_until: null },
      { key: 'b', failures: 0, window_started_at: at, blocked_until: null },
    ]).execute();
  });
  afterAll(() => handle.drop());

  function latch() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  }

  it('lets both sides of a real deadlock commit: the victim is run again', async () => {
    const firstLocked = latch();
    const secondLocked = latch();
    const attempts = { ab: 0, ba: 0 };
    const bump = (key: string) => sql`update login_throttles set failures = failures + 1 where key = ${key}`;

    // Two transactions lock a then b, and b then a: PostgreSQL aborts one of them with 40P01.
    const ab = inTransaction(handle.db, async (trx) => {
      attempts.ab++;
      await bump('a').execute(trx);
      firstLocked.open();
      await secondLocked.opened;
      await bump('b').execute(trx);
    });
    const ba = inTransaction(handle.db, async (trx) => {
      attempts.ba++;
      await bump('b').execute(trx);
      secondLocked.open();
      await firstLocked.opened;
      await bump('a').execute(trx);
    });
    await Promise.all([ab, ba]);

    expect(attempts.ab + attempts.ba).toBe(3); // one of them ran twice
    const rows = await handle.db.selectFrom('login_throttles').select(['key', 'failures']).orderBy('key').execute();
    expect(rows).toEqual([
      { key: 'a', failures: 2 },
      { key: 'b', failures: 2 },
    ]);
  });

  it('gives up on an error that is not a conflict, without retrying', async () => {
    let runs = 0;
    await expect(
      inTransaction(handle.db, async (trx) => {
        runs++;
        await sql`select 1/0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(runs).toBe(1);
  });
});
