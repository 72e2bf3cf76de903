// The public catalogue: a school's clubs and courses with live seats, filters, detail pages and open data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`public catalogue on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    const ids = {} as Record<'lego' | 'scratch' | 'plants' | 'draft' | 'archived' | 'school', number>;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      // Friday 27 November 2026, 16:00 in Shanghai: enrolment is open.
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      const school = await createSchool(handle, 'maple');
      const teacher = await createUser(handle, { login: 'teacher.wu@example.com', name: '吴老师', role: 'teacher', schoolId: school });
      const term = await createTerm(handle, school);
      ids.lego = await createOffering(handle, term, {
        code: 'ROB-01', kind: 'club', category: 'robotics', title_zh: '乐高机器人社', title_en: 'LEGO Robotics Club',
        description_zh: '用乐高 EV3 搭建并编程机器人。', description_en: 'Build and program robots with LEGO EV3.',
        teacher_id: teacher, room: '科创楼 302', capacity: 2, grade_min: 3, grade_max: 6,
      }, [{ weekday: 1, startsAt: '16:00', endsAt: '17:30' }, { weekday: 3, startsAt: '16:00', endsAt: '17:30' }]);
      ids.scratch = await createOffering(handle, term, {
        code: 'PRG-01', category: 'programming', title_zh: 'Scratch 创意编程', title_en: 'Creative Scratch Coding',
        capacity: 25, grade_min: 1, grade_max: 3, fee_cents: 45000,
      }, [{ weekday: 2, startsAt: '16:00', endsAt: '17:00' }]);
      ids.plants = await createOffering(handle, term, {
        code: 'HYD-01', category: 'hydroponics', title_zh: '无土栽培小农场', title_en: null, capacity: 15, grade_min: 4, grade_max: 6,
      }, [{ weekday: 6, startsAt: '09:00', endsAt: '10:30' }]);
      ids.draft = await createOffering(handle, term, { code: 'DRF-01', title_zh: '草稿课程', status: 'draft' });
      ids.archived = await createOffering(handle, term, { code: 'ARC-01', title_zh: '往期课程', status: 'archived' });
      await fillOffering(handle, ids.lego, school, { enrolled: 2, waitlisted: 3 });
      await fillOffering(handle, ids.scratch, school, { enrolled: 5, waitlisted: 0 });
      const cancelled = await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', ids.lego).orderBy('day').limit(1).executeTakeFirstOrThrow();
      await handle.db.updateTable('meetings').set({ status: 'cancelled', reason: '校运会停课' }).where('id', '=', cancelled.id).execute();
      ids.school = school;
    });
    afterAll(() => handle.drop());

    const page = async (path: string, headers: Record<string, string> = {}) => {
      const response = await new Browser(app).get(path, headers);
      return { response, html: await response.text() };
    };

    it('links each school on the home page to its catalogue', async () => {
      const { html } = await page('/');
      expect(html).toContain('href="/s/maple"');
    });

    it('shows the published clubs and courses with teacher, time, grades, seats, waitlist and fee — never drafts or archived ones', async () => {
      const { response, html } = await page('/s/maple');
      expect(response.status).toBe(200);
      expect(html).toContain('乐高机器人社');
      expect(html).toContain('吴老师');
      expect(html).toContain('<span class="nowrap">周一 16:00–17:30</span> · <span class="nowrap">周三 16:00–17:30</span>');
      expect(html).toContain('3–6 年级');
      expect(html).toContain('已满');
      expect(html).toContain('候补 3 人');
      expect(html).toContain('剩余 20 个名额');
      expect(html).toContain('¥450');
      expect(html).toContain('免费');
      expect(html).not.toContain('草稿课程');
      expect(html).not.toContain('往期课程');
      expect(html).toContain('共 3 项，显示 3 项');
    });

    it('speaks English with English titles, falling back to Chinese where there is none', async () => {
      const { html } = await page('/s/maple?lang=en');
      expect(html).toContain('LEGO Robotics Club');
      expect(html).toContain('<span class="nowrap">Mon 16:00–17:30</span> · <span class="nowrap">Wed 16:00–17:30</span>');
      expect(html).toContain('无土栽培小农场');
      expect(html).toContain('3 on the waitlist');
    });

    const titlesFor = async (query: string) => {
      const { html } = await page(`/s/maple?${query}`);
      return ['乐高机器人社', 'Scratch 创意编程', '无土栽培小农场'].filter((title) => html.includes(title));
    };

    it('filters by category, grade, weekday, free seats and free text in Chinese and English', async () => {
      expect(await titlesFor('category=programming')).toEqual(['Scratch 创意编程']);
      expect(await titlesFor('grade=2')).toEqual(['Scratch 创意编程']);
      expect(await titlesFor('grade=5')).toEqual(['乐高机器人社', '无土栽培小农场']);
      expect(await titlesFor('weekday=3')).toEqual(['乐高机器人社']);
      expect(await titlesFor('free=1')).toEqual(['Scratch 创意编程', '无土栽培小农场']);
      expect(await titlesFor('q=机器人')).toEqual(['乐高机器人社']);
      expect(await titlesFor('q=lego')).toEqual(['乐高机器人社']);
      expect(await titlesFor('q=%E5%90%B4%E8%80%81%E5%B8%88')).toEqual(['乐高机器人社']); // 吴老师, the teacher
      expect(await titlesFor('grade=5&weekday=6&free=1')).toEqual(['无土栽培小农场']);
    });

    it('says so helpfully when nothing matches', async () => {
      const { response, html } = await page('/s/maple?category=ai');
      expect(response.status).toBe(200);
      expect(html).toContain('没有符合条件的社团或课程');
      expect(html).toContain('清除筛选');
    });

    it('answers htmx with just the results, varying on HX-Request; a back-button restore gets the whole page', async () => {
      const fragment = await page('/s/maple?category=robotics', { 'hx-request': 'true' });
      expect(fragment.html).toMatch(/^<section id="results"/);
      expect(fragment.html).toContain('乐高机器人社');
      expect(fragment.response.headers.get('vary')).toContain('HX-Request');
      const restore = await page('/s/maple?category=robotics', { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
      expect(restore.html).toContain('<html');
    });

    it('keeps the filters in the form so the URL is bookmarkable and the form works without JavaScript', async () => {
      const { html } = await page('/s/maple?grade=5&weekday=6&free=1&q=%E5%86%9C');
      expect(html).toMatch(/<form class="filters" method="get" action="\/s\/maple"/);
      expect(html).toContain('hx-push-url="true"');
      expect(html).toMatch(/<option value="5" selected="">/);
      expect(html).toMatch(/<option value="6" selected="">/);
      expect(html).toMatch(/name="free" value="1" checked=""/);
      expect(html).toContain('value="农"');
    });

    it('refuses a filter it cannot read with 400, says so, and applies the rest', async () => {
      const { response, html } = await page('/s/maple?grade=abc&category=robotics');
      expect(response.status).toBe(400);
      expect(html).toContain('有筛选条件无法识别');
      expect(html).toContain('乐高机器人社');
      expect(html).not.toContain('Scratch 创意编程');
    });

    it('answers 404 for a school that does not exist', async () => {
      expect((await page('/s/no-such-school')).response.status).toBe(404);
    });

    it('refreshes seat counts while enrolment is open, and not after it closes', async () => {
      expect((await page('/s/maple')).html).toContain(`hx-get="/offerings/${ids.lego}/seats"`);
      const closed = buildApp(handle, { clock: fixedClock('2027-01-05T08:00:00Z') }).app;
      const html = await (await new Browser(closed).get('/s/maple')).text();
      expect(html).not.toContain('/seats"');
      expect(html).toContain('本学期报名已截止');
    });

    describe('offering detail', () => {
      it('shows the description, teacher, room, seats and every meeting, with cancelled ones marked and why', async () => {
        const { response, html } = await page(`/offerings/${ids.lego}`);
        expect(response.status).toBe(200);
        expect(html).toContain('用乐高 EV3 搭建并编程机器人。');
        expect(html).toContain('科创楼 302');
        expect(html).toContain('吴老师');
        expect(html).toContain('已取消');
        expect(html).toContain('原因：校运会停课');
        expect(html).toMatch(/上课安排（\d+ 次）/);
        expect(html).toContain('已有账号？登录后报名');
      });

      it('is 404 for drafts, archived offerings, unknown and malformed ids', async () => {
        for (const path of [`/offerings/${ids.draft}`, `/offerings/${ids.archived}`, '/offerings/999999', '/offerings/abc', '/offerings/1e3']) {
          expect((await page(path)).response.status, path).toBe(404);
        }
      });
    });

    describe('seat polling fragment', () => {
      it('is a tiny fragment with an ETag, and 304 when nothing changed', async () => {
        const first = await page(`/offerings/${ids.scratch}/seats`);
        expect(first.response.status).toBe(200);
        expect(first.html).toMatch(/^<p class="seats seats--open"/);
        expect(first.html).toContain('剩余 20 个名额');
        const tag = first.response.headers.get('etag');
        expect(tag).toBeTruthy();
        const again = await page(`/offerings/${ids.scratch}/seats`, { 'if-none-match': tag! });
        expect(again.response.status).toBe(304);
        await handle.db.updateTable('offerings').set({ seats_taken: 6 }).where('id', '=', ids.scratch).execute();
        const changed = await page(`/offerings/${ids.scratch}/seats`, { 'if-none-match': tag! });
        expect(changed.response.status).toBe(200);
        expect(changed.html).toContain('剩余 19 个名额');
        await handle.db.updateTable('offerings').set({ seats_taken: 5 }).where('id', '=', ids.scratch).execute();
      });

      it("says a full offering is full and how many wait, in the reader's language", async () => {
        const zh = await page(`/offerings/${ids.lego}/seats`);
        expect(zh.html).toContain('已满');
        expect(zh.html).toContain('候补 3 人');
        const en = await page(`/offerings/${ids.lego}/seats`, { 'accept-language': 'en' });
        expect(en.html).toContain('3 on the waitlist');
      });

      it('is 404 for drafts, archived offerings and unknown ids', async () => {
        expect((await page(`/offerings/${ids.draft}/seats`)).response.status).toBe(404);
        expect((await page(`/offerings/${ids.archived}/seats`)).response.status).toBe(404);
        expect((await page('/offerings/999999/seats')).response.status).toBe(404);
      });
    });

    describe('open data', () => {
      it('publishes the catalogue as JSON with the documented fields and no personal data', async () => {
        const response = await new Browser(app).get('/s/maple/catalogue.json');
        expect(response.status).toBe(200);
        const body = (await response.json()) as { term: Record<string, unknown>; offerings: Record<string, unknown>[] };
        expect(body.term).toMatchObject({ mode: 'first_come', enrolment: { opens_at: '2026-11-01T00:00:00.000Z', closes_at: '2026-12-31T00:00:00.000Z', state: 'open' } });
        expect(body.offerings).toHaveLength(3);
        const lego = body.offerings.find((offering) => offering.code === 'ROB-01')!;
        expect(lego).toMatchObject({
          id: ids.lego,
          kind: 'club',
          title: '乐高机器人社',
          category: 'robotics',
          grades: { min: 3, max: 6 },
          slots: [
            { weekday: 1, starts_at: '16:00', ends_at: '17:30' },
            { weekday: 3, starts_at: '16:00', ends_at: '17:30' },
          ],
          capacity: 2,
          enrolled: 2,
          waitlisted: 3,
        });
        const text = JSON.stringify(body);
        expect(text).not.toContain('@example.com');
        expect(text).not.toContain('孩子');
      });

      it('answers 304 to a poller that already has the current version', async () => {
        const first = await app.request('/s/maple/catalogue.json');
        const tag = first.headers.get('etag')!;
        const again = await app.request('/s/maple/catalogue.json', { headers: { 'if-none-match': tag } });
        expect(again.status).toBe(304);
      });

      it('publishes the same as CSV that Excel opens as UTF-8', async () => {
        const response = await app.request('/s/maple/catalogue.csv');
        expect(response.headers.get('content-type')).toContain('text/csv');
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
        expect(text.charCodeAt(0)).toBe(0xfeff);
        const lines = text.slice(1).trim().split('\n');
        expect(lines[0]).toBe('id,code,kind,category,title,title_en,teacher,room,grade_min,grade_max,slots,capacity,enrolled,waitlisted,seats_left,fee_cents');
        expect(lines).toHaveLength(4);
        expect(lines.find((line) => line.includes('ROB-01'))).toContain('1 16:00-17:30; 3 16:00-17:30');
        const tag = response.headers.get('etag')!;
        expect(tag).toMatch(/^"[\w-]+"$/);
        const again = await app.request('/s/maple/catalogue.csv', { headers: { 'if-none-match': `W/${tag}` } });
        expect(again.status).toBe(304);
      });

      it('is 404 for an unknown school', async () => {
        expect((await app.request('/s/nowhere/catalogue.json')).status).toBe(404);
      });
    });
  });
}
