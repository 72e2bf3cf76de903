// Who collects the child and who to call, over HTTP: a guardian keeps up to five collectors and an emergency note
// on the child's page, every refusal at its field with nothing written; the roll shows them to the offering's
// teacher and the school's admins only, each such view in the staff-read audit; export and erasure include them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

// Tuesday 24 November 2026, 17:00 in Shanghai: today's 16:00 session is on, its roll open.
const TUESDAY = '2026-11-24T09:00:00Z';
const htmx = { 'hx-request': 'true' };

for (const dialect of DIALECTS) {
  describe(`collectors and emergency note on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    const browsers: Record<'parent' | 'coParent' | 'stranger' | 'teacher' | 'otherTeacher' | 'admin' | 'otherAdmin' | 'district', Browser> = {} as never;
    let child: number;
    let classmate: number;
    let meeting: number;

    const collectors = () => handle.db.selectFrom('child_collectors').select(['child_id', 'name', 'relation', 'phone']).orderBy('id').execute();
    const add = (fields: Record<string, string>, browser = browsers.parent, childId = child) => browser.post(`/children/${childId}/collectors`, fields, htmx);
    const noteRow = () => handle.db.selectFrom('child_care_notes').select(['note']).where('child_id', '=', child).executeTakeFirst();
    const careReads = () =>
      handle.db.selectFrom('audit_events').select(['actor_id', 'detail']).where('action', '=', 'child_records.read').where(sql`cast(detail as text)`, 'like', '%roll.care%').orderBy('id').execute();

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock(TUESDAY) }).app;
      const school = await createSchool(handle, 'care-school');
      const otherSchool = await createSchool(handle, 'care-other');
      const term = await createTerm(handle, school);
      const teacherId = await createUser(handle, { login: 'care-teacher@example.com', role: 'teacher', schoolId: school });
      const offering = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', title_en: 'Robotics', teacher_id: teacherId });
      meeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', '2026-11-24').executeTakeFirstOrThrow()).id;
      await fillOffering(handle, offering, school, { enrolled: 2, waitlisted: 0 });
      [child, classmate] = (await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offering).orderBy('child_id').execute()).map((row) => row.child_id) as [number, number];
      const parentId = await createUser(handle, { login: 'care-mum@example.com' });
      const coParentId = await createUser(handle, { login: 'care-dad@example.com' });
      await handle.db.insertInto('guardianships').values([parentId, coParentId].map((user_id) => ({ user_id, child_id: child, created_at: TUESDAY }))).execute();
      const people: [keyof typeof browsers, number][] = [
        ['parent', parentId],
        ['coParent', coParentId],
        ['stranger', await createUser(handle, { login: 'care-stranger@example.com' })],
        ['teacher', teacherId],
        ['otherTeacher', await createUser(handle, { login: 'care-other-teacher@example.com', role: 'teacher', schoolId: school })],
        ['admin', await createUser(handle, { login: 'care-admin@example.com', role: 'school_admin', schoolId: school })],
        ['otherAdmin', await createUser(handle, { login: 'care-other-admin@example.com', role: 'school_admin', schoolId: otherSchool })],
        ['district', await createUser(handle, { login: 'care-district@example.com', role: 'district_admin' })],
      ];
      for (const [name, id] of people) {
        browsers[name] = new Browser(app);
        await signIn(handle, browsers[name], id);
      }
    });
    afterAll(() => handle.drop());

    it("shows the card on the child's page, saying who will see it", async () => {
      const page = await (await browsers.parent.get(`/children/${child}`)).text();
      expect(page).toContain('id="care"');
      expect(page).toContain('接送与紧急联系');
      expect(page).toContain('只有这门课的老师和学校管理员能在点名时看到这些信息。');
      expect(page).toContain('还没有填写接送人。');
      expect(page).toContain(`hx-post="/children/${child}/collectors"`);
    });

    it('adds a collector in place, with a phone link that dials its digits, and logs no name', async () => {
      const response = await add({ name: '王秀英', relation: '奶奶', phone: '138 0013 8000' });
      expect(response.status).toBe(200);
      const card = await response.text();
      expect(card).toContain('已添加接送人。');
      expect(card).toContain('奶奶 王秀英');
      expect(card).toContain('href="tel:13800138000"');
      expect(await collectors()).toEqual([{ child_id: child, name: '王秀英', relation: '奶奶', phone: '138 0013 8000' }]);
      const event = await handle.db.selectFrom('audit_events').select(['detail']).where('action', '=', 'care.collector_added').executeTakeFirstOrThrow();
      expect(JSON.stringify(event.detail)).not.toContain('王秀英');
    });

    it('refuses every bad collector at its field with 422 and writes nothing', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ name: '', relation: '爷爷', phone: '13900139000' }, '请填写此项。'],
        [{ name: '李建国', relation: '', phone: '13900139000' }, '请填写此项。'],
        [{ name: '李建国', relation: '爷爷', phone: '' }, '请填写此项。'],
        [{ name: '李建国', relation: '爷爷', phone: '爷爷的手机' }, '请填写能拨通的电话号码'],
        [{ name: '李建国', relation: '爷爷', phone: '1234' }, '请填写能拨通的电话号码'],
        [{ name: '名'.repeat(41), relation: '爷爷', phone: '13900139000' }, '最多 40 个字。'],
        [{ relation: '爷爷', phone: '13900139000' }, '请填写此项。'],
      ];
      for (const [fields, message] of cases) {
        const response = await add(fields);
        expect(response.status, JSON.stringify(fields)).toBe(422);
        const html = await response.text();
        expect(html, JSON.stringify(fields)).toContain(message);
        expect(html).toContain(`value="${fields.relation ?? ''}"`); // what was typed stays
      }
      expect(await collectors()).toHaveLength(1);
    });

    it('takes five collectors and refuses a sixth, even when two guardians add at once', async () => {
      await add({ name: '李建国', relation: '爷爷', phone: '139-0013-9000' });
      await add({ name: '张阿姨', relation: '保姆', phone: '0571-8888 1234' });
      // Two guardians add the fifth at the same moment: one of them gets it.
      const both = await Promise.all([
        add({ name: '王小明', relation: '舅舅', phone: '13700137000' }, browsers.parent),
        add({ name: '王小红', relation: '姨妈', phone: '13600136000' }, browsers.coParent),
        add({ name: '王小刚', relation: '叔叔', phone: '13500135000' }, browsers.coParent),
      ]);
      expect(both.map((response) => response.status).sort()).toEqual([200, 200, 422]);
      expect(await collectors()).toHaveLength(5);
      const sixth = await add({ name: '赵老师', relation: '邻居', phone: '13400134000' });
      expect(sixth.status).toBe(422);
      expect(await sixth.text()).toContain('最多只能填写 5 位接送人，请先删除一位。');
      expect(await collectors()).toHaveLength(5);
      // A full list shows no add form, only the limit.
      const page = await (await browsers.parent.get(`/children/${child}`)).text();
      expect(page).not.toContain(`hx-post="/children/${child}/collectors"`);
      expect(page).toContain('最多 5 位。');
    });

    it('removes a collector, and answers 404 for anyone else or a collector of another child', async () => {
      const rows = await handle.db.selectFrom('child_collectors').select('id').where('child_id', '=', child).orderBy('id').execute();
      const last = rows.at(-1)!.id;
      expect((await browsers.stranger.post(`/children/${child}/collectors/${last}/remove`, {}, htmx)).status).toBe(404);
      expect((await browsers.parent.post(`/children/${classmate}/collectors/${last}/remove`, {}, htmx)).status).toBe(404);
      expect(await collectors()).toHaveLength(5);
      const removed = await browsers.parent.post(`/children/${child}/collectors/${last}/remove`, {}, htmx);
      expect(removed.status).toBe(200);
      expect(await removed.text()).toContain('已删除接送人。');
      expect(await collectors()).toHaveLength(4);
    });

    it('keeps the emergency note, refuses one over 300 characters, and clears an empty one', async () => {
      const long = await browsers.parent.post(`/children/${child}/emergency-note`, { note: '敏'.repeat(301) }, htmx);
      expect(long.status).toBe(422);
      expect(await long.text()).toContain('最多 300 个字。');
      expect(await noteRow()).toBeUndefined();
      const saved = await browsers.parent.post(`/children/${child}/emergency-note`, { note: '对花生严重过敏，书包里有肾上腺素笔。' }, htmx);
      expect(saved.status).toBe(200);
      expect(await saved.text()).toContain('紧急备注已保存。');
      expect(await noteRow()).toEqual({ note: '对花生严重过敏，书包里有肾上腺素笔。' });
      const cleared = await browsers.coParent.post(`/children/${child}/emergency-note`, { note: '  ' }, htmx);
      expect(await cleared.text()).toContain('紧急备注已清空。');
      expect(await noteRow()).toBeUndefined();
      await browsers.coParent.post(`/children/${child}/emergency-note`, { note: '对花生严重过敏，书包里有肾上腺素笔。' }, htmx);
    });

    it('answers a plain form with 303 back to the card and its message, and a bad one with the whole page', async () => {
      const response = await browsers.parent.post(`/children/${child}/emergency-note`, { note: '对花生严重过敏，书包里有肾上腺素笔。' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/children/${child}?care=note#care`);
      expect(await (await browsers.parent.get(`/children/${child}?care=note`)).text()).toContain('紧急备注已保存。');
      const bad = await browsers.parent.post(`/children/${child}/collectors`, { name: '', relation: '', phone: '' });
      expect(bad.status).toBe(422);
      const page = await bad.text();
      expect(page).toContain('<h1>'); // the child's page, not the card alone
      expect(page).toContain('请填写此项。');
    });

    it("answers 404 to anyone but the child's guardians, and 403 to staff, writing nothing", async () => {
      for (const browser of [browsers.stranger, browsers.parent]) {
        const childId = browser === browsers.parent ? classmate : child;
        expect((await add({ name: '陌生人', relation: '朋友', phone: '13300133000' }, browser, childId)).status).toBe(404);
        expect((await browser.post(`/children/${childId}/emergency-note`, { note: '陌生人写的' }, htmx)).status).toBe(404);
      }
      expect((await add({ name: '老师', relation: '老师', phone: '13300133000' }, browsers.teacher)).status).toBe(403);
      expect(await collectors()).toHaveLength(4);
      expect(await countRows(handle, 'child_care_notes')).toBe(1);
    });

    it("shows the collectors and the note's marker on the roll to the offering's teacher and the school's admins, and logs each view", async () => {
      const before = (await careReads()).length;
      for (const browser of [browsers.teacher, browsers.admin]) {
        const html = await (await browser.get(`/teach/meetings/${meeting}`)).text();
        const row = html.slice(html.indexOf(`id="roll-${child}"`), html.indexOf(`id="roll-${classmate}"`));
        expect(row).toContain('接送人');
        expect(row).toContain('奶奶 王秀英');
        expect(row).toContain('href="tel:13800138000"');
        expect(row).toContain('紧急备注');
        expect(row).toContain('对花生严重过敏');
        // The classmate has neither: no line for them.
        const other = html.slice(html.indexOf(`id="roll-${classmate}"`));
        expect(other.slice(0, other.indexOf('</li>'))).not.toContain('接送人');
      }
      const reads = await careReads();
      expect(reads.length - before).toBe(2);
      const detail = reads.at(-1)!.detail;
      expect(typeof detail === 'string' ? JSON.parse(detail) : detail).toEqual({ view: 'roll.care', children: 1 });
      // The admin reads it in the audit log in words.
      const log = await (await browsers.admin.get('/admin/audit?action=child_records.')).text();
      expect(log).toContain('查看: 点名页上的接送人和紧急备注 · 孩子人数: 1');
    });

    it('keeps the collectors on the row after a mark, without logging a read again', async () => {
      const before = (await careReads()).length;
      const response = await browsers.teacher.post(`/teach/meetings/${meeting}/marks`, { child: String(child), mark: 'present' }, htmx);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('奶奶 王秀英');
      expect((await careReads()).length).toBe(before);
    });

    it('shows neither to the district admin, nor the roll to other staff', async () => {
      const before = (await careReads()).length;
      const html = await (await browsers.district.get(`/teach/meetings/${meeting}`)).text();
      expect(html).toContain(`id="roll-${child}"`);
      expect(html).not.toContain('王秀英');
      expect(html).not.toContain('对花生严重过敏');
      expect((await careReads()).length).toBe(before);
      expect((await browsers.otherTeacher.get(`/teach/meetings/${meeting}`)).status).toBe(404);
      expect((await browsers.otherAdmin.get(`/teach/meetings/${meeting}`)).status).toBe(404);
      // The printed sign-in sheet carries neither.
      expect(await (await browsers.teacher.get(`/teach/meetings/${meeting}/sheet`)).text()).not.toContain('王秀英');
    });

    it("puts the collectors and the note in the child's export and erases them with the child", async () => {
      const data = (await (await browsers.parent.get(`/children/${child}/export.json`)).json()) as { tables: Record<string, Record<string, unknown>[]> };
      expect(data.tables.child_collectors!.map((row) => row.name)).toEqual(['王秀英', '李建国', '张阿姨', expect.any(String)]);
      expect(data.tables.child_care_notes).toEqual([expect.objectContaining({ note: '对花生严重过敏，书包里有肾上腺素笔。' })]);
      await browsers.parent.post(`/children/${child}/deletion-request`, { confirm: 'yes' });
      const request = await handle.db.selectFrom('deletion_requests').select('id').where('child_id', '=', child).executeTakeFirstOrThrow();
      expect((await browsers.admin.post(`/admin/deletions/${request.id}`, { confirm: 'yes' })).status).toBeLessThan(400);
      expect(await countRows(handle, 'child_collectors')).toBe(0);
      expect(await countRows(handle, 'child_care_notes')).toBe(0);
    });
  });
}
