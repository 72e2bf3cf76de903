// Round trips to PostgreSQL for one parent's POST /offerings/:id/enrollments (issue 25): every statement the pg
// clients send, counted, and how many of them run while the offering's row is locked (from the statement that
// locks or claims it to COMMIT). Each round trip under that lock is time every other claim on a hot course waits.
// Before issue 25: 14 round trips to seat a child (7 under the lock), 13 to waitlist one (6 under the lock).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { createOutbox } from '../../src/notify/outbox.ts';
import { seatOrWaitlistAtOnce } from '../../src/seats/seats.ts';

const ROUND_TRIPS = 3;
const UNDER_OFFERING_LOCK = 1;

/** Every statement a pg client sends while `work` runs, in order. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    sent.push(typeof first === 'string' ? first : String((first as { text?: string; name?: string }).text ?? (first as { name?: string }).name));
    return (original as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

/** Statements from the first that locks or claims the offering's row up to and including COMMIT. */
function underOfferingLock(statements: string[]): number {
  const first = statements.findIndex((text) => /update "?offerings"?|from "?offerings"?[\s\S]*for update|clubroll_place/i.test(text));
  return first < 0 ? 0 : statements.length - first;
}

describe.runIf(DIALECTS.includes('postgres'))('round trips of one enrolment on PostgreSQL', () => {
  let handle: TestDatabase;
  let browser: Browser;
  let app: ReturnType<typeof buildApp>['app'];
  let offering: number;
  let children: number[];

  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
    app = buildApp(handle, { clock: { now: () => new Date('2026-11-27T08:00:00Z') } }).app;
    const school = await createSchool(handle, 'rowan');
    const term = await createTerm(handle, school);
    offering = await createOffering(handle, term, { code: 'ONE', title_zh: '一个座位', capacity: 1 });
    const parent = await createUser(handle, { login: 'trips@example.com' });
    browser = new Browser(app);
    await signIn(handle, browser, parent);
    const now = new Date().toISOString();
    const rows = await handle.db
      .insertInto('children')
      .values([0, 1, 2].map((i) => ({ name: `孩子${i}`, school_id: school, grade: 3, created_at: now, updated_at: now })))
      .returning('id')
      .execute();
    children = rows.map((row) => row.id);
    await handle.db.insertInto('guardianships').values(children.map((child) => ({ user_id: parent, child_id: child, created_at: now }))).execute();
    // The session's first use is noted once; warm it so that only the enrolment is counted.
    await browser.get('/');
  });
  afterAll(() => handle?.drop());

  const enrol = (child: number) => browser.post(`/offerings/${offering}/enrollments`, { child: String(child) }, { 'hx-request': 'true' });

  it(`seats a child in at most ${ROUND_TRIPS} round trips, ${UNDER_OFFERING_LOCK} of them under the offering's lock`, async () => {
    let status = 0;
    const statements = await statementsOf(async () => (status = (await enrol(children[0]!)).status));
    expect(status).toBe(200);
    console.log(`enrolled: ${statements.length} round trips, ${underOfferingLock(statements)} under the offering's lock\n  ${statements.map((text) => text.replace(/\s+/g, ' ').slice(0, 100)).join('\n  ')}`);
    expect(statements.length).toBeLessThanOrEqual(ROUND_TRIPS);
    expect(underOfferingLock(statements)).toBeLessThanOrEqual(UNDER_OFFERING_LOCK);
  });

  it(`waitlists a child in at most ${ROUND_TRIPS} round trips, ${UNDER_OFFERING_LOCK} of them under the offering's lock`, async () => {
    let status = 0;
    const statements = await statementsOf(async () => (status = (await enrol(children[1]!)).status));
    expect(status).toBe(200);
    console.log(`waitlisted: ${statements.length} round trips, ${underOfferingLock(statements)} under the offering's lock`);
    expect(statements.length).toBeLessThanOrEqual(ROUND_TRIPS);
    expect(underOfferingLock(statements)).toBeLessThanOrEqual(UNDER_OFFERING_LOCK);
  });
  it("writes nothing when the child's other places changed since the rules read them, or the child already holds a place", async () => {
    const audits = async () => Number((await handle.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await audits();
    const term = (await handle.db.selectFrom('offerings').select('term_id').where('id', '=', offering).executeTakeFirstOrThrow()).term_id;
    const request = (childId: number, others: number[]) => ({
      offering: { id: offering, termId: term, title_zh: '一个座位', title_en: null, school_id: null },
      childId,
      others,
      at: new Date('2026-11-27T08:00:00Z'),
      actorId: 1,
      outbox: createOutbox({ channels: [], now: () => new Date() }),
      seatConfirmed: { offeringId: offering, childId, childName: 'x', title: '一个座位', titleEn: null },
    });
    // Rules checked against a place the child does not hold (another request withdrew it meanwhile): stale.
    expect(await seatOrWaitlistAtOnce(handle.db, request(children[2]!, [999_999]))).toBeNull();
    expect(await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', children[2]!).execute()).toEqual([]);
    // The child enrolled first in test one: its place comes back, not written again.
    expect(await seatOrWaitlistAtOnce(handle.db, request(children[0]!, []))).toMatchObject({ status: 'enrolled', fresh: false });
    expect(await audits()).toBe(before);
    const seats = await handle.db.selectFrom('offerings').select('seats_taken').where('id', '=', offering).executeTakeFirstOrThrow();
    expect(seats.seats_taken).toBe(1);
  });
});
