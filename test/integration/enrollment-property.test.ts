// Random sequences of parents' enrolments and withdrawals mixed with the school's add (with and without the
// capacity override), remove and move keep every invariant after every step (fast-check).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { slotsOverlap } from '../../src/catalogue/meetings.policy.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';
import { createRosterService } from '../../src/enrollment/roster.service.ts';
import { createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

type Kind = 'enrol' | 'withdraw' | 'add' | 'addOverride' | 'remove' | 'move';
type Step = { kind: Kind; child: number; offering: number; to: number };

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
    let adminId: number;
    const clock = fixedClock('2026-11-27T08:00:00Z');
    const service = () => createEnrollmentService({ db: handle.db, clock });
    const rosterService = () => createRosterService({ db: handle.db, clock });

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      school = await createSchool(handle, 'hazel');
      parent = await createUser(handle, { login: 'property-parent@example.com' });
      adminId = await createUser(handle, { login: 'property-admin@example.com', role: 'school_admin', schoolId: school });
    });
    afterAll(() => handle.drop());

    /** `placedBySchool`: children the school added or moved, exempt from the term limit and clash rules by design. */
    async function checkInvariants(offerings: number[], children: number[], limit: number, placedBySchool: ReadonlySet<number>) {
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
        const activeChildren = mine.filter((row) => row.status !== 'withdrawn').map((row) => row.child_id);
        expect(new Set(activeChildren).size, `offering ${index}: no child twice`).toBe(activeChildren.length);
      }
      for (const child of children) {
        if (placedBySchool.has(child)) continue;
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

    it("holds seats, waitlists, limits and clashes after every step of any sequence of parents' and the school's changes", async () => {
      // How often each school action succeeded over all runs: the property must have exercised them, not only refused.
      const succeeded = { add: 0, overCapacity: 0, remove: 0, move: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              kind: fc.constantFrom<Kind>('enrol', 'enrol', 'enrol', 'withdraw', 'add', 'addOverride', 'remove', 'move'),
              child: fc.integer({ min: 0, max: 5 }),
              // Most traffic goes to one offering, so queues form and seats change hands.
              offering: fc.constantFrom(0, 1, 2, 2, 2, 3),
              to: fc.constantFrom(0, 1, 2, 3),
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
            const roster = rosterService();
            const admin = { id: adminId, role: 'school_admin' as const, schoolId: school };
            const placedBySchool = new Set<number>();
            const rowOf = (offering: number, child: number) =>
              handle.db.selectFrom('enrollments').select(['id', 'status']).where('offering_id', '=', offering).where('child_id', '=', child).executeTakeFirst();
            for (const step of steps) {
              const offering = offerings[step.offering]!;
              const child = children[step.child]!;
              const row = await rowOf(offering, child);
              if (step.kind === 'enrol') {
                const answer = await enrolment.enrol(parent, offering, child);
                expect(answer.ok || answer.reason === 'refused').toBe(true);
              } else if (step.kind === 'withdraw') {
                if (row) expect(await enrolment.withdraw(parent, row.id)).toMatchObject({ ok: true });
              } else if (step.kind === 'add' || step.kind === 'addOverride') {
                const override = step.kind === 'addOverride';
                const answer = await roster.add(admin, offering, child, { override, reason: override ? 'property test' : '' });
                if (answer.ok) {
                  placedBySchool.add(child);
                  succeeded.add += 1;
                  if (answer.overCapacity) succeeded.overCapacity += 1;
                  expect((await rowOf(offering, child))?.status, 'the added child is seated').toBe('enrolled');
                } else {
                  expect(answer.reason === 'already_enrolled' || (answer.reason === 'full' && !override), `add refused: ${answer.reason}`).toBe(true);
                }
              } else if (step.kind === 'remove') {
                if (row) {
                  const answer = await roster.remove(admin, row.id, 'property test');
                  expect(answer.ok || (answer.reason === 'not_active' && row.status === 'withdrawn'), 'remove').toBe(true);
                  if (answer.ok) succeeded.remove += 1;
                  expect((await rowOf(offering, child))?.status).toBe('withdrawn');
                }
              } else if (row) {
                const target = offerings[step.to]!;
                const answer = await roster.move(admin, row.id, target, 'property test');
                if (answer.ok) {
                  placedBySchool.add(child);
                  succeeded.move += 1;
                  expect((await rowOf(offering, child))?.status, 'moved out').toBe('withdrawn');
                  expect((await rowOf(target, child))?.status, 'moved in').toBe(answer.placed.status);
                } else {
                  expect(['not_active', 'same_offering', 'already_in_target'], `move refused: ${answer.reason}`).toContain(answer.reason);
                }
              }
              await checkInvariants(offerings, children, limit, placedBySchool);
            }
          },
        ),
        { numRuns: dialect === 'sqlite' ? 50 : 30 },
      );
      for (const [action, count] of Object.entries(succeeded)) expect(count, `${action} was exercised`).toBeGreaterThan(0);
    }, 120_000);
  });
}
