import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '../../test/support/database.ts';
import { createSessionUseRecorder } from './session-use.ts';

let handle: TestDatabase;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 8, minute));
beforeAll(async () => {
  handle = await createTestDatabase('sqlite');
  const now = at(0).toISOString();
  const user = await handle.db
    .insertInto('users')
    .values({ name: '家长', phone: '13900000000', email: null, password_hash: 'x', role: 'parent', school_id: null, created_at: now, password_changed_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await handle.db
    .insertInto('sessions')
    .values(['a', 'b'].map((id) => ({ id, user_id: user.id, expires_at: at(59).toISOString(), created_at: now, last_seen_at: now })))
    .execute();
});
afterAll(() => handle.drop());

const lastSeen = async () => Object.fromEntries((await handle.db.selectFrom('sessions').select(['id', 'last_seen_at']).orderBy('id').execute()).map((row) => [row.id, row.last_seen_at]));

it('writes the uses noted within the delay together, once it has passed, keeping each session’s latest', async () => {
  const recorder = createSessionUseRecorder({ db: handle.db, delayMs: 40 });
  await recorder.note('a', at(1));
  await recorder.note('b', at(2));
  await recorder.note('a', at(3));
  expect(await lastSeen()).toEqual({ a: at(0).toISOString(), b: at(0).toISOString() }); // nothing yet
  await new Promise((resolve) => setTimeout(resolve, 80));
  expect(await lastSeen()).toEqual({ a: at(3).toISOString(), b: at(2).toISOString() });
});

it('writes what is pending at once when flushed (at shutdown), and at once with no delay', async () => {
  const batched = createSessionUseRecorder({ db: handle.db, delayMs: 60_000 });
  await batched.note('a', at(10));
  await batched.flush();
  expect((await lastSeen()).a).toBe(at(10).toISOString());
  const immediate = createSessionUseRecorder({ db: handle.db, delayMs: 0 });
  await immediate.note('b', at(11));
  expect((await lastSeen()).b).toBe(at(11).toISOString());
});

it('writes a rush of uses in full, each rounded down to its second', async () => {
  const now = at(0).toISOString();
  const user = await handle.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const ids = Array.from({ length: 450 }, (_, i) => `rush-${i}`);
  await handle.db
    .insertInto('sessions')
    .values(ids.map((id) => ({ id, user_id: user.id, expires_at: at(59).toISOString(), created_at: now, last_seen_at: now })))
    .execute();
  const recorder = createSessionUseRecorder({ db: handle.db, delayMs: 60_000 });
  // Three seconds' worth of uses, more than one statement's worth in each.
  for (const [i, id] of ids.entries()) await recorder.note(id, new Date(at(20).getTime() + (i % 3) * 1000 + 999));
  await recorder.flush();
  const seen = await lastSeen();
  for (const [i, id] of ids.entries()) expect(seen[id]).toBe(new Date(at(20).getTime() + (i % 3) * 1000).toISOString());
});
