// A child's own rules under concurrency: one child enrolled into several offerings at once (one transaction per
// offering, in parallel) still keeps its per-term limit and never holds two offerings at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';
import { createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

/** Offerings one child asks for at once; below the PostgreSQL pool's 10 connections, so all run in parallel. */
const AT_ONCE = 8;
/** Fresh children per rule: a race that slips through once in a few tries is still caught. */
const ROUNDS = 4;
const LIMIT = 2;

for (const dialect of DIALECTS) {
  describe(`one child's limit and clashes under concurrent enrolments on ${dialect}`, () => {
    let handle: TestDatabase;
    let service: ReturnType<typeof createEnrollmentService>;
    let school: number;
    let parent: number;
    const apart: number[] = [];
    const together: number[] = [];

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      service = createEnrollmentService({ db: handle.db, clock: fixedClock('2026-11-27T08:00:00Z') });
      school = await createSchool(handle, 'linden');
      parent = await createUser(handle, { login: 'lock-parent@example.com' });
      const limited = await createTerm(handle, school, { course_limit: LIMIT });
      const roomy = await createTerm(handle, school, { course_limit: AT_ONCE });
      for (let i = 0; i < AT_ONCE; i++) {
        // Monday to Friday, two non-overlapping afternoon slots each: no two of these clash.
        const weekday = (i % 5) + 1;
        const startsAt = i < 5 ? '15:00' : '16:30';
        const endsAt = i < 5 ? '16:00' : '17:30';
        apart.push(await createOffering(handle, limited, { code: `APART-${i}`, title_zh: `错开${i}` }, [{ weekday, startsAt, endsAt }]));
        // All on Wednesday at 16:00: any two clash.
        together.push(await createOffering(handle, roomy, { code: `SAME-${i}`, title_zh: `同时${i}` }, [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }]));
      }
    });
    afterAll(() => handle.drop());

    async function newChild(name: string) {
      const now = new Date().toISOString();
      const row = await handle.db.insertInto('children').values({ name, school_id: school, grade: 3, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await handle.db.insertInto('guardianships').values({ user_id: parent, child_id: row.id, created_at: now }).execute();
      return row.id;
    }

    async function placesOf(childId: number) {
      return handle.db.selectFrom('enrollments').select(['offering_id', 'status']).where('child_id', '=', childId).where('status', 'in', ['enrolled', 'waitlisted']).execute();
    }

    it(`a child asked into ${AT_ONCE} offerings at once gets no more than the term's limit of ${LIMIT}`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const child = await newChild(`限额${round}`);
        const answers = await Promise.all(apart.map((offering) => service.enroll(parent, offering, child)));
        const places = await placesOf(child);
        expect(places).toHaveLength(LIMIT);
        expect(answers.filter((answer) => answer.ok)).toHaveLength(LIMIT);
        expect(answers.filter((answer) => !answer.ok && answer.reason === 'refused' && answer.refusal.reason === 'limit')).toHaveLength(AT_ONCE - LIMIT);
      }
      // The seats the refused requests did not take are still free.
      const seats = await handle.db.selectFrom('offerings').select(({ fn }) => fn.sum<number>('seats_taken').as('taken')).where('id', 'in', apart).executeTakeFirstOrThrow();
      expect(Number(seats.taken)).toBe(ROUNDS * LIMIT);
    });

    it(`a child asked into ${AT_ONCE} offerings at the same time at once holds only one of them`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const child = await newChild(`冲突${round}`);
        const answers = await Promise.all(together.map((offering) => service.enroll(parent, offering, child)));
        expect(await placesOf(child)).toHaveLength(1);
        expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
        expect(answers.filter((answer) => !answer.ok && answer.reason === 'refused' && answer.refusal.reason === 'clash')).toHaveLength(AT_ONCE - 1);
      }
    });
  });
}
