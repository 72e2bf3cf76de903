// Each child's week on /family and /children/:id (timetable, next two weeks, cancellations and moves) and the private calendar feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';

const TOKEN = /calendar\.ics\?token=([\w-]{43})/;

for (const dialect of DIALECTS) {
  describe(`a child's week and calendar feed on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let parent: Browser;
    let parentId: number;
    let other: Browser;
    let child: number;
    let robots: number;
    let cube: number;
    let saturday: number;
    let cancelledMeeting: number;
    let movedMeeting: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      // Friday 27 November 2026, 16:00 in Shanghai.
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      const school = await createSchool(handle, 'oak');
      const term = await createTerm(handle, school, { course_limit: 5 });
      robots = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', title_en: 'Robotics', room: '科技楼 301' }, [
        { weekday: 1, startsAt: '15:30', endsAt: '17:00' },
      ]);
      cube = await createOffering(handle, term, { code: 'CUBE', title_zh: '趣味魔方', title_en: 'Speed-cubing', capacity: 1 }, [
        { weekday: 3, startsAt: '16:00', endsAt: '17:00' },
      ]);
      saturday = await createOffering(handle, term, { code: 'SAT', title_zh: '周六创客', title_en: 'Saturday makers' }, [
        { weekday: 6, startsAt: '09:00', endsAt: '11:00' },
      ]);
      await fillOffering(handle, cube, school, { enrolled: 1, waitlisted: 1 });

      parent = new Browser(app);
      other = new Browser(app);
      parentId = await createUser(handle, { login: 'week-parent@example.com', name: '周家长' });
      await signIn(handle, parent, parentId);
      await signIn(handle, other, await createUser(handle, { login: 'week-other@example.com' }));
      const added = await parent.post('/children', { name: '周小舟', school: 'oak', grade: '3', consent: CONSENT_VERSION });
      child = Number(/added=(\d+)/.exec(added.headers.get('location')!)![1]);
      for (const offering of [robots, cube, saturday]) {
        expect((await parent.post(`/offerings/${offering}/enrollments`, { child: String(child) })).status).toBe(303);
      }

      // Monday 30 November is cancelled; Monday 7 December moves to Thursday 10 December, 16:00–17:30.
      const meetingOn = async (day: string) =>
        (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', robots).where('day', '=', day).executeTakeFirstOrThrow()).id;
      cancelledMeeting = await meetingOn('2026-11-30');
      movedMeeting = await meetingOn('2026-12-07');
      await handle.db.updateTable('meetings').set({ status: 'cancelled', reason: '教师培训' }).where('id', '=', cancelledMeeting).execute();
      await handle.db.updateTable('meetings').set({ status: 'moved', reason: '场地检修', moved_to_day: '2026-12-10' }).where('id', '=', movedMeeting).execute();
      await handle.db
        .insertInto('meetings')
        .values({ offering_id: robots, day: '2026-12-10', starts_at: '16:00', ends_at: '17:30', room: '科技楼 301', reason: '场地检修' })
        .execute();
    });
    afterAll(() => handle.drop());

    it('shows each child as a weekday × time timetable: enrolled and waitlisted (with its place), weekend only when used', async () => {
      const html = await (await parent.get('/family')).text();
      expect(html).toContain(`<a href="/children/${child}">周小舟</a>`);
      expect(html).toContain('<caption>周小舟 的每周课表（2026—2027 学年第一学期）</caption>');
      const headers = [...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((match) => match[1]);
      expect(headers).toEqual(['时间', '周一', '周二', '周三', '周四', '周五', '周六']);
      expect([...html.matchAll(/<th scope="row" class="week__time">([^<]+)<\/th>/g)].map((match) => match[1])).toEqual(['09:00–11:00', '15:30–17:00', '16:00–17:00']);
      expect(html).toMatch(/week-item week-item--enrolled"><a class="week-item__title" href="\/offerings\/\d+">机器人<\/a><span class="week-item__room">教室 科技楼 301/);
      expect(html).toMatch(/week-item week-item--waitlisted"><a class="week-item__title" href="\/offerings\/\d+">趣味魔方<\/a>.*?候补第 2 位/);
      // The phone list: the same items per day.
      expect(html).toContain('<ul class="week__days" aria-label="周小舟 每天的课">');
      expect(html).toContain('<p class="week__day-name">星期六</p>');
    });

    it('lists the next two weeks of enrolled offerings: a cancelled meeting with its reason, a moved one with its new day and time', async () => {
      const html = await (await parent.get('/family')).text();
      const upcoming = html.slice(html.indexOf('近两周的课'));
      expect(upcoming).toMatch(/<li class="meeting meeting--cancelled"><span class="meeting__day">11月30日 周一<\/span><span class="meeting__time">15:30–17:00<\/span><span class="meeting__title">机器人<\/span><span class="tag tag--cancelled">已取消<\/span><span class="meeting__reason">原因：教师培训<\/span>/);
      expect(upcoming).toContain('<del class="meeting__day">原定 12月7日 周一 15:30–17:00</del>');
      expect(upcoming).toContain('改到 12月10日 周四 16:00–17:30');
      expect(upcoming).toContain('原因：场地检修');
      expect(upcoming).toContain('11月28日 周六');
      // Waitlisted offerings have no meetings for the child yet; the make-up is shown once, as the move.
      expect(upcoming).not.toContain('趣味魔方');
      expect(upcoming.match(/12月10日/g)).toHaveLength(1);
    });

    it('speaks English too', async () => {
      const english = new Browser(app, { lang: 'en' });
      await signIn(handle, english, parentId);
      const html = await (await english.get('/family')).text();
      expect(html).toContain('Robotics');
      expect(html).toContain('waitlist #2');
      expect(html).toContain('Reason: 教师培训');
    });

    it("shows one child's page with its week, enrolments with their withdraw step, guardians and the feed", async () => {
      const html = await (await parent.get(`/children/${child}`)).text();
      expect(html).toContain('<caption>周小舟 的每周课表（2026—2027 学年第一学期）</caption>');
      expect(html).toContain('原因：教师培训');
      const enrollments = await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', child).execute();
      for (const enrolment of enrollments) expect(html).toContain(`action="/enrollments/${enrolment.id}/withdraw"`);
      expect(html).toContain('周家长 （你）');
      expect(html).toContain('生成订阅链接');
      expect(html).toContain(`value="周小舟"`);
    });

    it('gives a guardian a private feed link, absolute and as webcal://', async () => {
      const response = await parent.post(`/children/${child}/calendar-feed`, {});
      expect(response.status).toBe(200);
      const html = await response.text();
      const token = TOKEN.exec(html)![1]!;
      expect(html).toContain(`value="http://localhost/children/${child}/calendar.ics?token=${token}"`);
      expect(html).toContain(`href="webcal://localhost/children/${child}/calendar.ics?token=${token}"`);
      const row = await handle.db.selectFrom('calendar_feeds').selectAll().where('child_id', '=', child).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ token, user_id: parentId });
    });

    it('serves the feed to a calendar app without login: every meeting of enrolled offerings, in UTC, with stable UIDs', async () => {
      const { token } = await handle.db.selectFrom('calendar_feeds').select('token').where('child_id', '=', child).executeTakeFirstOrThrow();
      const response = await new Browser(app).get(`/children/${child}/calendar.ics?token=${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(response.headers.get('cache-control')).toMatch(/^private/);
      const ics = await response.text();
      expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
      expect(ics).toContain('END:VCALENDAR');
      const meetings = await handle.db.selectFrom('meetings').select('id').where('offering_id', 'in', [robots, saturday]).execute();
      // The make-up meeting is the moved one at its new time, not a second event.
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(meetings.length - 1);
      expect(ics).not.toContain('趣味魔方');
      const event = (uid: number) => {
        const start = ics.indexOf(`UID:meeting-${uid}@clubroll`);
        return ics.slice(start, ics.indexOf('END:VEVENT', start));
      };
      // 15:30 in Asia/Shanghai is 07:30 UTC.
      const monday = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', robots).where('day', '=', '2026-11-23').executeTakeFirstOrThrow()).id;
      expect(event(monday)).toContain('DTSTART:20261123T073000Z');
      expect(event(monday)).toContain('DTEND:20261123T090000Z');
      expect(event(monday)).toContain('SUMMARY:周小舟：机器人');
      expect(event(monday)).toContain('DTSTAMP:20261127T080000Z');
      expect(event(cancelledMeeting)).toContain('STATUS:CANCELLED');
      expect(event(cancelledMeeting)).toContain('教师培训');
      expect(event(movedMeeting)).toContain('DTSTART:20261210T080000Z');
      expect(event(movedMeeting)).toContain('STATUS:CONFIRMED');
    });

    it("writes the feed's titles in the language of the guardian who made the link", async () => {
      const { token } = await handle.db.selectFrom('calendar_feeds').select('token').where('child_id', '=', child).executeTakeFirstOrThrow();
      await handle.db.updateTable('users').set({ lang: 'en' }).where('id', '=', parentId).execute();
      const ics = await (await new Browser(app).get(`/children/${child}/calendar.ics?token=${token}`)).text();
      await handle.db.updateTable('users').set({ lang: 'zh-CN' }).where('id', '=', parentId).execute();
      expect(ics).toContain('SUMMARY:周小舟: Robotics');
      expect(ics).toContain('X-WR-CALNAME:周小舟\'s clubs and courses');
    });

    it('lets a signed-in guardian download it without a token, and nobody else', async () => {
      expect((await parent.get(`/children/${child}/calendar.ics`)).status).toBe(200);
      expect((await new Browser(app).get(`/children/${child}/calendar.ics`)).status).toBe(404);
      expect((await other.get(`/children/${child}/calendar.ics`)).status).toBe(404);
      expect((await other.get(`/children/${child}`)).status).toBe(404);
    });

    it('answers 404 to a wrong, malformed or other child\'s token, never 401 or 403', async () => {
      const { token } = await handle.db.selectFrom('calendar_feeds').select('token').where('child_id', '=', child).executeTakeFirstOrThrow();
      const visitor = new Browser(app);
      expect((await visitor.get(`/children/${child}/calendar.ics?token=${'A'.repeat(43)}`)).status).toBe(404);
      expect((await visitor.get(`/children/${child}/calendar.ics?token=${'x'.repeat(5000)}`)).status).toBe(404);
      expect((await visitor.get(`/children/${child}/calendar.ics?token=`)).status).toBe(404);
      expect((await visitor.get(`/children/${child + 1}/calendar.ics?token=${token}`)).status).toBe(404);
      expect((await visitor.get(`/children/abc/calendar.ics?token=${token}`)).status).toBe(404);
    });

    it('stops an old link when a new one is made, and any link when it is turned off', async () => {
      const { token: first } = await handle.db.selectFrom('calendar_feeds').select('token').where('child_id', '=', child).executeTakeFirstOrThrow();
      const renewed = await parent.post(`/children/${child}/calendar-feed`, {}, { 'hx-request': 'true' });
      const fragment = await renewed.text();
      expect(fragment).toMatch(/^<section class="card" id="calendar"/);
      expect(fragment).toContain('已换成新链接');
      const second = TOKEN.exec(fragment)![1]!;
      expect(second).not.toBe(first);
      const visitor = new Browser(app);
      expect((await visitor.get(`/children/${child}/calendar.ics?token=${first}`)).status).toBe(404);
      expect((await visitor.get(`/children/${child}/calendar.ics?token=${second}`)).status).toBe(200);

      const revoked = await parent.post(`/children/${child}/calendar-feed/revoke`, {});
      expect(revoked.status).toBe(200);
      expect(await revoked.text()).toContain('订阅链接已停用');
      expect((await visitor.get(`/children/${child}/calendar.ics?token=${second}`)).status).toBe(404);
      expect(await handle.db.selectFrom('calendar_feeds').select('token').where('child_id', '=', child).execute()).toEqual([]);
    });
  });
}
