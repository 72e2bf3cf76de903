// Random sequences of enrolments and withdrawals keep every invariant after every step (fast-check).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { slotsOverlap } from '../../src/catalogue/meetings.policy.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';
import { createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

type Step = { kind: 'enrol' | 'withdraw'; child: number; offering: number };

const SLOTS = [
  [{ weekday: 1, startsAt: '16:00', endsAt: '17:00' }],
  [{ weekday: 1, startsAt: '16:30', endsAt: '17:30' }], // clashes with the first
  [{ weekday: 2, startsAt: '16:00', endsAt: '17:00' }],
  [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }],
];

for (const dialect of DIALECTS) {
  describe(`enrolment invariants on ${dialect}`, () => {
    let handle: TestDatabase;
    let school: number;
    let parent: number;
    let run = 0;
    const service = () => createEnrollmentService({ db: handle.db, clock: fixedClock('2026-11-27T08:00:00Z') });

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      school = await createSchool(handle, 'hazel');
      parent = await createUser(handle, { login: 'property-parent@example.com' });
    });
    afterAll(() => handle.drop());

    async function checkInvariants(offerings: number[], children: number[], limit: number) {
      const rows = await handle.db.selectFrom('enrollments').select(['offering_id', 'child_id', 'status', 'waitlist_position']).where('offering_id', 'in', offerings).execute();
      for (const [index, offering] of offerings.entries()) {
        const seat = await handle.db.selectFrom('offerings').select(['seats_taken', 'capacity']).where('id', '=', offering).executeTakeFirstOrThrow();
        const mine = rows.filter((row) => row.offering_id === offering);
        const enrolled = mine.filter((row) => row.status === 'enrolled').length;
        const waiting = mine.filter((row) => row.status === 'waitlisted').map((row) => row.waitlist_position!).sort((a, b) => a - b);
        expect(seat.seats_taken, `offering ${index}: counter = enrolled`).toBe(enrolled);
        expect(enrolled, `offering ${index}: never oversold`).toBeLessThanOrEqual(seat.capacity);
        expect(waiting, `offering ${index}: gap-free waitlist`).toEqual(waiting.map((_, i) => i + 1));
        if (waiting.length > 0) expect(enrolled, `offering ${index}: nobody waits while a seat is free`).toBe(seat.capacity);
      }
      for (const child of children) {
        const active = rows.filter((row) => row.child_id === child && (row.status === 'enrolled' || row.status === 'waitlisted'));
        expect(active.length, 'term limit').toBeLessThanOrEqual(limit);
        const slots = active.map((row) => SLOTS[offerings.indexOf(row.offering_id)]!);
        for (let i = 0; i < slots.length; i++) {
          for (let j = i + 1; j < slots.length; j++) {
            expect(slots[i]!.some((a) => slots[j]!.some((b) => slotsOverlap(a, b))), 'no clash').toBe(false);
          }
        }
      }
    }

    it('holds seats, waitlists, limits and clashes after every step of any sequence', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              kind: fc.constantFrom<'enrol' | 'withdraw'>('enrol', 'enrol', 'enrol', 'withdraw'),
              child: fc.integer({ min: 0, max: 5 }),
              // Most traffic goes to one offering, so queues form and seats change hands.
              offering: fc.constantFrom(0, 1, 2, 2, 2, 3),
            }),
            { minLength: 10, maxLength: 40, size: 'max' },
          ),
          fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
          async (steps: Step[], capacities: number[]) => {
            run += 1;
            const limit = 2;
            const term = await createTerm(handle, school, { course_limit: limit });
            const offerings = [];
            for (const [index, slots] of SLOTS.entries()) {
              offerings.push(await createOffering(handle, term, { code: `P${run}-${index}`, title_zh: `课${index}`, capacity: capacities[index]! }, slots));
            }
            const now = new Date().toISOString();
            const children = [];
            for (let i = 0; i < 6; i++) {
              const child = await handle.db.insertInto('children').values({ name: `孩${i}`, school_id: school, grade: 3, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
              await handle.db.insertInto('guardianships').values({ user_id: parent, child_id: child.id, created_at: now }).execute();
              children.push(child.id);
            }
            const enrolment = service();
            for (const step of steps) {
              const offering = offerings[step.offering]!;
              const child = children[step.child]!;
              if (step.kind === 'enrol') {
                const answer = await enrolment.enrol(parent, offering, child);
                expect(answer.ok || answer.reason === 'refused').toBe(true);
              } else {
                const row = await handle.db.selectFrom('enrollments').select('id').where('offering_id', '=', offering).where('child_id', '=', child).executeTakeFirst();
                if (row) expect(await enrolment.withdraw(parent, row.id)).toMatchObject({ ok: true });
              }
              await checkInvariants(offerings, children, limit);
            }
          },
        ),
        { numRuns: dialect === 'sqlite' ? 100 : 40 },
      );
    }, 120_000);
  });
}
