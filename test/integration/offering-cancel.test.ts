// Issue 19: archiving a course with children in it asks first and for a reason, frees every seat and waitlist
// place through the seat owner, tells every guardian in their language, takes the course off the child's page and
// calendar, and its page says it was cancelled instead of answering 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, ORIGIN, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const TITLE = '无土栽培';

for (const dialect of DIALECTS) {
  describe(`cancelling an offering with children in it on ${dialect}`, () => {
    let handle: TestDatabase;
    let admin: Browser;
    let zhParent: Browser;
    let enParent: Browser;
    let offering: number;
    let zhChild: number;
    let enChild: number;
    let children: number[];
    let feed: string;
    let app: ReturnType<typeof buildApp>['app'];
    let school: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      school = await createSchool(handle, 'maple');
      const term = await createTerm(handle, school);
      offering = await createOffering(handle, term, { code: 'HYD', title_zh: TITLE, title_en: 'Hydroponics', capacity: 5 });
      await fillOffering(handle, offering, school, { enrolled: 5, waitlisted: 3 });
      children = (await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offering).orderBy('id').execute()).map((row) => row.child_id);
      admin = new Browser(app);
      await signIn(handle, admin, await createUser(handle, { login: 'admin-maple@example.com', role: 'school_admin', schoolId: school }));
      zhParent = new Browser(app);
      enParent = new Browser(app);
      const zhId = await createUser(handle, { login: 'zh-parent@example.com' });
      const enId = await createUser(handle, { login: 'en-parent@example.com' });
      await handle.db.updateTable('users').set({ lang: 'en' }).where('id', '=', enId).execute();
      await signIn(handle, zhParent, zhId);
      await signIn(handle, enParent, enId);
      zhChild = children[0]!; // enrolled
      enChild = children[6]!; // waitlisted
      const now = new Date().toISOString();
      for (const [index, child] of children.entries()) {
        const guardian = child === enChild ? enId : index === 0 ? zhId : await createUser(handle, { login: `guardian-${index}@example.com` });
        await handle.db.insertInto('guardianships').values({ user_id: guardian, child_id: child, created_at: now }).execute();
      }
    });
    afterAll(() => handle.drop());

    it('asks for confirmation and a reason first, and writes nothing until both are given', async () => {
      expect(await (await zhParent.get(`/children/${zhChild}`)).text()).toContain(TITLE);
      const created = await (await zhParent.post(`/children/${zhChild}/calendar-feed`, {})).text();
      feed = /\/children\/\d+\/calendar\.ics\?token=[\w-]+/.exec(created.replaceAll('&amp;', '&'))![0];
      expect(await (await zhParent.get(feed)).text()).toContain(TITLE);
      const ask = await admin.post(`/admin/offerings/${offering}/status`, { status: 'archived' });
      expect(ask.status).toBe(200);
      const form = await ask.text();
      expect(form).toContain('5 名学生已报上、3 名候补');
      expect(form).toContain('name="reason"');
      const noReason = await admin.post(`/admin/offerings/${offering}/status`, { status: 'archived', confirm: 'yes', reason: '  ' });
      expect(noReason.status).toBe(422);
      expect(await noReason.text()).toContain('请填写家长会看到的原因');
      const row = await handle.db.selectFrom('offerings').select(['status', 'seats_taken']).where('id', '=', offering).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'published', seats_taken: 5 });
      expect(await handle.db.selectFrom('notifications').select('id').execute()).toHaveLength(0);
    });

    it('frees every seat and waitlist place and tells every guardian, in their language, with the reason', async () => {
      const done = await admin.post(`/admin/offerings/${offering}/status`, { status: 'archived', confirm: 'yes', reason: '老师调离，本学期停开' });
      expect(done.status).toBe(303);
      const row = await handle.db.selectFrom('offerings').select(['status', 'seats_taken', 'cancel_reason']).where('id', '=', offering).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'archived', seats_taken: 0, cancel_reason: '老师调离，本学期停开' });
      const places = await handle.db.selectFrom('enrollments').select(['status', 'waitlist_position']).where('offering_id', '=', offering).execute();
      expect(places.every((place) => place.status === 'withdrawn' && place.waitlist_position === null)).toBe(true);
      const notices = await handle.db.selectFrom('notifications').select(['recipient_id', 'kind', 'payload']).execute();
      expect(notices).toHaveLength(8);
      expect(notices.every((notice) => notice.kind === 'offering_cancelled' && (typeof notice.payload === 'string' ? JSON.parse(notice.payload) : notice.payload).reason === '老师调离，本学期停开')).toBe(true);
      const zhInbox = await (await zhParent.get('/notifications')).text();
      expect(zhInbox).toContain(`课程已取消：「${TITLE}」`);
      expect(zhInbox).toContain('老师调离，本学期停开');
      const enInbox = await (await enParent.get('/notifications', { 'accept-language': 'en' })).text();
      expect(enInbox).toContain('Cancelled: Hydroponics');
      expect(enInbox).toContain('waitlist place is cancelled');
    });

    it('takes the course off the child page and its calendar, and its page says it was cancelled instead of 404', async () => {
      expect(await (await zhParent.get(`/children/${zhChild}`)).text()).not.toContain(TITLE);
      const page = await zhParent.get(`/offerings/${offering}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`「${TITLE}」已取消`);
      expect(html).toContain('老师调离，本学期停开');
      const stranger = await new Browser(buildApp(handle).app).get(`/offerings/${offering}`);
      expect(stranger.status).toBe(200);
      expect(await stranger.text()).not.toContain('老师调离');
      const ics = await zhParent.get(feed);
      expect(ics.status).toBe(200);
      expect(await ics.text()).not.toContain(TITLE);
    });

    it('refuses a CSV import that would archive an offering children hold places in, and writes nothing', async () => {
      const termId = (await handle.db.selectFrom('offerings').select('term_id').where('id', '=', offering).executeTakeFirstOrThrow()).term_id;
      const kept = await createOffering(handle, termId, { code: 'KEEP', title_zh: '保留' });
      await fillOffering(handle, kept, school, { enrolled: 1, waitlisted: 0 });
      const csv = `code,kind,category,title_zh,title_en,description_zh,description_en,teacher,room,capacity,grade_min,grade_max,fee,slots,status\r\nKEEP,course,robotics,保留,,,,,,20,1,6,0,2 16:00-17:30,archived\r\n`;
      const form = new FormData();
      form.set('step', 'commit');
      form.set('csv', csv);
      const cookie = [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await app.request(`/admin/terms/${termId}/import`, { method: 'POST', body: form, headers: { origin: ORIGIN, cookie } });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('请在课程页面归档或撤回');
      expect((await handle.db.selectFrom('offerings').select(['status', 'seats_taken']).where('id', '=', kept).executeTakeFirstOrThrow())).toEqual({ status: 'published', seats_taken: 1 });
    });

    it('archives an offering nobody holds a place in at once, as before', async () => {
      const empty = await createOffering(handle, (await handle.db.selectFrom('offerings').select('term_id').where('id', '=', offering).executeTakeFirstOrThrow()).term_id, { code: 'EMPTY', title_zh: '空课' });
      expect((await admin.post(`/admin/offerings/${empty}/status`, { status: 'archived' })).status).toBe(303);
      expect((await zhParent.get(`/offerings/${empty}`)).status).toBe(404);
    });
  });
}
