// Random sequences through every seat writer keep every invariant after every step (fast-check). Each sequence is
// one school's term from its lottery to first come, first served: ranked choices while the window is open; after
// the close, what parents and the school try (a choice withdrawn, a capacity edit, archiving, a child's
// deletion) against the frozen list; the draw; then parents' enrolments and withdrawals mixed with the school's
// add (with and without the capacity override), remove and move, capacity edits, archiving and child deletions.
// The school checks children against its pupil list: most children are bound to a pupil, the last few are not, and
// every choice or enrolment their parent tries is refused as unverified and changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfferingsService } from '../../src/catalogue/offerings.service.ts';
import { slotsOverlap } from '../../src/kernel/slots.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';
import { createRosterService } from '../../src/enrollment/roster.service.ts';
import { verifyExport } from '../../src/lottery/export.ts';
import { createLotteryService } from '../../src/lottery/lottery.service.ts';
import { createPrivacyService } from '../../src/privacy/privacy.service.ts';
import { createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

type LotteryKind = 'choose' | 'up' | 'unchoose';
type FrozenKind = 'withdraw' | 'capacity' | 'archive' | 'remove' | 'delete';
type Kind = 'enrol' | 'withdraw' | 'add' | 'addOverride' | 'remove' | 'move' | 'capacity' | 'archive' | 'delete';
type Step<K> = { kind: K; child: number; offering: number; to: number; capacity: number };

const SLOTS = [
  [{ weekday: 1, startsAt: '16:00', endsAt: '17:00' }],
  [{ weekday: 1, startsAt: '16:30', endsAt: '17:30' }], // clashes with the first
  [{ weekday: 2, startsAt: '16:00', endsAt: '17:00' }],
  [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }],
];
const CHILDREN = 8;
/** The last UNVERIFIED children are not bound to a pupil of the school's list. */
const UNVERIFIED = 2;
const LIMIT = 2;
const PUBLIC_VALUE = '05 11 17 23 29 33 12';
// The window closes Friday 2026-11-20 08:00 Beijing time; the first 双色球 draw after it is Sunday 11-22 21:15.
const WINDOW = { enrol_opens_at: '2026-11-15T00:00:00.000Z', enrol_closes_at: '2026-11-20T00:00:00.000Z' };
const OPEN = '2026-11-16T00:00:00Z';
const CLOSED = '2026-11-20T01:00:00Z';
const AFTER_PUBLIC_DRAW = '2026-11-22T13:30:00Z';
const RUNS = { sqlite: 30, postgres: 25 };
const LOTTERY_STEPS = { minLength: 4, maxLength: 16 };
const FROZEN_STEPS = { minLength: 1, maxLength: 4 };
const STEPS = { minLength: 10, maxLength: 30 };

const step = <K extends string>(kinds: K[]) =>
  fc.record({
    kind: fc.constantFrom<K>(...kinds),
    child: fc.integer({ min: 0, max: CHILDREN - 1 }),
    // Most traffic goes to one offering, so queues form and seats change hands.
    offering: fc.constantFrom(0, 1, 2, 2, 2, 3),
    to: fc.constantFrom(0, 1, 2, 3),
    capacity: fc.integer({ min: 0, max: 3 }),
  });

