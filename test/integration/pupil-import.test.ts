// The pupil list's CSV import: a preview that lists every problem by row in the reader's language and changes
// nothing, a commit that writes all rows or none, the size limits, the byte-order mark, and who may import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, ORIGIN, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const HEADER = 'name,number,grade,class';

function csv(rows: string[], options: { bom?: boolean; header?: string } = {}): string {
  return `${options.bom ? '\uFEFF' : ''}${options.header ?? HEADER}\r\n${rows.join('\r\n')}\r\n`;
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** What the preview page carries to its "Import" button: the text and the plan. */
function carried(html: string): { csv: string; plan: string } {
  const plan = /name="plan" value="([^"]*)"/.exec(html)?.[1];
  const text = /<textarea name="csv"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];
  if (plan === undefined || text === undefined) throw new Error('no commit form on the page');
  return { csv: unescapeHtml(text), plan };
}

for (const dialect of DIALECTS) {
  describe(`pupil list import on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let school: number;
    let otherSchool: number;
    let admin: Browser;
    let adminEn: Browser;
    let district: Browser;
    let otherAdmin: Browser;
    let teacher: Browser;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock('2026-09-01T02:00:00Z'), bodyLimitBytes: 1024 * 1024 }).app;
      school = await createSchool(handle, 'elm');
      otherSchool = await createSchool(handle, 'ash');
      const adminId = await createUser(handle, { login: 'pupil-admin@example.com', role: 'school_admin', schoolId: school });
      admin = new Browser(app, { lang: 'zh-CN' });
      await signIn(handle, admin, adminId);
      adminEn = new Browser(app, { lang: 'en' });
      await signIn(handle, adminEn, adminId);
      district = new Browser(app);
      await signIn(handle, district, await createUser(handle, { login: 'pupil-district@example.com', role: 'district_admin' }));
      otherAdmin = new Browser(app);
      await signIn(handle, otherAdmin, await createUser(handle, { login: 'pupil-other@example.com', role: 'school_admin', schoolId: otherSchool }));
      teacher = new Browser(app);
      await signIn(handle, teacher, await createUser(handle, { login: 'pupil-teacher@example.com', role: 'teacher', schoolId: school }));
    });
    afterAll(() => handle.drop());

    const path = (id = school) => `/admin/schools/${id}/pupils/import`;
    /** An upload as the browser's file field sends it (multipart). */
    const upload = (browser: Browser, text: string, id = school) => {
      const form = new FormData();
      form.set('step', 'preview');
      form.set('file', new File([text], 'pupils.csv', { type: 'text/csv' }));
      form.set('csv', '');
      const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const lang = browser === adminEn ? 'en' : 'zh-CN';
      return app.request(path(id), { method: 'POST', body: form, headers: { origin: ORIGIN, cookie, 'accept-language': lang } });
    };
    const commit = (browser: Browser, carry: { csv: string; plan: string }, id = school) => browser.post(path(id), { step: 'commit', ...carry });
    const pupils = () => handle.db.selectFrom('pupils').select(['number', 'name', 'name_key', 'grade', 'class_name']).where('school_id', '=', school).orderBy('number').execute();

    it('shows the upload form with what an import does to pupils already listed', async () => {
      const response = await admin.get(path());
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('导入学生名单（CSV）');
      expect(html).toContain('学号已在名单里的行会更新这名学生的姓名、年级和班级');
      expect(html).toContain('一次最多 5000 行');
      expect(html).toContain('name="file"');
    });

    it('lists every row problem as "row N, column: message" in the reader’s language, and writes nothing', async () => {
      const text = csv(['王小明,G4401,3,2班', '李雷,G 44,2,', '韩梅梅,g4401,9,1班', ',G4403,1,']);
      const zh = await upload(admin, text);
      expect(zh.status).toBe(422);
      const zhHtml = await zh.text();
      expect(zhHtml).toContain('发现 4 个问题');
      expect(zhHtml).toContain('第 3 行，学号：学号只能包含字母、数字和连字符');
      expect(zhHtml).toContain('第 4 行，学号：与第 2 行的学号重复。');
      expect(zhHtml).toContain('第 4 行，年级：这所学校只有 1–6 年级。');
      expect(zhHtml).toContain('第 5 行，姓名：');
      expect(zhHtml).not.toContain('name="step" value="commit"');
      const en = await upload(adminEn, text);
      expect(en.status).toBe(422);
      expect(await en.text()).toContain('Row 4, grade: This school only has grades 1–6.');
      expect(await pupils()).toEqual([]);
    });

    it('previews a clean file, with or without the byte-order mark, uploaded or pasted, and changes nothing', async () => {
      const rows = ['王小明,G4401,3,2班', 'Ｌｉ Ｌｅｉ,g4402,2,'];
      for (const bom of [true, false]) {
        const response = await upload(admin, csv(rows, { bom }));
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('共 2 行：新增 2 名，更新 0 名，0 名不变。');
      }
      const pasted = await admin.post(path(), { step: 'preview', csv: csv(rows, { header: '姓名,学号,年级,班级' }) });
      expect(pasted.status).toBe(200);
      expect(await pasted.text()).toContain('新增 2 名');
      expect(await pupils()).toEqual([]);
    });

    it('commits the previewed file in one go, as an audit event; the same file again changes nothing', async () => {
      const text = csv(['王小明,G4401,3,2班', 'Ｌｉ Ｌｅｉ,g4402,2,'], { bom: true });
      const preview = await upload(admin, text);
      const done = await commit(admin, carried(await preview.text()));
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('已导入：新增 2 名，更新 0 名，0 名不变。');
      expect(await pupils()).toEqual([
        { number: 'G4401', name: '王小明', name_key: '王小明', grade: 3, class_name: '2班' },
        { number: 'G4402', name: 'Li Lei', name_key: 'LiLei', grade: 2, class_name: null },
      ]);
      const events = await handle.db.selectFrom('audit_events').select(['action', 'school_id']).where('action', '=', 'pupils.imported').execute();
      expect(events).toEqual([{ action: 'pupils.imported', school_id: school }]);
      const again = await upload(admin, text);
      expect(await again.text()).toContain('共 2 行：新增 0 名，更新 0 名，2 名不变。');
    });

    it('updates a listed pupil by number and adds the new ones, leaving pupils not in the file', async () => {
      const preview = await upload(district, csv(['王小明,G4401,4,3班', '韩梅梅,G4405,1,']));
      expect(await preview.clone().text()).toContain('新增 1 名，更新 1 名，0 名不变');
      expect((await commit(district, carried(await preview.text()))).status).toBe(200);
      expect((await pupils()).map((pupil) => [pupil.number, pupil.grade, pupil.class_name])).toEqual([
        ['G4401', 4, '3班'],
        ['G4402', 2, null],
        ['G4405', 1, null],
      ]);
    });

    it('writes nothing when a carried file has a bad row, or the list changed since the preview', async () => {
      const before = await pupils();
      const bad = await commit(admin, { csv: csv(['张三,G4406,2,', '李四,G4407,8,']), plan: 'x' });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain('第 3 行，年级');
      expect(await pupils()).toEqual(before);

      const preview = await upload(admin, csv(['张三,G4406,2,', '李四,G4407,3,']));
      const carry = carried(await preview.text());
      // Meanwhile another admin lists G4407: the preview's "2 new" no longer holds.
      const now = new Date().toISOString();
      await handle.db.insertInto('pupils').values({ school_id: school, number: 'G4407', name: '李四', name_key: '李四', grade: 3, class_name: null, created_at: now, updated_at: now }).execute();
      const stale = await commit(admin, carry);
      expect(stale.status).toBe(409);
      const html = await stale.text();
      expect(html).toContain('预览之后学生名单有了变化，这次没有导入任何学生。');
      expect((await pupils()).map((pupil) => pupil.number)).toEqual(['G4401', 'G4402', 'G4405', 'G4407']);
      // The page offers the file again with the plan as the list now gives it.
      const retried = await commit(admin, carried(html));
      expect(retried.status).toBe(200);
      expect(await retried.text()).toContain('新增 1 名，更新 0 名，1 名不变');
    });

    it('refuses more than 5,000 rows with a clear message, and a body over the limit, writing nothing', async () => {
      const before = await pupils();
      const many = csv(Array.from({ length: 5001 }, (_, i) => `P${i},N${i},1,`));
      const response = await admin.post(path(), { step: 'preview', csv: many });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('一次最多导入 5000 名学生，这个文件更多');
      const committed = await commit(admin, { csv: many, plan: '' });
      expect(committed.status).toBe(422);
      const huge = await upload(admin, csv(Array.from({ length: 40_000 }, (_, i) => `学生${i},N${i},1,1班`)));
      expect(huge.status).toBe(413);
      expect(await pupils()).toEqual(before);
    });

    it('lets only that school’s admins and the district admin import', async () => {
      const before = await pupils();
      const text = csv(['赵六,G4499,2,']);
      expect((await otherAdmin.get(path())).status).toBe(404);
      expect((await upload(otherAdmin, text)).status).toBe(404);
      expect((await teacher.get(path())).status).toBe(403);
      expect((await teacher.post(path(), { step: 'preview', csv: text })).status).toBe(403);
      const anonymous = new Browser(app);
      const toLogin = await anonymous.get(path());
      expect(toLogin.status).toBe(303);
      expect(toLogin.headers.get('location')).toMatch(/^\/login/);
      expect((await district.get(path())).status).toBe(200);
      // An admin of another school cannot commit into this one either, even with a valid plan.
      const preview = await upload(admin, text);
      expect((await commit(otherAdmin, carried(await preview.text()))).status).toBe(404);
      expect(await pupils()).toEqual(before);
      expect((await district.get(path(otherSchool))).status).toBe(200);
      expect((await district.get('/admin/schools/9999/pupils/import')).status).toBe(404);
    });

    it('offers a template with the documented header that reads back as one pupil', async () => {
      const response = await admin.get('/admin/pupils-template.csv');
      expect(response.headers.get('content-type')).toContain('text/csv');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.slice(1).split('\n')[0]!.trim()).toBe(HEADER);
    });
  });
}
