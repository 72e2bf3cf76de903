// A school's pupil list as its admins keep it: search, add (good, bad, duplicate number), edit, remove a bound pupil
// (the family told), promote everyone a grade, export; and catalogue.json saying how children are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`the pupil list on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let admin: Browser;
    let adminEn: Browser;
    let otherAdmin: Browser;
    let school: number;
    let parent: number;
    let list: string;
    const now = new Date().toISOString();

    async function addPupil(pupil: { number: string; name: string; grade: number; className?: string | null }) {
      return (
        await handle.db
          .insertInto('pupils')
          .values({ school_id: school, number: pupil.number, name: pupil.name, name_key: pupil.name.replace(/\s+/g, ''), grade: pupil.grade, class_name: pupil.className ?? null, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }

    /** A child of `parent` at the school, bound to the pupil. */
    async function bindChild(pupilId: number, name: string, grade: number) {
      const child = (await handle.db.insertInto('children').values({ name, school_id: school, grade, pupil_id: pupilId, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      await handle.db.insertInto('guardianships').values({ user_id: parent, child_id: child, created_at: now }).execute();
      return child;
    }

    const pupilsOfSchool = () => handle.db.selectFrom('pupils').selectAll().where('school_id', '=', school).orderBy('number').execute();

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      school = await createSchool(handle, 'birch');
      const other = await createSchool(handle, 'elm');
      list = `/admin/schools/${school}/pupils`;
      const adminId = await createUser(handle, { login: 'admin-birch@example.com', role: 'school_admin', schoolId: school });
      admin = new Browser(app, { lang: 'zh-CN' });
      await signIn(handle, admin, adminId);
      adminEn = new Browser(app, { lang: 'en' });
      await signIn(handle, adminEn, adminId);
      otherAdmin = new Browser(app);
      await signIn(handle, otherAdmin, await createUser(handle, { login: 'admin-elm@example.com', role: 'school_admin', schoolId: other }));
      parent = await createUser(handle, { login: 'parent-birch@example.com', name: '王妈妈' });
    });
    afterAll(() => handle.drop());

    it('adds a pupil with a 303 back to the list, which says so and shows the pupil with the number as kept', async () => {
      const response = await admin.post(list, { name: '王 小明', number: 'g4401', grade: '3', class: '2班' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`${list}?done=added`);
      const page = await (await admin.get(response.headers.get('location')!)).text();
      expect(page).toContain('已添加到名单。');
      expect(page).toContain('王 小明');
      expect(page).toContain('G4401');
      expect(page).toContain('未绑定');
      const [pupil] = await pupilsOfSchool();
      expect(pupil).toMatchObject({ number: 'G4401', name: '王 小明', name_key: '王小明', grade: 3, class_name: '2班' });
    });

    it('refuses bad input with a 422 and a message at each field, writing nothing', async () => {
      const before = await countRows(handle, 'pupils');
      const response = await admin.post(list, { name: '', number: '-12', grade: '9', class: '<b>' });
      expect(response.status).toBe(422);
      const page = await response.text();
      expect(page).toContain('学号只能包含字母、数字和连字符');
      expect(page).toContain('这所学校只有 1–6 年级。');
      expect(page).toContain('班级名称里不能有');
      expect(page).toContain('aria-invalid="true"');
      expect(await countRows(handle, 'pupils')).toBe(before);
    });

    it('refuses a pupil number the school already lists ("already listed"), in either spelling', async () => {
      const before = await countRows(handle, 'pupils');
      const response = await admin.post(list, { name: '李雷', number: 'Ｇ４４０１', grade: '2', class: '' });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('本校名单里已有这个学号。');
      const english = await adminEn.post(list, { name: '李雷', number: 'G4401', grade: '2', class: '' });
      expect(await english.text()).toContain('This pupil number is already listed at this school.');
      expect(await countRows(handle, 'pupils')).toBe(before);
    });

    it('answers htmx with the form alone on a mistake and HX-Redirect on success', async () => {
      const bad = await admin.post(list, { name: '韩梅梅', number: '', grade: '2' }, { 'hx-request': 'true' });
      expect(bad.status).toBe(422);
      const fragment = await bad.text();
      expect(fragment).toContain('id="pupil-new"');
      expect(fragment).not.toContain('<html');
      const good = await admin.post(list, { name: '韩梅梅', number: 'H0002', grade: '2' }, { 'hx-request': 'true' });
      expect(good.status).toBe(204);
      expect(good.headers.get('hx-redirect')).toBe(`${list}?done=added`);
    });

    it('searches by part of a name or number, by grade and class, a page at a time; and records the staff read', async () => {
      for (let i = 1; i <= 120; i += 1) await addPupil({ number: `S${String(i).padStart(4, '0')}`, name: `学生${i}`, grade: 1 + (i % 6), className: `${1 + (i % 3)}班` });
      const first = await (await adminEn.get(list)).text();
      expect(first).toContain('122 pupils, 122 matching');
      expect(first).toContain('Page 1 of 3');
      expect((first.match(/class="pupil-card"/g) ?? []).length).toBe(50);
      const byName = await (await admin.get(`${list}?q=${encodeURIComponent('学生11')}`)).text();
      expect(byName).toContain('学生11<'); // 学生11, 学生110…119
      expect((byName.match(/class="pupil-card"/g) ?? []).length).toBe(11);
      const byNumber = await (await admin.get(`${list}?q=s0007`)).text();
      expect((byNumber.match(/class="pupil-card"/g) ?? []).length).toBe(1);
      expect(byNumber).toContain('学生7<');
      const spaced = await (await admin.get(`${list}?q=${encodeURIComponent('王小')}`)).text();
      expect(spaced).toContain('王 小明');
      const gradeAndClass = await (await admin.get(`${list}?grade=2&class=${encodeURIComponent('2班')}`)).text();
      const cards = gradeAndClass.match(/class="pupil-card"[\s\S]*?<\/li>/g) ?? [];
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        expect(card).toContain('2 年级');
        expect(card).toContain('2班');
      }
      const nothing = await (await admin.get(`${list}?q=${encodeURIComponent('%_!')}`)).text();
      expect(nothing).toContain('没有符合条件的学生。');
      const reads = await handle.db.selectFrom('audit_events').select(['detail']).where('action', '=', 'child_records.read').where('subject_type', '=', 'school').execute();
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.map((read) => (typeof read.detail === 'string' ? read.detail : JSON.stringify(read.detail))).join()).toContain('"view":"pupils"');
    });

    it('shows which pupils a family has bound, and edits a pupil (a taken number refused)', async () => {
      const pupil = await addPupil({ number: 'E0001', name: '赵小雨', grade: 4, className: '1班' });
      await bindChild(pupil, '赵小雨', 4);
      const listed = await (await admin.get(`${list}?q=E0001`)).text();
      expect(listed).toContain('已被家庭绑定');
      const form = await (await admin.get(`${list}/${pupil}`)).text();
      expect(form).toContain('value="E0001"');
      const saved = await admin.post(`${list}/${pupil}`, { name: '赵小雨', number: 'E0001', grade: '5', class: '3班' });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(`${list}?done=updated`);
      expect(await handle.db.selectFrom('pupils').select(['grade', 'class_name']).where('id', '=', pupil).executeTakeFirst()).toEqual({ grade: 5, class_name: '3班' });
      const taken = await admin.post(`${list}/${pupil}`, { name: '赵小雨', number: 'S0001', grade: '5', class: '3班' });
      expect(taken.status).toBe(422);
      expect(await taken.text()).toContain('本校名单里已有这个学号。');
      expect((await admin.get(`${list}/999999`)).status).toBe(404);
      expect((await otherAdmin.get(`${list}/${pupil}`)).status).toBe(404);
    });

    it('asks before removing a bound pupil, then unbinds the child and tells the family', async () => {
      const pupil = await addPupil({ number: 'R0001', name: '孙悟', grade: 2 });
      const child = await bindChild(pupil, '孙悟', 2);
      const ask = await admin.post(`${list}/${pupil}/delete`, {});
      expect(ask.status).toBe(200);
      const question = await ask.text();
      expect(question).toContain('确定把 孙悟（学号 R0001）从名单中移除吗？');
      expect(question).toContain('已有家庭把这名学生绑定到孩子“孙悟”');
      expect(await handle.db.selectFrom('pupils').select('id').where('id', '=', pupil).executeTakeFirst()).toBeDefined();

      const removed = await admin.post(`${list}/${pupil}/delete`, { confirm: 'yes' });
      expect(removed.status).toBe(303);
      expect(removed.headers.get('location')).toBe(`${list}?done=removed`);
      expect(await handle.db.selectFrom('pupils').select('id').where('id', '=', pupil).executeTakeFirst()).toBeUndefined();
      expect(await handle.db.selectFrom('children').select(['pupil_id']).where('id', '=', child).executeTakeFirst()).toEqual({ pupil_id: null });
      const told = await handle.db.selectFrom('notifications').select(['kind']).where('recipient_id', '=', parent).where('kind', '=', 'pupil_unlisted').execute();
      expect(told).toHaveLength(1);
      const guardian = new Browser(app, { lang: 'zh-CN' });
      await signIn(handle, guardian, parent);
      expect(await (await guardian.get('/notifications')).text()).toContain('孙悟 已不在birch学校的学生名单上');
    });

    it('promotes every pupil a grade in one confirmed step: the top grade leaves, bound children move up or are unbound', async () => {
      const mover = await addPupil({ number: 'P0005', name: '周五', grade: 5 });
      const leaver = await addPupil({ number: 'P0006', name: '周六', grade: 6 });
      const moverChild = await bindChild(mover, '周五', 5);
      const leaverChild = await bindChild(leaver, '周六', 6);
      const pupils = await pupilsOfSchool();
      const top = pupils.filter((pupil) => pupil.grade === 6).length;
      const ask = await admin.post(`${list}/promote`, {});
      expect(ask.status).toBe(200);
      expect(await ask.text()).toContain(`${pupils.length - top} 名学生将升一个年级；6 年级的 ${top} 名学生将离开名单`);
      expect(await pupilsOfSchool()).toEqual(pupils);

      const done = await admin.post(`${list}/promote`, { confirm: 'yes' });
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe(`${list}?done=promoted`);
      const after = await pupilsOfSchool();
      expect(after).toHaveLength(pupils.length - top);
      for (const pupil of after) expect(pupil.grade).toBe(pupils.find((one) => one.id === pupil.id)!.grade + 1);
      expect(await handle.db.selectFrom('children').select(['grade', 'pupil_id']).where('id', '=', moverChild).executeTakeFirst()).toEqual({ grade: 6, pupil_id: mover });
      expect(await handle.db.selectFrom('children').select(['grade', 'pupil_id']).where('id', '=', leaverChild).executeTakeFirst()).toEqual({ grade: 6, pupil_id: null });
      const told = await handle.db.selectFrom('notifications').select('payload').where('recipient_id', '=', parent).where('kind', '=', 'pupil_unlisted').execute();
      expect(told.map((row) => (typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload))).join()).toContain('"reason":"left"');
    });

    it('exports the list in the import’s columns plus bound, through the one CSV writer', async () => {
      const response = await admin.get(`${list}.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.startsWith('name,number,grade,class,bound\n')).toBe(true);
      expect(text).toContain('王 小明,G4401,4,2班,no');
      expect(text).toContain('周五,P0005,6,,yes');
      expect(text.trim().split('\n')).toHaveLength(1 + (await countRows(handle, 'pupils')));
      expect((await otherAdmin.get(`${list}.csv`)).status).toBe(404);
    });

    it('records adds, edits, removals and the promotion in the audit log', async () => {
      const actions = (await handle.db.selectFrom('audit_events').select('action').where('school_id', '=', school).execute()).map((row) => row.action);
      for (const action of ['pupil.added', 'pupil.updated', 'pupil.removed', 'pupils.promoted']) expect(actions).toContain(action);
      const exported = await handle.db.selectFrom('audit_events').select('detail').where('action', '=', 'child_records.read').execute();
      expect(exported.map((row) => (typeof row.detail === 'string' ? row.detail : JSON.stringify(row.detail))).join()).toContain('"view":"pupils.csv"');
    });

    it('keeps a 5,000-pupil school’s list to one page of cards, searched and exported in full', async () => {
      const big = await createSchool(handle, `big-${dialect}`);
      const bigAdmin = new Browser(app);
      await signIn(handle, bigAdmin, await createUser(handle, { login: `admin-big-${dialect}@example.com`, role: 'school_admin', schoolId: big }));
      for (let start = 0; start < 5000; start += 500) {
        const rows = Array.from({ length: 500 }, (_, offset) => {
          const i = start + offset;
          return { school_id: big, number: `B${String(i).padStart(5, '0')}`, name: `学生${i}`, name_key: `学生${i}`, grade: 1 + (i % 6), class_name: `${1 + (i % 8)}班`, created_at: now, updated_at: now };
        });
        await handle.db.insertInto('pupils').values(rows).execute();
      }
      const started = performance.now();
      const page = await (await bigAdmin.get(`/admin/schools/${big}/pupils?page=100`)).text();
      const searched = await (await bigAdmin.get(`/admin/schools/${big}/pupils?q=B0499&grade=6`)).text();
      const exported = await (await bigAdmin.get(`/admin/schools/${big}/pupils.csv`)).text();
      const took = performance.now() - started;
      expect((page.match(/class="pupil-card"/g) ?? []).length).toBe(50);
      expect(page).toContain('第 100 / 100 页');
      expect((searched.match(/class="pupil-card"/g) ?? []).length).toBe(2); // of B04990–B04999, B04991 and B04997 are in grade 6
      expect(exported.trim().split('\n')).toHaveLength(5001);
      console.log(`pupil list on ${dialect}: a page, a search and the export of 5,000 pupils in ${Math.round(took)} ms`);
    });

    it('links the school’s admin page to the list, and publishes how the school checks children in catalogue.json', async () => {
      expect(await (await admin.get(`/admin/schools/${school}`)).text()).toContain(`href="${list}"`);
      const json = (await (await new Browser(app).get('/s/birch/catalogue.json')).json()) as { school: { child_check: string } };
      expect(json.school.child_check).toBe('open');
    });
  });
}
