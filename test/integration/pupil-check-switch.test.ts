// A school switches how it checks children: a confirmed step that matches existing children to the pupil list where
// name, grade and class agree (ambiguous and mismatched ones left), tells the unmatched children's families why, keeps
// their seats, shows the school whom to match by hand, and publishes the new mode in catalogue.json at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

for (const dialect of DIALECTS) {
  describe(`switching how a school checks children on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let admin: Browser;
    let adminEn: Browser;
    let district: Browser;
    let otherAdmin: Browser;
    let teacher: Browser;
    let parentBrowser: Browser;
    let school: number;
    let openSchool: number;
    let emptySchool: number;
    let offering: number;
    const parents: Record<string, number> = {};
    const children: Record<string, number> = {};
    const pupils: Record<string, number> = {};
    const now = new Date().toISOString();
    const base = () => `/admin/schools/${school}`;

    async function addPupil(schoolId: number, number: string, name: string, grade: number, className: string | null) {
      const row = { school_id: schoolId, number, name, name_key: name.replace(/\s+/g, ''), grade, class_name: className, created_at: now, updated_at: now };
      return (await handle.db.insertInto('pupils').values(row).returning('id').executeTakeFirstOrThrow()).id;
    }

    async function addChild(schoolId: number, parent: number, name: string, grade: number, className: string | null) {
      const id = (await handle.db.insertInto('children').values({ name, school_id: schoolId, grade, class_name: className, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      await handle.db.insertInto('guardianships').values({ user_id: parent, child_id: id, created_at: now }).execute();
      return id;
    }

    const pupilOf = async (childId: number) => (await handle.db.selectFrom('children').select('pupil_id').where('id', '=', childId).executeTakeFirstOrThrow()).pupil_id;
    const modeOf = async (schoolId: number) => (await handle.db.selectFrom('schools').select('child_check').where('id', '=', schoolId).executeTakeFirstOrThrow()).child_check;
    const notices = (kind: string) => handle.db.selectFrom('notifications').select(['recipient_id', 'payload']).where('kind', '=', kind).orderBy('id').execute();
    const catalogueCheck = async (slug: string) => ((await (await new Browser(app).get(`/s/${slug}/catalogue.json`)).json()) as { school: { child_check: string } }).school.child_check;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      // A long catalogue cache: the switch must still show at once.
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z'), catalogueCacheMs: 60_000 }).app;
      school = await createSchool(handle, 'oak');
      openSchool = await createSchool(handle, 'pine');
      emptySchool = await createSchool(handle, 'elm');
      const adminId = await createUser(handle, { login: 'admin-oak@example.com', role: 'school_admin', schoolId: school });
      admin = new Browser(app, { lang: 'zh-CN' });
      await signIn(handle, admin, adminId);
      adminEn = new Browser(app, { lang: 'en' });
      await signIn(handle, adminEn, adminId);
      district = new Browser(app, { lang: 'zh-CN' });
      await signIn(handle, district, await createUser(handle, { login: 'district@example.com', role: 'district_admin' }));
      otherAdmin = new Browser(app);
      await signIn(handle, otherAdmin, await createUser(handle, { login: 'admin-pine@example.com', role: 'school_admin', schoolId: openSchool }));
      teacher = new Browser(app);
      await signIn(handle, teacher, await createUser(handle, { login: 'teacher-oak@example.com', role: 'teacher', schoolId: school }));
      for (const name of ['wang', 'li', 'zhang', 'han', 'zhao', 'zhou', 'pine']) parents[name] = await createUser(handle, { login: `parent-${name}@example.com`, name });
      parentBrowser = new Browser(app, { lang: 'zh-CN' });
      await signIn(handle, parentBrowser, parents.han!);

      pupils.wang = await addPupil(school, 'K001', '王小明', 3, '2班');
      pupils.li = await addPupil(school, 'K002', '李雷', 3, '2班');
      pupils.zhang1 = await addPupil(school, 'K003', '张伟', 2, '1班');
      pupils.zhang2 = await addPupil(school, 'K004', '张伟', 2, '1班');
      pupils.han = await addPupil(school, 'K005', '韩梅梅', 4, '1班');
      pupils.zhao = await addPupil(school, 'K006', '赵六', 1, null);
      pupils.chen = await addPupil(school, 'K007', '陈七', 2, '3班');
      children.wang = await addChild(school, parents.wang!, '王 小明', 3, '2班'); // matches (spaces do not count)
      children.li = await addChild(school, parents.li!, '李雷', 3, '２班'); // matches (NFKC class)
      children.zhang = await addChild(school, parents.zhang!, '张伟', 2, '1班'); // two listed 张伟: ambiguous
      children.han = await addChild(school, parents.han!, '韩梅梅', 5, '1班'); // grade differs
      children.zhao1 = await addChild(school, parents.zhao!, '赵六', 1, null); // two children claim one pupil
      children.zhao2 = await addChild(school, parents.zhou!, '赵六', 1, null);
      children.zhou = await addChild(school, parents.zhou!, '周八', 2, '3班'); // not listed yet
      children.pine = await addChild(openSchool, parents.pine!, '松树', 2, null);
      await addPupil(openSchool, 'P001', '松树', 2, null);

      const term = await createTerm(handle, school);
      offering = await createOffering(handle, term, { code: 'K1', title_zh: '机器人', capacity: 10, seats_taken: 1 });
      await handle.db.insertInto('enrollments').values({ offering_id: offering, child_id: children.han!, status: 'enrolled', created_at: now, updated_at: now }).execute();
    });
    afterAll(() => handle.drop());

    it('shows the mode in words on the pupil list, with the way to switch it', async () => {
      const page = await (await admin.get(`${base()}/pupils`)).text();
      expect(page).toContain('现在：不核对（任何家长都可添加孩子）');
      expect(page).toContain('改为：报名孩子须与学生名单核对');
      expect(page).toContain(`action="${base()}/child-check"`);
      expect(page).not.toContain('未匹配的孩子（');
      expect(await catalogueCheck('oak')).toBe('open'); // read (and shared for 60 s) before the switch
    });

    it('refuses non-admins and other schools’ admins, changing nothing', async () => {
      expect((await teacher.get(`${base()}/child-check?child_check=pupil_list`)).status).toBe(403);
      expect((await teacher.post(`${base()}/child-check`, { child_check: 'pupil_list', confirm: 'yes' })).status).toBe(403);
      expect((await parentBrowser.post(`${base()}/child-check`, { child_check: 'pupil_list', confirm: 'yes' })).status).toBe(403);
      expect((await otherAdmin.post(`${base()}/child-check`, { child_check: 'pupil_list', confirm: 'yes' })).status).toBe(404);
      expect((await otherAdmin.get(`${base()}/pupils/unmatched`)).status).toBe(404);
      expect((await otherAdmin.post(`${base()}/children/${children.han}/pupil`, { number: 'K005' })).status).toBe(404);
      expect((await new Browser(app).get(`${base()}/pupils/unmatched`)).headers.get('location')).toMatch(/^\/login/);
      expect(await modeOf(school)).toBe('open');
      expect(await pupilOf(children.wang!)).toBeNull();
    });

    it('refuses a mode it does not know with a translated 422, writing nothing', async () => {
      const before = await countRows(handle, 'audit_events');
      const bad = await admin.post(`${base()}/child-check`, { child_check: 'everyone', confirm: 'yes' });
      expect(bad.status).toBe(422);
      const page = await bad.text();
      expect(page).toContain('请选择一种核对方式。');
      expect(page).toContain('aria-invalid="true"');
      const english = await adminEn.get(`${base()}/child-check?child_check=strict`);
      expect(english.status).toBe(422);
      expect(await english.text()).toContain('Choose how children are checked.');
      expect((await admin.post(`${base()}/child-check`, { confirm: 'yes' })).status).toBe(422);
      expect(await modeOf(school)).toBe('open');
      expect(await countRows(handle, 'audit_events')).toBe(before);
    });

    it('refuses to check children against an empty pupil list: import the list first', async () => {
      const asked = await district.get(`/admin/schools/${emptySchool}/child-check?child_check=pupil_list`);
      expect(asked.status).toBe(422);
      expect(await asked.text()).toContain('学生名单还是空的：请先添加或导入学生名单，再改为核对。');
      const refused = await district.post(`/admin/schools/${emptySchool}/child-check`, { child_check: 'pupil_list', confirm: 'yes' });
      expect(refused.status).toBe(422);
      expect(await modeOf(emptySchool)).toBe('open');
    });

    it('says before switching how many children will be matched and how many stay unmatched, changing nothing', async () => {
      const asked = await admin.get(`${base()}/child-check?child_check=pupil_list`);
      expect(asked.status).toBe(200);
      const page = await asked.text();
      expect(page).toContain('名单上有 7 名学生。本校现有的孩子中，2 个将按姓名、年级和班级自动与名单匹配，5 个仍未匹配');
      expect(page).toContain('name="confirm" value="yes"');
      const posted = await admin.post(`${base()}/child-check`, { child_check: 'pupil_list' });
      expect(posted.status).toBe(200);
      expect(await posted.text()).toContain('2 个将按姓名、年级和班级自动与名单匹配');
      expect(await modeOf(school)).toBe('open');
      expect(await countRows(handle, 'notifications')).toBe(0);
    });

    it('switches in one confirmed step: matches where name, grade and class agree, tells exactly the unmatched families, keeps seats', async () => {
      const switched = await admin.post(`${base()}/child-check`, { child_check: 'pupil_list', confirm: 'yes' });
      expect(switched.status).toBe(303);
      expect(switched.headers.get('location')).toBe(`${base()}/pupils?done=checked`);
      expect(await modeOf(school)).toBe('pupil_list');
      expect(await pupilOf(children.wang!)).toBe(pupils.wang);
      expect(await pupilOf(children.li!)).toBe(pupils.li);
      for (const name of ['zhang', 'han', 'zhao1', 'zhao2', 'zhou']) expect(await pupilOf(children[name]!), name).toBeNull();

      const told = await notices('child_unverified');
      expect(told.map((row) => row.recipient_id).sort((a, b) => a - b)).toEqual([parents.zhang, parents.han, parents.zhao, parents.zhou, parents.zhou].sort((a, b) => a! - b!));
      expect(told.map((row) => text(row.payload)).join()).toContain('"reason":"switched"');
      const guardianPage = await (await parentBrowser.get('/notifications')).text();
      expect(guardianPage).toContain('oak学校开始核对学生名单：韩梅梅 尚未匹配');
      expect(guardianPage).toContain(`/children/${children.han}`);

      // The unmatched child keeps the seat it holds.
      expect(await handle.db.selectFrom('enrollments').select('status').where('child_id', '=', children.han!).executeTakeFirst()).toEqual({ status: 'enrolled' });
      expect(await handle.db.selectFrom('offerings').select('seats_taken').where('id', '=', offering).executeTakeFirst()).toEqual({ seats_taken: 1 });

      // An open school's children are untouched.
      expect(await pupilOf(children.pine!)).toBeNull();
      expect(await modeOf(openSchool)).toBe('open');

      const audit = await handle.db.selectFrom('audit_events').select('detail').where('action', '=', 'school.child_check_changed').execute();
      expect(audit).toHaveLength(1);
      expect(text(audit[0]!.detail)).toContain('"matched":2');
      expect(await catalogueCheck('oak')).toBe('pupil_list');
      expect(await catalogueCheck('pine')).toBe('open');
      // Parents are told on the school's catalogue page before they add a child; an open school's page says nothing.
      expect(await (await new Browser(app).get('/s/oak')).text()).toContain('本校按学生名单核对孩子');
      expect(await (await new Browser(app).get('/s/oak?lang=en')).text()).toContain('This school checks children against its pupil list');
      expect(await (await new Browser(app).get('/s/pine')).text()).not.toContain('本校按学生名单核对孩子');
    });

    it('links the pupil list to the unmatched children, which list name, grade, class and seats, recorded as a staff read', async () => {
      const list = await (await admin.get(`${base()}/pupils?done=checked`)).text();
      expect(list).toContain('已更改核对方式。');
      expect(list).toContain('现在：报名孩子须与学生名单核对');
      expect(list).toContain(`href="${base()}/pupils/unmatched"`);
      expect(list).toContain('未匹配的孩子（5）');
      const page = await (await admin.get(`${base()}/pupils/unmatched`)).text();
      expect(page).toContain('共 5 个孩子未匹配');
      expect((page.match(/class="pupil-card"/g) ?? []).length).toBe(5);
      expect(page).toContain('韩梅梅');
      expect(page).toContain('已占 1 个名额');
      expect(page).toContain('未占名额');
      expect(page).not.toContain('王 小明');
      const reads = await handle.db.selectFrom('audit_events').select('detail').where('action', '=', 'child_records.read').execute();
      expect(reads.map((row) => text(row.detail)).join()).toContain('"view":"pupils.unmatched"');
    });

    it('refuses a wrong, unknown or taken number at the field, writing nothing', async () => {
      const path = `${base()}/children/${children.han}/pupil`;
      const unknown = await admin.post(path, { number: 'K999' });
      expect(unknown.status).toBe(422);
      const unknownPage = await unknown.text();
      expect(unknownPage).toContain('本校名单上没有这个学号。');
      expect(unknownPage).toContain('aria-invalid="true"');
      const taken = await admin.post(path, { number: 'k001' }, { 'hx-request': 'true' });
      expect(taken.status).toBe(422);
      const fragment = await taken.text();
      expect(fragment).toContain('名单上这名学生已与另一个孩子匹配。');
      expect(fragment).not.toContain('<html');
      expect((await admin.post(path, { number: '  ' })).status).toBe(422);
      expect((await adminEn.post(path, { number: 'K999' })).status).toBe(422);
      expect(await pupilOf(children.han!)).toBeNull();
      expect((await admin.post(`${base()}/children/${children.pine}/pupil`, { number: 'K005' })).status).toBe(404); // not this school's child
    });

    it('matches by hand even where the grade differs, shows the pupil beside the child, and tells the family', async () => {
      const matched = await admin.post(`${base()}/children/${children.han}/pupil`, { number: 'k005' });
      expect(matched.status).toBe(303);
      expect(matched.headers.get('location')).toBe(`${base()}/pupils/unmatched?matched=${children.han}`);
      const page = await (await admin.get(matched.headers.get('location')!)).text();
      expect(page).toContain('韩梅梅 已与名单上的 韩梅梅（学号 K005）匹配。');
      expect(page).toContain('共 4 个孩子未匹配');
      expect(await pupilOf(children.han!)).toBe(pupils.han);
      const verified = await notices('child_verified');
      expect(verified.map((row) => row.recipient_id)).toEqual([parents.han]);

      const htmx = await admin.post(`${base()}/children/${children.zhang}/pupil`, { number: 'K004' }, { 'hx-request': 'true' });
      expect(htmx.status).toBe(200);
      const card = await htmx.text();
      expect(card).toContain('张伟 已与名单上的 张伟（学号 K004）匹配。');
      expect(card).toContain(`/children/${children.zhang}/pupil/unbind`);
      const again = await admin.post(`${base()}/children/${children.zhang}/pupil`, { number: 'K003' });
      expect(again.status).toBe(422);
      expect(await again.text()).toContain('这个孩子已经与名单上的学生匹配');
      const actions = (await handle.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'child').execute()).map((row) => row.action);
      expect(actions.filter((action) => action === 'child.pupil_matched')).toHaveLength(2);
    });

    it('undoes a wrong match after asking, from the pupil’s page, and tells the family why', async () => {
      const pupilPage = await (await admin.get(`${base()}/pupils/${pupils.zhang2}`)).text();
      expect(pupilPage).toContain('已与孩子“张伟”匹配。');
      const path = `${base()}/children/${children.zhang}/pupil/unbind`;
      expect(pupilPage).toContain(`action="${path}"`);
      const ask = await admin.post(path, {});
      expect(ask.status).toBe(200);
      const question = await ask.text();
      expect(question).toContain('撤销 张伟 与名单上 张伟（学号 K004）的匹配吗？');
      expect(question).toContain('不能报新的课程');
      expect(await pupilOf(children.zhang!)).toBe(pupils.zhang2);
      const done = await admin.post(path, { confirm: 'yes' });
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe(`${base()}/pupils/unmatched?done=unbound`);
      expect(await pupilOf(children.zhang!)).toBeNull();
      const told = await notices('child_unverified');
      expect(told.filter((row) => row.recipient_id === parents.zhang).map((row) => text(row.payload)).join()).toContain('"reason":"unbound"');
      expect((await admin.post(path, { confirm: 'yes' })).status).toBe(303); // nothing left to undo
    });

    it('matches a child when an import lists its pupil later, telling the family', async () => {
      const csv = 'name,number,grade,class\n周八,K008,2,3班\n';
      const preview = await (await admin.post(`${base()}/pupils/import`, { step: 'preview', csv })).text();
      const plan = /name="plan" value="([^"]*)"/.exec(preview)?.[1];
      expect(plan).toBeDefined();
      const committed = await admin.post(`${base()}/pupils/import`, { step: 'commit', csv, plan: plan! });
      expect(committed.status).toBeLessThan(400);
      const listed = await handle.db.selectFrom('pupils').select('id').where('school_id', '=', school).where('number', '=', 'K008').executeTakeFirstOrThrow();
      expect(await pupilOf(children.zhou!)).toBe(listed.id);
      expect((await notices('child_verified')).map((row) => row.recipient_id)).toContain(parents.zhou);
    });

    it('matches a child when the school adds its pupil by hand, but not at an open school', async () => {
      const wu = await addChild(school, parents.wang!, '吴九', 3, null);
      const pineChild = await addChild(openSchool, parents.pine!, '吴九', 3, null);
      expect((await admin.post(`${base()}/pupils`, { name: '吴 九', number: 'K009', grade: '3', class: '' })).status).toBe(303);
      const listed = await handle.db.selectFrom('pupils').select('id').where('school_id', '=', school).where('number', '=', 'K009').executeTakeFirstOrThrow();
      expect(await pupilOf(wu)).toBe(listed.id);
      expect((await district.post(`/admin/schools/${openSchool}/pupils`, { name: '吴九', number: 'P009', grade: '3', class: '' })).status).toBe(303);
      expect(await pupilOf(pineChild)).toBeNull(); // an open school's children are matched when it switches, not before
    });

    it('tells a family whose pupil is removed that the child cannot take new places until matched again', async () => {
      const removed = await admin.post(`${base()}/pupils/${pupils.li}/delete`, { confirm: 'yes' });
      expect(removed.status).toBe(303);
      const [row] = await handle.db.selectFrom('notifications').select('payload').where('kind', '=', 'pupil_unlisted').where('recipient_id', '=', parents.li!).execute();
      expect(text(row!.payload)).toContain('"checked":true');
      const guardian = new Browser(app, { lang: 'zh-CN' });
      await signIn(handle, guardian, parents.li!);
      expect(await (await guardian.get('/notifications')).text()).toContain('在重新与名单匹配之前，李雷 不能报新的课程');
    });

    it('switches a 2,000-child school in one transaction: 1,500 matched, the other 500 families told', async () => {
      const big = await createSchool(handle, `big-${dialect}`);
      const guardian = await createUser(handle, { login: `parent-big-${dialect}@example.com` });
      for (let start = 0; start < 2000; start += 500) {
        const rows = Array.from({ length: 500 }, (_, offset) => start + offset);
        await handle.db
          .insertInto('pupils')
          .values(rows.map((i) => ({ school_id: big, number: `B${String(i).padStart(5, '0')}`, name: `学生${i}`, name_key: `学生${i}`, grade: 1 + (i % 6), class_name: `${1 + (i % 8)}班`, created_at: now, updated_at: now })))
          .execute();
        // Every fourth child's family typed another class: left for the school.
        const ids = await handle.db
          .insertInto('children')
          .values(rows.map((i) => ({ name: `学生${i}`, school_id: big, grade: 1 + (i % 6), class_name: i % 4 === 0 ? `${2 + (i % 8)}班` : `${1 + (i % 8)}班`, created_at: now, updated_at: now })))
          .returning('id')
          .execute();
        await handle.db.insertInto('guardianships').values(ids.map((row) => ({ user_id: guardian, child_id: row.id, created_at: now }))).execute();
      }
      const switched = await district.post(`/admin/schools/${big}/child-check`, { child_check: 'pupil_list', confirm: 'yes' });
      expect(switched.status).toBe(303);
      const unbound = await handle.db.selectFrom('children').select('id').where('school_id', '=', big).where('pupil_id', 'is', null).execute();
      expect(unbound).toHaveLength(500);
      const told = await handle.db.selectFrom('notifications').select('id').where('recipient_id', '=', guardian).where('kind', '=', 'child_unverified').execute();
      expect(told).toHaveLength(500);
    });

    it('switches back to open keeping every match, shown at once in catalogue.json', async () => {
      const back = await district.post(`${base()}/child-check`, { child_check: 'open', confirm: 'yes' });
      expect(back.status).toBe(303);
      expect(await modeOf(school)).toBe('open');
      expect(await pupilOf(children.wang!)).toBe(pupils.wang);
      expect(await pupilOf(children.han!)).toBe(pupils.han);
      expect(await catalogueCheck('oak')).toBe('open');
      const page = await (await admin.get(`${base()}/pupils`)).text();
      expect(page).toContain('现在：不核对（任何家长都可添加孩子）');
      const unverified = (await notices('child_unverified')).length;
      // Switching again to the list: only the children still unmatched are told, once more.
      const again = await admin.post(`${base()}/child-check`, { child_check: 'pupil_list', confirm: 'yes' });
      expect(again.status).toBe(303);
      expect((await notices('child_unverified')).length - unverified).toBe(await handle.db.selectFrom('children').select('id').where('school_id', '=', school).where('pupil_id', 'is', null).execute().then((rows) => rows.length));
    });
  });
}
