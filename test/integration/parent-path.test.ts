// A parent's path without detours: `next` through register and "add a child" back to the course, the welcome after
// registering, and an enrol control that lists only children who could enrol, names a full course's waitlist place
// and asks once about a fee.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`a parent's path on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let free: number;
    let full: number;
    let paid: number;
    let schoolId: number;
    const htmx = { 'hx-request': 'true' };

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      schoolId = await createSchool(handle, 'maple');
      await createSchool(handle, 'birch');
      const term = await createTerm(handle, schoolId);
      free = await createOffering(handle, term, { code: 'FREE', title_zh: '趣味魔方', grade_min: 3, grade_max: 6 });
      full = await createOffering(handle, term, { code: 'FULL', title_zh: '满员的机器人', capacity: 1, grade_min: 3, grade_max: 6 }, [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }]);
      paid = await createOffering(handle, term, { code: 'PAID', title_zh: '3D 打印', fee_cents: 80000, grade_min: 3, grade_max: 6 }, [{ weekday: 4, startsAt: '16:00', endsAt: '17:00' }]);
    });
    afterAll(() => handle.drop());

    async function parentWith(login: string, children: { name: string; school: string; grade: string }[]): Promise<{ browser: Browser; ids: number[] }> {
      const browser = new Browser(app);
      await signIn(handle, browser, await createUser(handle, { login }));
      const ids: number[] = [];
      for (const child of children) {
        const response = await browser.post('/children', { ...child, consent: CONSENT_VERSION });
        ids.push(Number(/added=(\d+)/.exec(response.headers.get('location')!)![1]));
      }
      return { browser, ids };
    }

    it('offers a visitor both logging in and registering, each coming back to the course', async () => {
      const html = await (await new Browser(app).get(`/offerings/${free}`)).text();
      expect(html).toContain(`href="/login?next=%2Fofferings%2F${free}"`);
      expect(html).toContain(`href="/register?next=%2Fofferings%2F${free}%23enrol"`);
    });

    it('keeps `next` across the register form and the links between logging in and registering', async () => {
      const next = `/offerings/${free}#enrol`;
      const register = await (await new Browser(app).get(`/register?next=${encodeURIComponent(next)}`)).text();
      expect(register).toContain(`<input type="hidden" name="next" value="${next}"/>`);
      expect(register).toContain(`href="/login?next=${encodeURIComponent(next)}"`);
      const login = await (await new Browser(app).get(`/login?next=${encodeURIComponent(next)}`)).text();
      expect(login).toContain(`href="/register?next=${encodeURIComponent(next)}"`);
      const wrong = await new Browser(app).post('/register', { name: '林', login: 'x', password: 'short', next }, htmx);
      expect(wrong.status).toBe(422);
      expect(await wrong.text()).toContain(`<input type="hidden" name="next" value="${next}"/>`);
    });

    it('goes back to the course after registering with a `next`, and elsewhere never', async () => {
      const back = await new Browser(app).post('/register', { name: '周晓雯', login: 'path-a@example.com', password: 'bamboo-lantern-42', next: `/offerings/${free}#enrol` });
      expect(back.status).toBe(303);
      expect(back.headers.get('location')).toBe(`/offerings/${free}#enrol`);
      const away = await new Browser(app).post('/register', { name: '周二', login: 'path-b@example.com', password: 'bamboo-lantern-43', next: '//evil.example/' });
      expect(away.headers.get('location')).toBe('/family?welcome=1');
    });

    it('welcomes a parent who registered without `next`, leading to the add-a-child form', async () => {
      const browser = new Browser(app);
      const registered = await browser.post('/register', { name: '吴老爸', login: 'path-c@example.com', password: 'bamboo-lantern-44' });
      expect(registered.headers.get('location')).toBe('/family?welcome=1');
      const html = await (await browser.get('/family?welcome=1')).text();
      expect(html).toContain('欢迎，吴老爸！第一步：添加孩子，之后就能为孩子报名课程。');
      expect(html).toContain('<a href="#family-add">添加孩子</a>');
      expect(html).toContain('id="child-form"');
    });

    it('sends a parent with no child to "add a child" with the course’s school and grade filled in, then back to the course', async () => {
      const { browser } = await parentWith('path-d@example.com', []);
      const offering = await (await browser.get(`/offerings/${free}`)).text();
      const href = `/family?school=maple&amp;grade=3&amp;next=${encodeURIComponent(`/offerings/${free}#enrol`)}#family-add`;
      expect(offering).toContain(`<a href="${href}">添加孩子</a>`);
      const form = await (await browser.get(`/family?school=maple&grade=3&next=${encodeURIComponent(`/offerings/${free}#enrol`)}`)).text();
      expect(form).toContain(`<option value="${schoolId}" selected="">maple学校</option>`);
      expect(form).toContain('<option value="3" selected="">');
      expect(form).toContain(`<input type="hidden" name="next" value="/offerings/${free}#enrol"/>`);
      expect(form).toContain('添加后会回到刚才的课程，接着报名。');
      const added = await browser.post('/children', { name: '周小禾', school: String(schoolId), grade: '3', consent: CONSENT_VERSION, next: `/offerings/${free}#enrol` });
      expect(added.status).toBe(303);
      expect(added.headers.get('location')).toBe(`/offerings/${free}#enrol`);
      const missing = await browser.post('/children', { name: '', school: String(schoolId), grade: '3', next: `/offerings/${free}#enrol` }, htmx);
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain(`<input type="hidden" name="next" value="/offerings/${free}#enrol"/>`);
      expect(await (await browser.get(`/offerings/${free}`)).text()).toContain('为 周小禾 报名');
    });

    it('lists only children who could enrol, and names the others in one muted line', async () => {
      const { browser } = await parentWith('path-e@example.com', [
        { name: '本校', school: 'maple', grade: '4' },
        { name: '外校', school: 'birch', grade: '4' },
        { name: '太小', school: 'maple', grade: '1' },
      ]);
      const html = await (await browser.get(`/offerings/${free}`)).text();
      expect(html).toContain('为 本校 报名');
      expect(html).not.toContain('为 外校 报名');
      expect(html).not.toContain('为 太小 报名');
      expect(html).toContain('<p class="muted enrol__unlisted">不能报这门课：外校 不在本校就读；太小 不在 3–6 年级。</p>');
      const english = await (await browser.get(`/offerings/${free}?lang=en`)).text();
      expect(english).toContain('Cannot take this course: 外校 attends another school; 太小 is not in grades 3–6.');
      await browser.get('/?lang=zh-CN');
    });

    it('keeps the row of a child holding a place whatever changed since, and not of one that withdrew', async () => {
      const { browser, ids } = await parentWith('path-k@example.com', [
        { name: '留下', school: 'maple', grade: '4' },
        { name: '走了', school: 'maple', grade: '4' },
      ]);
      for (const id of ids) await browser.post(`/offerings/${free}/enrollments`, { child: String(id) }, htmx);
      const gone = await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', ids[1]!).executeTakeFirstOrThrow();
      await browser.post(`/enrollments/${gone.id}/withdraw`, { confirm: 'yes' }, htmx);
      await handle.db.updateTable('children').set({ grade: 1 }).where('id', 'in', ids).execute();
      const html = await (await browser.get(`/offerings/${free}`)).text();
      expect(html).toContain('留下 已报名');
      expect(html).not.toContain('为 走了 报名');
      expect(html).toContain('不能报这门课：走了 不在 3–6 年级。');
    });

    it('says "join the waitlist (#N)" on a full course, and that the term limit counts waitlist places', async () => {
      const first = await parentWith('path-f@example.com', [{ name: '先到', school: 'maple', grade: '4' }]);
      expect((await first.browser.post(`/offerings/${full}/enrollments`, { child: String(first.ids[0]) }, htmx)).status).toBe(200);
      const second = await parentWith('path-g@example.com', [{ name: '后到', school: 'maple', grade: '4' }]);
      const html = await (await second.browser.get(`/offerings/${full}`)).text();
      expect(html).toContain('为 后到 加入候补（第 1 位）');
      expect(html).toContain('候补也占每个孩子本学期最多 3 门的名额。');
      const answer = await second.browser.post(`/offerings/${full}/enrollments`, { child: String(second.ids[0]) }, htmx);
      expect(await answer.text()).toContain('后到 在候补第 1 位');
      const third = await parentWith('path-h@example.com', [{ name: '再来', school: 'maple', grade: '4' }]);
      expect(await (await third.browser.get(`/offerings/${full}`)).text()).toContain('为 再来 加入候补（第 2 位）');
    });

    it('states a paid course’s fee on the button and asks once before the place; a script without the confirmation gets 422 and nothing is written', async () => {
      const { browser, ids } = await parentWith('path-i@example.com', [{ name: '小满', school: 'maple', grade: '5' }]);
      const child = String(ids[0]);
      expect(await (await browser.get(`/offerings/${paid}`)).text()).toContain('为 小满 报名 · ¥800');
      const ask = await browser.post(`/offerings/${paid}/enrollments`, { child }, htmx);
      expect(ask.status).toBe(422);
      const asked = await ask.text();
      expect(asked).toContain('“3D 打印”收费 ¥800。确定为 小满 报名吗？');
      expect(asked).toContain('<input type="hidden" name="confirm_fee" value="yes"/>');
      expect(asked).toContain('确定报名（¥800）');
      const plain = await browser.post(`/offerings/${paid}/enrollments`, { child });
      expect(plain.status).toBe(422);
      expect(await plain.text()).toContain('确定报名（¥800）');
      expect(await handle.db.selectFrom('enrollments').select('id').where('offering_id', '=', paid).execute()).toHaveLength(0);
      const yes = await browser.post(`/offerings/${paid}/enrollments`, { child, confirm_fee: 'yes' }, htmx);
      expect(yes.status).toBe(200);
      expect(await yes.text()).toContain('小满 已报名');
      // Already placed: a repeat without the confirmation gets the place, not the question.
      expect(await (await browser.post(`/offerings/${paid}/enrollments`, { child }, htmx)).text()).toContain('小满 已报名');
    });

    it('enrols in a free course from a script posting only `child`, in one request', async () => {
      const { browser, ids } = await parentWith('path-j@example.com', [{ name: '一次', school: 'maple', grade: '3' }]);
      const response = await browser.post(`/offerings/${free}/enrollments`, { child: String(ids[0]) });
      expect(response.status).toBe(303);
      const row = await handle.db.selectFrom('enrollments').select('status').where('child_id', '=', ids[0]!).executeTakeFirstOrThrow();
      expect(row.status).toBe('enrolled');
    });
  });
}
