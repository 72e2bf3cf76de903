// A parent's children: added with POST /children, seen and edited only by their guardians.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';

for (const dialect of DIALECTS) {
  describe(`family on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let parentA: Browser;
    let parentB: Browser;
    let primary: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle).app;
      primary = await createSchool(handle, 'birch');
      await createSchool(handle, 'cedar', 'middle');
      parentA = new Browser(app);
      parentB = new Browser(app);
      await signIn(handle, parentA, await createUser(handle, { login: 'family-a@example.com' }));
      await signIn(handle, parentB, await createUser(handle, { login: 'family-b@example.com' }));
    });
    afterAll(() => handle.drop());

    const children = () => handle.db.selectFrom('children').selectAll().orderBy('id').execute();

    it('adds a child with name, school (id or slug), grade and class, answering 303 to the family page', async () => {
      const byId = await parentA.post('/children', { name: '李小米', school: String(primary), grade: '3', class: '2班', consent: CONSENT_VERSION });
      expect(byId.status).toBe(303);
      expect(byId.headers.get('location')).toMatch(/^\/family\?added=\d+$/);
      const bySlug = await parentA.post('/children', { name: '李大米', school: 'cedar', grade: '8', consent: CONSENT_VERSION });
      expect(bySlug.status).toBe(303);
      const page = await (await parentA.get(bySlug.headers.get('location')!)).text();
      expect(page).toContain('已添加 李大米');
      expect(page).toContain('李小米');
      expect(page).toContain('3 年级 · 2班');
      expect(page).toContain('href="/s/birch?grade=3"');
      const rows = await children();
      expect(rows.map((row) => [row.name, row.grade, row.class_name])).toEqual([
        ['李小米', 3, '2班'],
        ['李大米', 8, null],
      ]);
      expect(await handle.db.selectFrom('audit_events').select('id').where('action', '=', 'child.added').execute()).toHaveLength(2);
    });

    it('records the guardian’s consent to the privacy text shown, with its version and time', async () => {
      const consents = await handle.db.selectFrom('child_consents').innerJoin('children', 'children.id', 'child_consents.child_id').select(['children.name', 'child_consents.version', 'child_consents.given_at']).orderBy('child_consents.id').execute();
      expect(consents.map((row) => [row.name, row.version])).toEqual([
        ['李小米', CONSENT_VERSION],
        ['李大米', CONSENT_VERSION],
      ]);
      expect(new Date(consents[0]!.given_at).toISOString()).toBe('2026-11-27T08:00:00.000Z');
      const form = await (await parentA.get('/family')).text();
      expect(form).toContain(`name="consent" value="${CONSENT_VERSION}"`);
      expect(form).toContain('href="/privacy"');
    });

    it('refuses a child without the consent tick (or with an outdated version): 422 with the reason, nothing written', async () => {
      const before = await countRows(handle, 'audit_events');
      const unticked = await parentA.post('/children', { name: '王二', school: 'birch', grade: '3' });
      expect(unticked.status).toBe(422);
      expect(await unticked.text()).toContain('请先阅读并勾选同意《儿童个人信息保护规则》');
      const outdated = await parentA.post('/children', { name: '王二', school: 'birch', grade: '3', consent: '2020-01-01' });
      expect(outdated.status).toBe(422);
      expect(await outdated.text()).toContain(`规则已更新为 ${CONSENT_VERSION} 版`);
      const both = await parentA.post('/children', { name: '', school: 'birch', grade: '3' });
      const html = await both.text();
      expect(html).toContain('请先阅读并勾选同意');
      expect(html).toContain('请填写');
      expect(await children()).toHaveLength(2);
      expect(await handle.db.selectFrom('child_consents').select('id').execute()).toHaveLength(2);
      expect(await countRows(handle, 'audit_events')).toBe(before);
    });

    const bad: [string, Record<string, string>, string][] = [
      ['no name', { name: ' ', school: 'birch', grade: '3' }, '请填写此项'],
      ['a grade the school does not have', { name: '王一', school: 'birch', grade: '8' }, '这所学校只有 1–6 年级'],
      ['grade 13', { name: '王一', school: 'birch', grade: '13' }, '请选择 1–12 年级'],
      ['an unknown school', { name: '王一', school: 'nowhere', grade: '3' }, '请选择孩子就读的学校'],
      ['markup in the name', { name: '<script>x</script>', school: 'birch', grade: '3' }, '姓名不能包含尖括号'],
      ['an over-long class', { name: '王一', school: 'birch', grade: '3', class: '班'.repeat(21) }, '最多 20 个字'],
    ];
    for (const [what, fields, message] of bad) {
      it(`refuses ${what} with 422 at the field and writes nothing`, async () => {
        const before = await countRows(handle, 'audit_events');
        const response = await parentA.post('/children', { consent: CONSENT_VERSION, ...fields });
        expect(response.status).toBe(422);
        expect(await response.text()).toContain(message);
        expect(await children()).toHaveLength(2);
        expect(await countRows(handle, 'audit_events')).toBe(before);
      });
    }

    it("shows and changes a child's record for its guardian", async () => {
      const [child] = await children();
      expect(await (await parentA.get(`/children/${child!.id}`)).text()).toContain('李小米');
      const response = await parentA.post(`/children/${child!.id}`, { name: '李小米', school: 'birch', grade: '4', class: '5班' });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('已保存');
      expect((await children())[0]).toMatchObject({ grade: 4, class_name: '5班' });
    });

    it("gives another parent 404 for the child, and changes nothing", async () => {
      const [child] = await children();
      expect((await parentB.get(`/children/${child!.id}`)).status).toBe(404);
      expect((await parentB.post(`/children/${child!.id}`, { name: '改名', school: 'birch', grade: '1' })).status).toBe(404);
      expect((await parentB.post(`/children/${child!.id}`, {})).status).toBe(404);
      expect((await children())[0]).toMatchObject({ name: '李小米', grade: 4 });
      expect(await (await parentB.get('/family')).text()).not.toContain('李小米');
      expect((await parentB.get('/children/999999')).status).toBe(404);
    });

    it('keeps children to parents: staff get 403, visitors are sent to log in', async () => {
      const teacher = new Browser(app);
      await signIn(handle, teacher, await createUser(handle, { login: 'family-teacher@example.com', role: 'teacher', schoolId: primary }));
      expect((await teacher.get('/family')).status).toBe(403);
      expect((await teacher.post('/children', { name: '员工', school: 'birch', grade: '3', consent: CONSENT_VERSION })).status).toBe(403);
      expect((await new Browser(app).get('/family')).status).toBe(303);
      expect(await children()).toHaveLength(2);
    });
  });
}
