// Enrolment's guarantees through the service: eligibility, seats never oversold, FIFO waitlist, idempotency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';
import { createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`enrolment on ${dialect}`, () => {
    let handle: TestDatabase;
    let service: ReturnType<typeof createEnrollmentService>;
    let school: number;
    let otherSchool: number;
    let term: number;
    let parent: number;
    const clock = fixedClock('2026-11-27T08:00:00Z');

    async function child(grade = 4, schoolId = school, guardian = parent) {
      const now = new Date().toISOString();
      const row = await handle.db.insertInto('children').values({ name: `孩子${Math.random()}`, school_id: schoolId, grade, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await handle.db.insertInto('guardianships').values({ user_id: guardian, child_id: row.id, created_at: now }).execute();
      return row.id;
    }

    const state = (offeringId: number) =>
      Promise.all([
        handle.db.selectFrom('offerings').select(['seats_taken', 'capacity']).where('id', '=', offeringId).executeTakeFirstOrThrow(),
        handle.db.selectFrom('enrollments').select(['child_id', 'status', 'waitlist_position']).where('offering_id', '=', offeringId).orderBy('id').execute(),
      ]);

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      service = createEnrollmentService({ db: handle.db, clock });
      school = await createSchool(handle, 'willow');
      otherSchool = await createSchool(handle, 'poplar');
      term = await createTerm(handle, school, { course_limit: 2 });
      parent = await createUser(handle, { login: 'enrol-parent@example.com' });
    });
    afterAll(() => handle.drop());

    it('enrols into a free seat, then waitlists once the seats are gone, and notifies the guardians of a seat', async () => {
      const offering = await createOffering(handle, term, { code: 'SEAT-1', title_zh: '两座课', capacity: 2 });
      const [a, b, c] = [await child(), await child(), await child()];
      expect(await service.enroll(parent, offering, a)).toMatchObject({ ok: true, status: 'enrolled' });
      expect(await service.enroll(parent, offering, b)).toMatchObject({ ok: true, status: 'enrolled' });
      expect(await service.enroll(parent, offering, c)).toMatchObject({ ok: true, status: 'waitlisted', position: 1 });
      const [seats] = await state(offering);
      expect(seats.seats_taken).toBe(2);
      const notes = await handle.db.selectFrom('notifications').select(['recipient_id', 'kind']).execute();
      expect(notes.filter((note) => note.kind === 'seat_confirmed')).toHaveLength(2);
    });

    it('answers a repeated request with the same answer and changes nothing', async () => {
      const offering = await createOffering(handle, term, { code: 'TWICE', title_zh: '重复', capacity: 5 }, [{ weekday: 5, startsAt: '16:00', endsAt: '17:00' }]);
      const kid = await child();
      const answers = await Promise.all([service.enroll(parent, offering, kid), service.enroll(parent, offering, kid), service.enroll(parent, offering, kid)]);
      expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
      const [seats, rows] = await state(offering);
      expect(seats.seats_taken).toBe(1);
      expect(rows).toHaveLength(1);
    });

    it("answers a repeat with the child's place even once the enrolment window has closed", async () => {
      const closing = await createTerm(handle, school, { enrol_closes_at: '2026-11-28T00:00:00.000Z' });
      const offering = await createOffering(handle, closing, { code: 'LATE', title_zh: '截止课', capacity: 1 });
      const [kid, other] = [await child(), await child()];
      const placed = await service.enroll(parent, offering, kid);
      expect(placed).toMatchObject({ ok: true, status: 'enrolled' });
      const later = createEnrollmentService({ db: handle.db, clock: fixedClock('2026-11-29T08:00:00Z') });
      expect(await later.enroll(parent, offering, kid)).toEqual(placed);
      expect(await later.enroll(parent, offering, other)).toMatchObject({ ok: false, reason: 'refused', refusal: { reason: 'closed' } });
    });

    it('never sells more seats than there are, however many ask at once, and numbers the waitlist without gaps', async () => {
      const offering = await createOffering(handle, term, { code: 'RUSH', title_zh: '热门课', capacity: 10 }, [{ weekday: 4, startsAt: '18:00', endsAt: '19:00' }]);
      const kids = await Promise.all(Array.from({ length: 60 }, () => child()));
      const answers = await Promise.all(kids.map((kid) => service.enroll(parent, offering, kid)));
      expect(answers.filter((answer) => answer.ok && answer.status === 'enrolled')).toHaveLength(10);
      const [seats, rows] = await state(offering);
      expect(seats.seats_taken).toBe(10);
      expect(rows.filter((row) => row.status === 'enrolled')).toHaveLength(10);
      const positions = rows.filter((row) => row.status === 'waitlisted').map((row) => row.waitlist_position!).sort((x, y) => x - y);
      expect(positions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('gives a freed seat to the first on the waitlist and moves everyone else up', async () => {
      const offering = await createOffering(handle, term, { code: 'FIFO', title_zh: '先来后到', capacity: 1 }, [{ weekday: 7, startsAt: '09:00', endsAt: '10:00' }]);
      const [first, second, third] = [await child(), await child(), await child()];
      const seated = await service.enroll(parent, offering, first);
      await service.enroll(parent, offering, second);
      await service.enroll(parent, offering, third);
      expect(await service.withdraw(parent, (seated as { enrollmentId: number }).enrollmentId)).toMatchObject({ ok: true });
      const [seats, rows] = await state(offering);
      expect(seats.seats_taken).toBe(1);
      expect(rows.map((row) => [row.child_id, row.status, row.waitlist_position])).toEqual([
        [first, 'withdrawn', null],
        [second, 'enrolled', null],
        [third, 'waitlisted', 1],
      ]);
      const promoted = await handle.db.selectFrom('notifications').select('kind').where('kind', '=', 'promoted').execute();
      expect(promoted).toHaveLength(1);
    });

    it('closes the gap when someone leaves the waitlist', async () => {
      const offering = await createOffering(handle, term, { code: 'GAP', title_zh: '候补', capacity: 0 }, [{ weekday: 6, startsAt: '14:00', endsAt: '15:00' }]);
      const kids = [await child(), await child(), await child()];
      const answers = [];
      for (const kid of kids) answers.push(await service.enroll(parent, offering, kid));
      await service.withdraw(parent, (answers[1] as { enrollmentId: number }).enrollmentId);
      const [, rows] = await state(offering);
      expect(rows.map((row) => row.waitlist_position)).toEqual([1, null, 2]);
    });

    describe('refusals', () => {
      it('refuses a child whose grade is outside the range', async () => {
        const offering = await createOffering(handle, term, { code: 'G56', title_zh: '高年级', grade_min: 5, grade_max: 6 }, [{ weekday: 1, startsAt: '07:00', endsAt: '07:30' }]);
        expect(await service.enroll(parent, offering, await child(3))).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'grade', min: 5, max: 6 } });
      });

      it('refuses a child of another school', async () => {
        const offering = await createOffering(handle, term, { code: 'OWN', title_zh: '本校课' }, [{ weekday: 1, startsAt: '07:30', endsAt: '08:00' }]);
        expect(await service.enroll(parent, offering, await child(4, otherSchool))).toMatchObject({ ok: false, refusal: { reason: 'other_school' } });
      });

      it('refuses before the window opens (saying when) and after it closes', async () => {
        const later = await createTerm(handle, school, { enrol_opens_at: '2026-12-01T00:00:00.000Z', enrol_closes_at: '2026-12-10T00:00:00.000Z' });
        const offering = await createOffering(handle, later, { code: 'SOON', title_zh: '未开放' });
        expect(await service.enroll(parent, offering, await child())).toMatchObject({ ok: false, refusal: { reason: 'not_open', opensAt: '2026-12-01T00:00:00.000Z' } });
        const closed = createEnrollmentService({ db: handle.db, clock: fixedClock('2027-01-05T00:00:00Z') });
        const offering2 = await createOffering(handle, term, { code: 'LATE', title_zh: '已截止' }, [{ weekday: 1, startsAt: '08:00', endsAt: '08:30' }]);
        expect(await closed.enroll(parent, offering2, await child())).toMatchObject({ ok: false, refusal: { reason: 'closed' } });
      });

      it('refuses a direct enrolment in a lottery term', async () => {
        const lottery = await createTerm(handle, school, { mode: 'lottery' });
        const offering = await createOffering(handle, lottery, { code: 'LOT', title_zh: '抽签课' });
        expect(await service.enroll(parent, offering, await child())).toMatchObject({ ok: false, refusal: { reason: 'lottery' } });
      });

      it('refuses a time clash, naming the other offering and its time, and the term limit', async () => {
        const kid = await child();
        const first = await createOffering(handle, term, { code: 'MON', title_zh: '周一机器人' }, [{ weekday: 1, startsAt: '16:00', endsAt: '17:30' }]);
        const clash = await createOffering(handle, term, { code: 'MON2', title_zh: '周一编程' }, [{ weekday: 1, startsAt: '17:00', endsAt: '18:00' }]);
        const second = await createOffering(handle, term, { code: 'TUE', title_zh: '周二科学' }, [{ weekday: 2, startsAt: '12:00', endsAt: '13:00' }]);
        const third = await createOffering(handle, term, { code: 'WED', title_zh: '周三魔方' }, [{ weekday: 3, startsAt: '12:00', endsAt: '13:00' }]);
        expect(await service.enroll(parent, first, kid)).toMatchObject({ ok: true });
        expect(await service.enroll(parent, clash, kid)).toEqual({
          ok: false,
          reason: 'refused',
          refusal: { reason: 'clash', title: '周一机器人', slot: { weekday: 1, startsAt: '16:00', endsAt: '17:30' } },
        });
        expect(await service.enroll(parent, second, kid)).toMatchObject({ ok: true });
        expect(await service.enroll(parent, third, kid)).toMatchObject({ ok: false, refusal: { reason: 'limit', limit: 2 } });
      });

      it("treats another parent's child, a draft and an unknown offering as not found, writing nothing", async () => {
        const stranger = await createUser(handle, { login: 'stranger@example.com' });
        const offering = await createOffering(handle, term, { code: 'MINE', title_zh: '我的' }, [{ weekday: 2, startsAt: '07:00', endsAt: '07:30' }]);
        const draft = await createOffering(handle, term, { code: 'DRAFTY', title_zh: '草稿', status: 'draft' }, [{ weekday: 2, startsAt: '07:30', endsAt: '08:00' }]);
        const kid = await child();
        expect(await service.enroll(stranger, offering, kid)).toEqual({ ok: false, reason: 'not_found' });
        expect(await service.enroll(parent, draft, kid)).toEqual({ ok: false, reason: 'not_found' });
        expect(await service.enroll(parent, 999_999, kid)).toEqual({ ok: false, reason: 'not_found' });
        const seated = await service.enroll(parent, offering, kid);
        expect(await service.withdraw(stranger, (seated as { enrollmentId: number }).enrollmentId)).toEqual({ ok: false, reason: 'not_found' });
        const [, rows] = await state(offering);
        expect(rows.map((row) => row.status)).toEqual(['enrolled']);
      });
    });
  });
}
