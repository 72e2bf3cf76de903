// Archiving or cancelling an offering that children hold (issue 19): the admin is asked for a confirmation and a
// reason, every seat and waitlist place is freed, every guardian is told in their language, the offering page
// says it was cancelled instead of 404, and the meetings leave the children's calendars.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`cancelling an offering on ${dialect}`, () => {
    let handle: TestDatabase;
    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
    });
    afterAll(() => handle.drop());

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
