// The enrol control over HTTP: POST /offerings/:id/enrollments (field child) and withdraw with a confirm step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';

for (const dialect of DIALECTS) {
  describe(`enrol control on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let parentA: Browser;
    let parentB: Browser;
    let offering: number;
    let older: number;
    let younger: number;
    const htmx = { 'hx-request': 'true' };

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      const school = await createSchool(handle, 'larch');
      const term = await createTerm(handle, school);
      offering = await createOffering(handle, term, { code: 'ONE', title_zh: '一个座位的课', capacity: 1, grade_min: 3, grade_max: 6 });
      parentA = new Browser(app);
      parentB = new Browser(app);
      await signIn(handle, parentA, await createUser(handle, { login: 'http-a@example.com' }));
      await signIn(handle, parentB, await createUser(handle, { login: 'http-b@example.com' }));
      const add = async (browser: Browser, name: string, grade: string) => {
        const response = await browser.post('/children', { name, school: 'larch', grade, consent: CONSENT_VERSION });
        return Number(/added=(\d+)/.exec(response.headers.get('location')!)![1]);
      };
      older = await add(parentA, '大宝', '5');
      younger = await add(parentA, '二宝', '1');
      await add(parentB, '邻居家', '4');
    });
    afterAll(() => handle.drop());

    it('shows a parent an enrol button for each child who could enrol, the others named in one line; visitors are asked to log in', async () => {
      const html = await (await parentA.get(`/offerings/${offering}`)).text();
      expect(html).toContain('为 大宝 报名');
      expect(html).not.toContain('为 二宝 报名');
      expect(html).toContain('不能报这门课：二宝 不在 3–6 年级。');
      expect(html).not.toContain('邻居家');
      expect(await (await new Browser(app).get(`/offerings/${offering}`)).text()).toContain('已有账号？登录后报名');
    });

    it('enrols in place, and a repeated click gives the same answer', async () => {
      const first = await parentA.post(`/offerings/${offering}/enrollments`, { child: String(older) }, htmx);
      expect(first.status).toBe(200);
      const html = await first.text();
      expect(html).toMatch(new RegExp(`^<li class="enrol-row enrol-row--enrolled" id="enrol-${older}"`));
      expect(html).toContain('大宝 已报名');
      const again = await parentA.post(`/offerings/${offering}/enrollments`, { child: String(older) }, htmx);
      expect(await again.text()).toContain('大宝 已报名');
      const rows = await handle.db.selectFrom('enrollments').select('id').where('offering_id', '=', offering).execute();
      expect(rows).toHaveLength(1);
    });

    it('says clearly why a child cannot enrol, with 422, and writes nothing', async () => {
      const response = await parentA.post(`/offerings/${offering}/enrollments`, { child: String(younger) }, htmx);
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('这门课面向 3–6 年级，二宝 的年级不符合');
      const english = await parentA.post(`/offerings/${offering}/enrollments?lang=en`, { child: String(younger) }, htmx);
      expect(await english.text()).toContain('This is for grades 3–6');
      await parentA.get('/?lang=zh-CN');
      expect(await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', younger).execute()).toHaveLength(0);
    });

    it('waitlists a child when the seat is taken, and without JavaScript redirects back to the course', async () => {
      const neighbour = await handle.db.selectFrom('children').select('id').where('name', '=', '邻居家').executeTakeFirstOrThrow();
      const response = await parentB.post(`/offerings/${offering}/enrollments`, { child: String(neighbour.id) });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/offerings/${offering}#enrol-${neighbour.id}`);
      expect(await (await parentB.get(`/offerings/${offering}`)).text()).toContain('邻居家 在候补第 1 位');
    });

    it("refuses another parent's child and enrollment with 404, changing nothing", async () => {
      expect((await parentB.post(`/offerings/${offering}/enrollments`, { child: String(older) }, htmx)).status).toBe(404);
      const mine = await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', older).executeTakeFirstOrThrow();
      expect((await parentB.post(`/enrollments/${mine.id}/withdraw`, { confirm: 'yes' }, htmx)).status).toBe(404);
      const row = await handle.db.selectFrom('enrollments').select('status').where('id', '=', mine.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('enrolled');
    });

    it('asks before withdrawing, then gives the seat to the first on the waitlist', async () => {
      const mine = await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', older).executeTakeFirstOrThrow();
      const ask = await parentA.post(`/enrollments/${mine.id}/withdraw`, {}, htmx);
      expect(ask.status).toBe(200);
      expect(await ask.text()).toContain('确定为 大宝 退掉“一个座位的课”吗');
      expect((await handle.db.selectFrom('enrollments').select('status').where('id', '=', mine.id).executeTakeFirstOrThrow()).status).toBe('enrolled');
      const done = await parentA.post(`/enrollments/${mine.id}/withdraw`, { confirm: 'yes' }, htmx);
      expect(await done.text()).toContain('大宝 已退课');
      expect(await (await parentB.get(`/offerings/${offering}`)).text()).toContain('邻居家 已报名');
      const seats = await handle.db.selectFrom('offerings').select('seats_taken').where('id', '=', offering).executeTakeFirstOrThrow();
      expect(seats.seats_taken).toBe(1);
    });
  });
}
