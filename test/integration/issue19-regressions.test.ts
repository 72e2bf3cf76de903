// The seams issue 19 found between enrolment, the lottery and the catalogue, tried as an outsider would, through
// HTTP: a choice withdrawn after the close, a capacity edit between the close and the draw, and archiving an
// offering that children hold.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const htmx = { 'hx-request': 'true' };
/** The window closes on Friday 2026-11-20 08:00 Beijing time; the first 双色球 draw after it is Sunday 21:15. */
const WINDOW = { enrol_opens_at: '2026-11-15T00:00:00.000Z', enrol_closes_at: '2026-11-20T00:00:00.000Z' };
const OPEN = '2026-11-16T00:00:00Z';
const CLOSED = '2026-11-20T01:00:00Z';
const AFTER_PUBLIC_DRAW = '2026-11-22T13:30:00Z';
const PUBLIC_VALUE = '05 11 17 23 29 33 12';

/** The admin form of an offering, as the edit page posts it. */
function offeringForm(code: string, title: string, capacity: number, weekday: number) {
  return {
    code,
    kind: 'course',
    category: 'robotics',
    title_zh: title,
    title_en: '',
    description_zh: '',
    description_en: '',
    teacher: '',
    room: '',
    capacity: String(capacity),
    grade_min: '1',
    grade_max: '6',
    fee: '0',
    slot_weekday: [String(weekday), ''],
    slot_start: ['16:00', ''],
    slot_end: ['17:00', ''],
  };
}