for (const dialect of DIALECTS) {
  describe(`seat invariants through every writer on ${dialect}`, () => {
    let handle: TestDatabase;
    let parent: number;
    let run = 0;
    const clock = fixedClock(OPEN);

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      parent = await createUser(handle, { login: 'property-parent@example.com' });
    });
    afterAll(() => handle.drop());

    it('holds seats, waitlists, limits, clashes and the published draw after every step of any term, lottery to first come', async () => {
      // How often each writer changed something over all runs: the property must have exercised them, not only refused.
      const succeeded: Record<string, number> = { refusedUnverified: 0, choose: 0, draw: 0, enroll: 0, withdraw: 0, add: 0, overCapacity: 0, remove: 0, move: 0, capacity: 0, archive: 0, delete: 0 };
      let sequences = 0;
      let steps = 0;
      // The draws the sequences produced, by kind, for the report: what was tried, and that each kind happened.
      const draws = { total: 0, noEntries: 0, oversubscribed: 0, skippedDeleted: 0, childLeftWithNothing: 0, seated: 0, waitlisted: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.array(step<LotteryKind>(['choose', 'choose', 'choose', 'up', 'unchoose']), { ...LOTTERY_STEPS, size: 'max' }),
          fc.array(step<FrozenKind>(['withdraw', 'capacity', 'archive', 'remove', 'delete', 'delete']), { ...FROZEN_STEPS, size: 'max' }),
          fc.array(step<Kind>(['enrol', 'enrol', 'enrol', 'withdraw', 'withdraw', 'add', 'addOverride', 'remove', 'remove', 'move', 'move', 'capacity', 'archive', 'delete']), { ...STEPS, size: 'max' }),
          fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
          async (lotterySteps, frozenSteps, laterSteps, capacities) => {
            run += 1;
            sequences += 1;
            clock.set(OPEN);
            const school = await createSchool(handle, `p${run}`);
            await handle.db.updateTable('schools').set({ child_check: 'pupil_list' }).where('id', '=', school).execute();
            const admin = { id: await createUser(handle, { login: `property-admin-${run}@example.com`, role: 'school_admin', schoolId: school }), role: 'school_admin' as const, schoolId: school };
            const term = await createTerm(handle, school, { mode: 'lottery', course_limit: LIMIT, choice_limit: 3, ...WINDOW });
            const offerings: number[] = [];
            for (const [index, slots] of SLOTS.entries()) {
              offerings.push(await createOffering(handle, term, { code: `P${run}-${index}`, title_zh: `课${index}`, capacity: capacities[index]! }, slots));
            }
            const children: number[] = [];
            for (let i = 0; i < CHILDREN; i++) {
              const now = new Date().toISOString();
              const listed = i < CHILDREN - UNVERIFIED;
              const pupil = listed
                ? (await handle.db.insertInto('pupils').values({ school_id: school, number: `N${i}`, name: `孩${i}`, name_key: `孩${i}`, grade: 3, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id
                : null;
              const child = await handle.db.insertInto('children').values({ name: `孩${i}`, school_id: school, grade: 3, pupil_id: pupil, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
              await handle.db.insertInto('guardianships').values({ user_id: parent, child_id: child.id, created_at: now }).execute();
              children.push(child.id);
            }
            const deps = { db: handle.db, clock, timeZone: 'Asia/Shanghai' };
            const enrolment = createEnrollmentService(deps);
            const roster = createRosterService(deps);
            const catalogue = createOfferingsService(deps);
            const lottery = createLotteryService(deps);
            const privacy = createPrivacyService(deps);
            const placedBySchool = new Set<number>();
            const deleted = new Set<number>();
            const archived = new Set<number>();
            const waitlists = new Map<number, number[]>();
            let published: string | null = null;

            const rowOf = (offering: number, child: number) =>
              handle.db.selectFrom('enrollments').select(['id', 'status']).where('offering_id', '=', offering).where('child_id', '=', child).executeTakeFirst();
            const unverified = (child: number) => children.indexOf(child) >= CHILDREN - UNVERIFIED;
            const everyRow = () => handle.db.selectFrom('enrollments').selectAll().where('offering_id', 'in', offerings).orderBy('id').execute();

            /** An unverified child's choice or enrolment: refused as such (or answered with a place it already holds), nothing changed. */
            async function triedUnverified(child: number, offering: number, attempt: () => Promise<{ ok: boolean; reason?: string; refusal?: { reason: string } }>) {
              const before = await everyRow();
              const held = await rowOf(offering, child);
              const answer = await attempt();
              if (held && (held.status === 'enrolled' || held.status === 'waitlisted')) expect(answer.ok, 'an unverified child keeps the place it has').toBe(true);
              else if (!answer.ok && answer.reason === 'refused') {
                expect(answer.refusal?.reason, 'refused as unverified').toBe('unverified');
                succeeded.refusedUnverified! += 1;
              } else expect(answer, 'only a gone child or offering is not found').toMatchObject({ ok: false, reason: 'not_found' });
              expect(await everyRow(), 'an unverified child changes nothing').toEqual(before);
            }

            /** After every step: seats, counters, waitlists, doubles, each child's limit and clashes, and the published draw. */
            async function checkInvariants(label: string) {
              steps += 1;
              const rows = await handle.db.selectFrom('enrollments').select(['offering_id', 'child_id', 'status', 'waitlist_position']).where('offering_id', 'in', offerings).execute();
              for (const [index, offering] of offerings.entries()) {
                const seat = await handle.db.selectFrom('offerings').select(['seats_taken', 'capacity']).where('id', '=', offering).executeTakeFirstOrThrow();
                const mine = rows.filter((row) => row.offering_id === offering);
                const enrolled = mine.filter((row) => row.status === 'enrolled').length;
                const waiting = mine.filter((row) => row.status === 'waitlisted').sort((a, b) => a.waitlist_position! - b.waitlist_position!);
                const at = `${label}, offering ${index}`;
                expect(seat.seats_taken, `${at}: counter = enrolled`).toBe(enrolled);
                expect(enrolled, `${at}: never oversold`).toBeLessThanOrEqual(seat.capacity);
                expect(waiting.map((row) => row.waitlist_position), `${at}: gap-free waitlist`).toEqual(waiting.map((_, i) => i + 1));
                if (waiting.length > 0 && published !== null) expect(enrolled, `${at}: nobody waits while a seat is free`).toBe(seat.capacity);
                // FIFO: whoever was waiting keeps their order, and newcomers join behind them.
                const queue = waiting.map((row) => row.child_id);
                const before = waitlists.get(offering) ?? [];
                const stayed = queue.filter((child) => before.includes(child));
                expect(stayed, `${at}: waitlist order kept`).toEqual(before.filter((child) => queue.includes(child)));
                expect(queue.slice(0, stayed.length), `${at}: newcomers join at the back`).toEqual(stayed);
                waitlists.set(offering, queue);
                const active = mine.filter((row) => row.status !== 'withdrawn').map((row) => row.child_id);
                expect(new Set(active).size, `${at}: no child twice`).toBe(active.length);
                if (archived.has(offering)) expect(active, `${at}: an archived offering holds nobody`).toEqual([]);
              }
              for (const child of children) {
                if (placedBySchool.has(child)) continue;
                const held = rows.filter((row) => row.child_id === child && (row.status === 'enrolled' || row.status === 'waitlisted'));
                expect(held.length, `${label}: term limit`).toBeLessThanOrEqual(LIMIT);
                const slots = held.map((row) => SLOTS[offerings.indexOf(row.offering_id)]!);
                for (let i = 0; i < slots.length; i++) {
                  for (let j = i + 1; j < slots.length; j++) expect(slots[i]!.some((a) => slots[j]!.some((b) => slotsOverlap(a, b))), `${label}: no clash`).toBe(false);
                }
              }
              for (const child of deleted) expect(rows.filter((row) => row.child_id === child), `${label}: a deleted child holds nothing`).toEqual([]);
              // The published draw never changes once written.
              if (published !== null) expect(JSON.stringify(await lottery.exportOf(school)), `${label}: the published draw is unchanged`).toBe(published);
            }

            async function deleteChild(child: number) {
              const requested = await privacy.requestDeletion(parent, child, null);
              if (!requested.ok) return false;
              const done = await privacy.carryOut(admin, requested.requestId);
              expect(done.ok, 'the admin carries out the deletion').toBe(true);
              deleted.add(child);
              succeeded.delete! += 1;
              return true;
            }

            async function changeCapacity(index: number, capacity: number) {
              const result = await catalogue.updateOffering(admin, offerings[index]!, {
                code: `P${run}-${index}`,
                kind: 'course',
                category: 'robotics',
                titleZh: `课${index}`,
                titleEn: null,
                descriptionZh: '',
                descriptionEn: null,
                teacherId: null,
                room: '',
                capacity,
                gradeMin: 1,
                gradeMax: 6,
                feeCents: 0,
                slots: SLOTS[index]!,
              });
              if (!result.ok) expect(result.reason === 'invalid' && Object.keys(result.errors), 'only the capacity can be refused').toEqual(['capacity']);
              return result.ok;
            }

            async function archive(index: number) {
              const result = await catalogue.setStatus(admin, offerings[index]!, 'archived', { confirm: true, reason: 'property test' });
              if (result.ok) archived.add(offerings[index]!);
              return result;
            }

            // 1. The window is open: ranked choices.
            for (const [i, one] of lotterySteps.entries()) {
              const offering = offerings[one.offering]!;
              const child = children[one.child]!;
              if (one.kind === 'choose' && unverified(child)) {
                await triedUnverified(child, offering, () => lottery.addChoice(parent, offering, child));
              } else if (one.kind === 'choose') {
                const answer = await lottery.addChoice(parent, offering, child);
                if (answer.ok) succeeded.choose! += 1;
                else expect(answer.reason === 'refused' && answer.refusal.reason, 'choice refused').toBe('choice_limit');
              } else {
                const row = await rowOf(offering, child);
                if (row) {
                  const answer = one.kind === 'up' ? await lottery.moveChoice(parent, row.id, 'up') : await lottery.removeChoice(parent, row.id);
                  expect(answer.ok, `${one.kind} while open`).toBe(true);
                }
              }
              await checkInvariants(`lottery step ${i} ${one.kind}`);
            }

            // 2. Closed, not yet drawn: nothing anyone does changes what is drawn; a child may still be deleted.
            clock.set(CLOSED);
            // Someone opens the lottery page: the list is frozen and its hash published.
            expect((await lottery.publicView(school))?.draw?.entries_hash, 'frozen at the close').toBeTruthy();
            for (const [i, one] of frozenSteps.entries()) {
              const offering = offerings[one.offering]!;
              const child = children[one.child]!;
              const row = await rowOf(offering, child);
              if (one.kind === 'withdraw' && row) expect((await enrolment.withdraw(parent, row.id)).ok, 'a choice is not withdrawn after the close').toBe(false);
              if (one.kind === 'remove' && row) expect((await roster.remove(admin, row.id, 'property test')).ok, 'the school cannot remove a frozen choice').toBe(false);
              if (one.kind === 'capacity') {
                const { capacity } = await handle.db.selectFrom('offerings').select('capacity').where('id', '=', offering).executeTakeFirstOrThrow();
                // Saving the form with the same seats is fine; other seats wait for the draw.
                expect(await changeCapacity(one.offering, one.capacity), 'seats are frozen until the draw').toBe(one.capacity === capacity);
              }
              if (one.kind === 'archive') expect(await archive(one.offering), 'archiving waits for the draw').toMatchObject({ ok: false });
              if (one.kind === 'delete' && !deleted.has(child)) await deleteChild(child);
              await checkInvariants(`frozen step ${i} ${one.kind}`);
            }

            // 3. The draw, after the named 双色球 draw: what it publishes is exactly what it wrote.
            clock.set(AFTER_PUBLIC_DRAW);
            const outcome = await lottery.draw(admin, term, PUBLIC_VALUE);
            expect(outcome, 'the draw runs').toMatchObject({ ok: true });
            succeeded.draw! += 1;
            const exported = (await lottery.exportOf(school))!;
            if (outcome.ok) {
              const frozen = JSON.parse(exported.entries) as { offerings: { code: string; seats: number }[]; entries: { choices: string[] }[] };
              draws.total += 1;
              if (frozen.entries.length === 0) draws.noEntries += 1;
              if (frozen.offerings.some((offering) => frozen.entries.filter((entry) => entry.choices.includes(offering.code)).length > offering.seats)) draws.oversubscribed += 1;
              if ((exported.skippedEntries ?? []).length > 0) draws.skippedDeleted += 1;
              if (outcome.unplaced > 0) draws.childLeftWithNothing += 1;
              draws.seated += outcome.seated;
              draws.waitlisted += outcome.waitlisted;
            }
            const { seed } = await handle.db.selectFrom('lottery_draws').select('seed').where('term_id', '=', term).executeTakeFirstOrThrow();
            expect(verifyExport(JSON.stringify(exported), seed), 'the export verifies').toMatchObject({ ok: true });
            const entries = await handle.db.selectFrom('lottery_entries').select(['entry_number', 'child_id']).where('term_id', '=', term).execute();
            const childOf = new Map(entries.map((entry) => [entry.entry_number, entry.child_id]));
            for (const [index, offering] of offerings.entries()) {
              const rows = await handle.db.selectFrom('enrollments').select(['child_id', 'status', 'waitlist_position']).where('offering_id', '=', offering).execute();
              const result = exported.results![`P${run}-${index}`] ?? { seats: [], waitlist: [] };
              const enrolled = rows.filter((row) => row.status === 'enrolled').map((row) => row.child_id).sort((a, b) => a - b);
              const waiting = rows.filter((row) => row.status === 'waitlisted').sort((a, b) => a.waitlist_position! - b.waitlist_position!).map((row) => row.child_id);
              expect(result.seats.map((entry) => childOf.get(entry)!).sort((a, b) => a - b), `published seats of offering ${index}`).toEqual(enrolled);
              expect(result.waitlist.map((entry) => childOf.get(entry)!), `published waitlist of offering ${index}`).toEqual(waiting);
            }
            expect(await handle.db.selectFrom('enrollments').select('id').where('offering_id', 'in', offerings).where('status', '=', 'requested').execute(), 'no choice left undecided').toEqual([]);
            waitlists.clear(); // the draw's order is the first order of each waitlist
            published = JSON.stringify(exported);
            await checkInvariants('after the draw');

            // 4. First come, first served: every writer, in any order.
            for (const [i, one] of laterSteps.entries()) {
              const offering = offerings[one.offering]!;
              const child = children[one.child]!;
              const row = await rowOf(offering, child);
              const gone = archived.has(offering) || deleted.has(child);
              if (one.kind === 'enrol' && unverified(child)) {
                await triedUnverified(child, offering, () => enrolment.enroll(parent, offering, child));
              } else if (one.kind === 'enrol') {
                const answer = await enrolment.enroll(parent, offering, child);
                if (answer.ok) succeeded.enroll! += 1;
                else expect(answer.reason === 'refused' || gone, `enrol refused: ${answer.reason}`).toBe(true);
              } else if (one.kind === 'withdraw') {
                if (row) {
                  expect(await enrolment.withdraw(parent, row.id)).toMatchObject({ ok: true });
                  if (row.status !== 'withdrawn') succeeded.withdraw! += 1;
                }
              } else if (one.kind === 'add' || one.kind === 'addOverride') {
                const override = one.kind === 'addOverride';
                const answer = await roster.add(admin, offering, child, { override, reason: override ? 'property test' : '' });
                expect(answer.ok && archived.has(offering), 'the school adds nobody to an archived offering').toBe(false);
                if (answer.ok) {
                  placedBySchool.add(child);
                  succeeded.add! += 1;
                  if (answer.overCapacity) succeeded.overCapacity! += 1;
                  expect((await rowOf(offering, child))?.status, 'the added child is seated').toBe('enrolled');
                } else {
                  expect(gone || answer.reason === 'already_enrolled' || (answer.reason === 'full' && !override), `add refused: ${answer.reason}`).toBe(true);
                }
              } else if (one.kind === 'remove') {
                if (row) {
                  const answer = await roster.remove(admin, row.id, 'property test');
                  expect(answer.ok || (answer.reason === 'not_active' && row.status === 'withdrawn'), `remove: ${answer.ok || answer.reason}`).toBe(true);
                  if (answer.ok) succeeded.remove! += 1;
                  expect((await rowOf(offering, child))?.status).toBe('withdrawn');
                }
              } else if (one.kind === 'move') {
                if (row) {
                  const target = offerings[one.to]!;
                  const answer = await roster.move(admin, row.id, target, 'property test');
                  expect(answer.ok && archived.has(target), 'the school moves nobody into an archived offering').toBe(false);
                  if (answer.ok) {
                    placedBySchool.add(child);
                    succeeded.move! += 1;
                    expect((await rowOf(offering, child))?.status, 'moved out').toBe('withdrawn');
                    expect((await rowOf(target, child))?.status, 'moved in').toBe(answer.placed.status);
                  } else {
                    expect(archived.has(target) || ['not_active', 'same_offering', 'already_in_target'].includes(answer.reason), `move refused: ${answer.reason}`).toBe(true);
                  }
                }
              } else if (one.kind === 'capacity') {
                if (!archived.has(offering) && (await changeCapacity(one.offering, one.capacity))) succeeded.capacity! += 1;
              } else if (one.kind === 'archive') {
                // Archiving is rarer than the rest: only every other archive step goes ahead.
                if (one.capacity % 2 === 0 && !archived.has(offering)) {
                  const answer = await archive(one.offering);
                  expect(answer, 'archive with confirmation and reason').toMatchObject({ ok: true });
                  succeeded.archive! += 1;
                }
              } else if (one.capacity === 0 && !deleted.has(child)) {
                // A deletion ends a child's part in the sequence: one delete step in four goes ahead.
                await deleteChild(child);
              }
              await checkInvariants(`step ${i} ${one.kind}`);
            }
          },
        ),
        { numRuns: RUNS[dialect] },
      );
      for (const [action, count] of Object.entries(succeeded)) expect(count, `${action} was exercised`).toBeGreaterThan(0);
      for (const kind of ['oversubscribed', 'skippedDeleted'] as const) expect(draws[kind], `a draw ${kind}`).toBeGreaterThan(0);
      console.log(`${dialect}: ${sequences} sequences, ${steps} checked steps (${(steps / sequences).toFixed(1)} per sequence); successes ${JSON.stringify(succeeded)}; draws ${JSON.stringify(draws)}`);
    }, 600_000);
  });
}
