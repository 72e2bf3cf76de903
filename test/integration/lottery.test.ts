// A lottery term from commitment to draw, on each database: ranked choices, the frozen list, one verifiable draw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { commitmentOf, sha256Hex } from '../../src/lottery/draw.policy.ts';
import { verifyExport } from '../../src/lottery/export.ts';
import { createLotteryService } from '../../src/lottery/lottery.service.ts';
import { createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const SEED = Buffer.alloc(32, 7);
const results: Record<string, unknown> = {};

for (const dialect of DIALECTS) {
  describe(`lottery on ${dialect}`, () => {
    let handle: TestDatabase;
    const clock = fixedClock('2026-11-10T00:00:00Z');
    let service: ReturnType<typeof createLotteryService>;
    let term: number;
    let school: number;
    let robotics: number;
    let scratch: number;
    let middle: number;
    let admin: { id: number; role: 'school_admin'; schoolId: number };
    let farAdmin: { id: number; role: 'school_admin'; schoolId: number };
    const parents: number[] = [];
    const children: number[] = [];

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      service = createLotteryService({ db: handle.db, clock, timeZone: 'Asia/Shanghai', randomBytes: () => SEED });
      school = await createSchool(handle, 'willow');
      const far = await createSchool(handle, 'aspen');
      term = await createTerm(handle, school, { mode: 'lottery', choice_limit: 2, course_limit: 1, enrol_opens_at: '2026-11-15T00:00:00.000Z', enrol_closes_at: '2026-11-20T00:00:00.000Z' });
      robotics = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', capacity: 2 });
      scratch = await createOffering(handle, term, { code: 'SCR', title_zh: '编程', capacity: 3 }, [{ weekday: 4, startsAt: '16:00', endsAt: '17:00' }]);
      middle = await createOffering(handle, term, { code: 'MID', title_zh: '高年级', capacity: 5, grade_min: 5, grade_max: 6 }, [{ weekday: 5, startsAt: '16:00', endsAt: '17:00' }]);
      admin = { id: await createUser(handle, { login: 'lottery-admin@example.com', role: 'school_admin', schoolId: school }), role: 'school_admin', schoolId: school };
      farAdmin = { id: await createUser(handle, { login: 'lottery-far@example.com', role: 'school_admin', schoolId: far }), role: 'school_admin', schoolId: far };
      for (let i = 0; i < 6; i++) {
        const parent = await createUser(handle, { login: `lottery-parent-${i}@example.com` });
        const child = await handle.db.insertInto('children').values({ name: `抽签${i}`, school_id: school, grade: 3, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
        await handle.db.insertInto('guardianships').values({ user_id: parent, child_id: child.id, created_at: '2026-11-01T00:00:00.000Z' }).execute();
        parents.push(parent);
        children.push(child.id);
      }
    });
    afterAll(() => handle.drop());

    it('publishes no commitment before the window opens, and no choices are taken', async () => {
      expect((await service.publicView(school))?.draw).toBeNull();
      expect(await service.addChoice(parents[0]!, robotics, children[0]!)).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'not_open', opensAt: '2026-11-15T00:00:00.000Z' } });
    });

    it('commits to a secret seed when the window opens', async () => {
      clock.set('2026-11-16T00:00:00Z');
      const view = await service.publicView(school);
      expect(view?.stage).toBe('open');
      expect(view?.draw?.commitment).toBe(commitmentOf(SEED.toString('hex')));
      expect(view?.draw?.public_value_source_zh).toContain('双色球');
    });

    it('takes ranked choices up to the limit, idempotently, with one anonymous entry number per child', async () => {
      expect(await service.addChoice(parents[0]!, robotics, children[0]!)).toEqual({ ok: true, rank: 1, entryNumber: 1 });
      expect(await service.addChoice(parents[0]!, robotics, children[0]!)).toEqual({ ok: true, rank: 1, entryNumber: 1 });
      expect(await service.addChoice(parents[0]!, scratch, children[0]!)).toEqual({ ok: true, rank: 2, entryNumber: 1 });
      expect(await service.addChoice(parents[0]!, middle, children[0]!)).toMatchObject({ ok: false, refusal: { reason: 'grade' } });
      // The choice limit is 2: a third is refused.
      await handle.db.updateTable('offerings').set({ grade_min: 1 }).where('id', '=', middle).execute();
      expect(await service.addChoice(parents[0]!, middle, children[0]!)).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'choice_limit', limit: 2 } });
      // Someone else's child: not found.
      expect(await service.addChoice(parents[1]!, robotics, children[0]!)).toEqual({ ok: false, reason: 'not_found' });
      const seated = await handle.db.selectFrom('offerings').select('seats_taken').where('id', '=', robotics).executeTakeFirstOrThrow();
      expect(seated.seats_taken).toBe(0); // nothing is allocated yet
    });

    it('reorders and removes choices while the window is open', async () => {
      const before = await service.choicesOf(parents[0]!, children[0]!);
      const [first, second] = before!.choices;
      await service.moveChoice(parents[0]!, second!.id, 'up');
      expect((await service.choicesOf(parents[0]!, children[0]!))!.choices.map((choice) => choice.code)).toEqual(['SCR', 'ROB']);
      await service.removeChoice(parents[0]!, second!.id);
      expect((await service.choicesOf(parents[0]!, children[0]!))!.choices.map((choice) => [choice.code, choice.choice_rank])).toEqual([['ROB', 1]]);
      expect(await service.moveChoice(parents[1]!, first!.id, 'down')).toEqual({ ok: false, reason: 'not_found' });
      await service.addChoice(parents[0]!, scratch, children[0]!);
      // Everyone else: robotics first, programming second.
      for (let i = 1; i < 6; i++) {
        await service.addChoice(parents[i]!, robotics, children[i]!);
        await service.addChoice(parents[i]!, scratch, children[i]!);
      }
    });

    it('refuses to draw before the close, and refuses other schools', async () => {
      expect(await service.draw(admin, term, '01 02 03 04 05 06 07')).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'not_closed' } });
      expect(await service.draw(farAdmin, term, '01 02 03 04 05 06 07')).toEqual({ ok: false, reason: 'not_found' });
      expect(await service.exportOf(school)).toBeNull();
    });

    it('freezes the entry list at close and publishes its hash; choices can no longer change', async () => {
      clock.set('2026-11-20T00:00:01Z');
      const exported = await service.exportOf(school);
      expect(exported?.entriesHash).toBe(sha256Hex(exported!.entries));
      expect(JSON.parse(exported!.entries).entries).toHaveLength(6);
      const choice = (await service.choicesOf(parents[1]!, children[1]!))!.choices[0]!;
      expect(await service.moveChoice(parents[1]!, choice.id, 'down')).toEqual({ ok: false, reason: 'closed' });
      expect((await service.addChoice(parents[1]!, middle, children[1]!)).ok).toBe(false);
    });

    it('refuses the draw before the named 双色球 draw has taken place, and a value not in its form', async () => {
      // Frozen on Friday 2026-11-20 08:00 Beijing time: the first 双色球 draw after it is Sunday 11-22 at 21:15.
      expect((await service.publicView(school))?.draw?.public_value_source_zh).toContain('2026-11-22');
      const early = { ok: false, reason: 'refused', refusal: { reason: 'before_public_draw', drawAt: '2026-11-22T13:15:00.000Z' } };
      expect(await service.draw(admin, term, '03 07 12 19 25 31 09')).toEqual(early);
      clock.set('2026-11-22T13:14:59Z');
      expect(await service.draw(admin, term, '03 07 12 19 25 31 09')).toEqual(early);
      clock.set('2026-11-22T13:15:00Z');
      for (const value of ['hello', '03 07 12 19 25 31', '03 07 12 19 25 34 09', '03 07 12 19 25 25 09', '03 07 12 19 25 31 17', '3 7 12 19 25 31 9', '03 07 12 19 25 31 09 10']) {
        expect(await service.draw(admin, term, value)).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'public_value_form' } });
      }
      expect(await handle.db.selectFrom('lottery_draws').select('drawn_at').where('term_id', '=', term).executeTakeFirstOrThrow()).toEqual({ drawn_at: null });
    });

    it('draws once: seats within capacity, the rest waitlisted in draw order, term then first come', async () => {
      expect(await service.draw(admin, term, '  ')).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'no_public_value' } });
      const outcome = await service.draw(admin, term, '03 07 12 19 25 31 09');
      // Six children, limit one each: two robotics seats, three programming seats, one waits.
      expect(outcome).toEqual({ ok: true, seated: 5, waitlisted: 1, unplaced: 0 });
      expect(await service.draw(admin, term, '03 07 12 19 25 31 09')).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'already_drawn' } });
      const rows = await handle.db.selectFrom('enrollments').select(['offering_id', 'status', 'waitlist_position']).where('status', '!=', 'withdrawn').execute();
      expect(rows.filter((row) => row.offering_id === robotics && row.status === 'enrolled')).toHaveLength(2);
      expect(rows.filter((row) => row.offering_id === scratch && row.status === 'enrolled')).toHaveLength(3);
      expect(rows.filter((row) => row.status === 'waitlisted').map((row) => row.waitlist_position)).toEqual([1]);
      const offerings = await handle.db.selectFrom('offerings').select(['id', 'seats_taken', 'capacity']).execute();
      for (const offering of offerings) expect(offering.seats_taken).toBeLessThanOrEqual(offering.capacity);
      const after = await handle.db.selectFrom('terms').select(['mode', 'enrol_closes_at']).where('id', '=', term).executeTakeFirstOrThrow();
      expect(after.mode).toBe('first_come');
      const notices = await handle.db.selectFrom('notifications').select('kind').execute();
      expect(notices.filter((row) => row.kind === 'lottery_seat')).toHaveLength(5);
      expect(notices.filter((row) => row.kind === 'lottery_waitlisted')).toHaveLength(1);
      const audit = await handle.db.selectFrom('audit_events').select('action').where('action', '=', 'lottery.drawn').execute();
      expect(audit).toHaveLength(1);
    });

    it('publishes an export that recomputes to the same result with the revealed seed', async () => {
      const exported = (await service.exportOf(school))!;
      const view = (await service.publicView(school))!;
      expect(view.draw?.seed).toBe(SEED.toString('hex'));
      expect(verifyExport(JSON.stringify(exported), view.draw!.seed)).toMatchObject({ ok: true });
      // A tampered result is caught, offering by offering.
      const tampered = { ...exported, results: { ...exported.results, ROB: { seats: [6, 5], waitlist: [] } } };
      expect(verifyExport(JSON.stringify(tampered), view.draw!.seed)).toMatchObject({ ok: false, problem: 'mismatch' });
      expect(verifyExport(JSON.stringify(exported), 'ab'.repeat(32))).toMatchObject({ ok: false, problem: 'commitment' });
      results[dialect] = exported.results;
    });
  });
}

describe.runIf(DIALECTS.length > 1)('across databases', () => {
  it('gives the same draw on SQLite and PostgreSQL for the same inputs and seed', () => {
    expect(results.sqlite).toBeDefined();
    expect(results.postgres).toEqual(results.sqlite);
  });
});