async function addChild(handle: TestDatabase, schoolId: number, guardian: number, name: string) {
  const now = '2026-11-01T00:00:00.000Z';
  const row = await handle.db.insertInto('children').values({ name, school_id: schoolId, grade: 3, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  await handle.db.insertInto('guardianships').values({ user_id: guardian, child_id: row.id, created_at: now }).execute();
  return row.id;
}

for (const dialect of DIALECTS) {
  describe(`issue 19 on ${dialect}`, () => {
    let handle: TestDatabase;
    let folder: string;
    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      folder = mkdtempSync(join(tmpdir(), 'clubroll-issue19-'));
    });
    afterAll(async () => {
      rmSync(folder, { recursive: true, force: true });
      await handle.drop();
    });

    describe('a lottery choice after the close', () => {
      it('cannot be withdrawn through the enrolment route either, and the draw still runs', async () => {
        const clock = fixedClock('2026-11-10T00:00:00Z');
        const app = buildApp(handle, { clock }).app;
        const school = await createSchool(handle, 'maple');
        const term = await createTerm(handle, school, { mode: 'lottery', choice_limit: 2, course_limit: 1, ...WINDOW });
        const robotics = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', capacity: 1 });
        const parent = new Browser(app);
        const parentId = await createUser(handle, { login: 'withdraw-parent@example.com' });
        await signIn(handle, parent, parentId);
        const admin = new Browser(app);
        await signIn(handle, admin, await createUser(handle, { login: 'withdraw-admin@example.com', role: 'school_admin', schoolId: school }));
        const child = await addChild(handle, school, parentId, '小禾');

        clock.set(OPEN);
        expect((await parent.post(`/offerings/${robotics}/enrollments`, { child: String(child) }, htmx)).status).toBe(200);
        const choice = await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', child).executeTakeFirstOrThrow();

        clock.set(CLOSED);
        expect((await parent.post(`/choices/${choice.id}/remove`, {}, htmx)).status).toBe(422);
        const withdrawn = await parent.post(`/enrollments/${choice.id}/withdraw`, { confirm: 'yes' }, htmx);
        expect(withdrawn.status).toBe(422);
        expect(await withdrawn.text()).toContain('小禾');
        expect(await handle.db.selectFrom('enrollments').select('status').where('id', '=', choice.id).executeTakeFirstOrThrow()).toEqual({ status: 'requested' });

        clock.set(AFTER_PUBLIC_DRAW);
        const drawn = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: PUBLIC_VALUE });
        expect(drawn.status).toBe(303);
        const draw = await handle.db.selectFrom('lottery_draws').select('drawn_at').where('term_id', '=', term).executeTakeFirstOrThrow();
        expect(draw.drawn_at).not.toBeNull();
        expect(await handle.db.selectFrom('enrollments').select('status').where('id', '=', choice.id).executeTakeFirstOrThrow()).toEqual({ status: 'enrolled' });
      });
    });

    describe('a capacity edit between the close and the draw', () => {
      it('cannot make the published result differ from who holds a seat: export, page and database agree, and lottery:verify confirms', async () => {
        const clock = fixedClock('2026-11-10T00:00:00Z');
        const app = buildApp(handle, { clock }).app;
        const school = await createSchool(handle, 'cedar');
        const term = await createTerm(handle, school, { mode: 'lottery', choice_limit: 2, course_limit: 1, ...WINDOW });
        const robotics = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', capacity: 4 });
        const scratch = await createOffering(handle, term, { code: 'SCR', title_zh: '编程', capacity: 4 }, [{ weekday: 4, startsAt: '16:00', endsAt: '17:00' }]);
        const admin = new Browser(app);
        await signIn(handle, admin, await createUser(handle, { login: 'capacity-admin@example.com', role: 'school_admin', schoolId: school }));
        const parents: Browser[] = [];
        const children: number[] = [];
        clock.set(OPEN);
        for (let i = 0; i < 4; i++) {
          const parent = new Browser(app);
          const parentId = await createUser(handle, { login: `capacity-parent-${i}@example.com` });
          await signIn(handle, parent, parentId);
          const child = await addChild(handle, school, parentId, `松${i}`);
          // Robotics first, Scratch as the fallback.
          expect((await parent.post(`/offerings/${robotics}/enrollments`, { child: String(child) }, htmx)).status).toBe(200);
          expect((await parent.post(`/offerings/${scratch}/enrollments`, { child: String(child) }, htmx)).status).toBe(200);
          parents.push(parent);
          children.push(child);
        }

        clock.set(CLOSED);
        // A parent looks at the choices (the list is frozen by now), then the admin lowers Robotics to one seat.
        expect((await parents[0]!.get(`/children/${children[0]}/choices`)).status).toBe(200);
        const edited = await admin.post(`/admin/offerings/${robotics}`, offeringForm('ROB', '机器人', 1, 2));

        clock.set(AFTER_PUBLIC_DRAW);
        expect((await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: PUBLIC_VALUE })).status).toBe(303);

        const exported = JSON.parse(await (await parents[1]!.get('/s/cedar/lottery/export.json')).text()) as { results: Record<string, { seats: number[]; waitlist: number[] }> };
        const page = await (await parents[1]!.get('/s/cedar/lottery')).text();
        const entries = await handle.db.selectFrom('lottery_entries').select(['entry_number', 'child_id']).where('term_id', '=', term).execute();
        const childOf = new Map(entries.map((entry) => [entry.entry_number, entry.child_id]));
        for (const [code, offeringId] of [['ROB', robotics], ['SCR', scratch]] as const) {
          const published = exported.results[code] ?? { seats: [], waitlist: [] };
          const rows = await handle.db.selectFrom('enrollments').select(['child_id', 'status', 'waitlist_position']).where('offering_id', '=', offeringId).execute();
          const enrolled = rows.filter((row) => row.status === 'enrolled').map((row) => row.child_id);
          const waiting = rows.filter((row) => row.status === 'waitlisted').sort((a, b) => a.waitlist_position! - b.waitlist_position!).map((row) => row.child_id);
          expect(published.seats.map((entry) => childOf.get(entry)).sort(), `${code} seats`).toEqual([...enrolled].sort());
          expect(published.waitlist.map((entry) => childOf.get(entry)), `${code} waitlist`).toEqual(waiting);
          const offering = await handle.db.selectFrom('offerings').select(['seats_taken', 'capacity']).where('id', '=', offeringId).executeTakeFirstOrThrow();
          expect(offering.seats_taken).toBe(enrolled.length);
          expect(offering.seats_taken).toBeLessThanOrEqual(offering.capacity);
          // The public page shows the same entry numbers as the export.
          const row = new RegExp(`<span class="muted">${code}</span></th><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td>`).exec(page);
          expect(row, `${code} row on the page`).not.toBeNull();
          expect(row![1]).toBe(published.seats.join(', '));
          expect(row![2]).toBe(published.waitlist.join(', '));
        }

        const seed = /lottery:verify -- export\.json ([0-9a-f]{64})/.exec(page)![1]!;
        const file = join(folder, 'cedar.json');
        writeFileSync(file, JSON.stringify(exported));
        const { stdout } = await promisify(execFile)(process.execPath, [TSX_CLI, 'src/lottery/verify-cli.ts', file, seed]);
        expect(stdout).toContain('OK: all 2 offerings match');

        // Between the close and the draw the seats were frozen: the edit waited for the draw, and said why.
        expect(edited.status).toBe(422);
        expect(await edited.text()).toContain('抽签');
        expect((await handle.db.selectFrom('offerings').select('capacity').where('id', '=', robotics).executeTakeFirstOrThrow()).capacity).toBe(4);
      });
    });

    describe('archiving an offering that children hold', () => {
      it('asks first, then frees every place, tells every guardian in their language and says so on the offering page and calendar', async () => {
        const clock = fixedClock('2026-11-27T08:00:00Z');
        const app = buildApp(handle, { clock }).app;
        const school = await createSchool(handle, 'birch');
        const term = await createTerm(handle, school);
        const art = await createOffering(handle, term, { code: 'ART', title_zh: '创意电路画', title_en: 'Circuit Art', capacity: 5 }, [{ weekday: 2, startsAt: '16:00', endsAt: '17:30' }]);
        await fillOffering(handle, art, school, { enrolled: 5, waitlisted: 3 });
        const admin = new Browser(app);
        await signIn(handle, admin, await createUser(handle, { login: 'archive-admin@example.com', role: 'school_admin', schoolId: school }));
        // One guardian for each child; the first reads English.
        const held = await handle.db.selectFrom('enrollments').select(['id', 'child_id', 'status']).where('offering_id', '=', art).orderBy('id').execute();
        const guardians: number[] = [];
        for (const [index, row] of held.entries()) {
          const guardian = await createUser(handle, { login: `archive-parent-${index}@example.com` });
          if (index === 0) await handle.db.updateTable('users').set({ lang: 'en' }).where('id', '=', guardian).execute();
          await handle.db.insertInto('guardianships').values({ user_id: guardian, child_id: row.child_id, created_at: '2026-11-01T00:00:00.000Z' }).execute();
          guardians.push(guardian);
        }
        const english = new Browser(app, { lang: 'en' });
        await signIn(handle, english, guardians[0]!);
        const chinese = new Browser(app);
        await signIn(handle, chinese, guardians[1]!);
        const enrolledChild = held[1]!.child_id;
        expect((await chinese.post(`/children/${enrolledChild}/calendar-feed`, {})).status).toBe(200);
        const { token } = await handle.db.selectFrom('calendar_feeds').select('token').where('child_id', '=', enrolledChild).executeTakeFirstOrThrow();
        expect(await (await new Browser(app).get(`/children/${enrolledChild}/calendar.ics?token=${token}`)).text()).toContain('创意电路画');

        const state = async () => ({
          offering: await handle.db.selectFrom('offerings').select(['status', 'seats_taken']).where('id', '=', art).executeTakeFirstOrThrow(),
          places: (await handle.db.selectFrom('enrollments').select(['status']).where('offering_id', '=', art).where('status', 'in', ['enrolled', 'waitlisted']).execute()).length,
          notices: (await handle.db.selectFrom('notifications').select('id').where('kind', '=', 'offering_cancelled').execute()).length,
        });
        const before = await state();
        expect(before).toEqual({ offering: { status: 'published', seats_taken: 5 }, places: 8, notices: 0 });

        // Without a confirmation nothing happens: the admin is asked, with the reason to give.
        const asked = await admin.post(`/admin/offerings/${art}/status`, { status: 'archived' });
        expect([200, 422]).toContain(asked.status);
        expect(await asked.text()).toContain('name="reason"');
        expect(await state()).toEqual(before);
        // A confirmation without a reason is not enough either.
        expect((await admin.post(`/admin/offerings/${art}/status`, { status: 'archived', confirm: 'yes', reason: '' })).status).toBe(422);
        expect(await state()).toEqual(before);

        const reason = '授课老师调离，本学期停开';
        expect((await admin.post(`/admin/offerings/${art}/status`, { status: 'archived', confirm: 'yes', reason })).status).toBe(303);
        expect(await state()).toEqual({ offering: { status: 'archived', seats_taken: 0 }, places: 0, notices: guardians.length });
        const notices = await handle.db.selectFrom('notifications').select(['recipient_id', 'payload']).where('kind', '=', 'offering_cancelled').execute();
        expect(notices.map((notice) => notice.recipient_id).sort((a, b) => a - b)).toEqual([...guardians].sort((a, b) => a - b));
        for (const notice of notices) expect(JSON.stringify(notice.payload)).toContain(reason);

        // Each guardian reads the notice in their own language, with the reason.
        const inEnglish = await (await english.get('/notifications')).text();
        expect(inEnglish).toContain('Circuit Art');
        expect(inEnglish).toContain(reason);
        const inChinese = await (await chinese.get('/notifications')).text();
        expect(inChinese).toContain('创意电路画');
        expect(inChinese).toContain(reason);

        // The offering page tells a guardian it was cancelled, and why, instead of 404.
        const page = await chinese.get(`/offerings/${art}`);
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain('取消');
        expect(html).toContain(reason);
        // The child page no longer offers a withdraw step for it, and the calendar holds no live meeting of it.
        expect(await (await chinese.get(`/children/${enrolledChild}`)).text()).not.toContain(`action="/enrollments/${held[1]!.id}/withdraw"`);
        const ics = await (await new Browser(app).get(`/children/${enrolledChild}/calendar.ics?token=${token}`)).text();
        const events = ics.split('BEGIN:VEVENT').slice(1).filter((event) => event.includes('创意电路画'));
        for (const event of events) expect(event).toContain('STATUS:CANCELLED');
      });
    });
  });
}
