// Catalogue CSV: template, preview that changes nothing, all-or-nothing import, re-import by code, export round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, ORIGIN, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const HEADER = 'code,kind,category,title_zh,title_en,description_zh,description_en,teacher,room,capacity,grade_min,grade_max,fee,slots,status';

function csvFile(rows: string[], bom = true): string {
  return `${bom ? '\uFEFF' : ''}${HEADER}\r\n${rows.join('\r\n')}\r\n`;
}

function courseRow(n: number, overrides: Partial<Record<string, string>> = {}): string {
  const row = {
    code: `C-${String(n).padStart(3, '0')}`,
    kind: n % 5 === 0 ? 'club' : 'course',
    category: ['robotics', 'programming', 'ai', '3d_printing', 'maker'][n % 5]!,
    title_zh: `第${n}门课“测试”`,
    title_en: `Course ${n}, "test"`,
    description_zh: '多行介绍\n第二行',
    description_en: '',
    teacher: n % 2 === 0 ? 'csv-teacher@example.com' : '',
    room: `A${n}`,
    capacity: '20',
    grade_min: '1',
    grade_max: '6',
    fee: n % 3 === 0 ? '450.50' : '0',
    slots: `${(n % 5) + 1} 16:00-17:00`,
    status: n % 4 === 0 ? 'published' : '',
    ...overrides,
  };
  return Object.values(row)
    .map((value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value))
    .join(',');
}

for (const dialect of DIALECTS) {
  describe(`catalogue CSV on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let admin: Browser;
    let termId: number;
    let otherTerm: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock('2026-08-20T02:00:00Z') }).app;
      const school = await createSchool(handle, 'elm');
      await createUser(handle, { login: 'csv-teacher@example.com', name: '蔡老师', role: 'teacher', schoolId: school });
      admin = new Browser(app);
      await signIn(handle, admin, await createUser(handle, { login: 'csv-admin@example.com', role: 'school_admin', schoolId: school }));
      termId = await createTerm(handle, school);
      otherTerm = await createTerm(handle, await createSchool(handle, 'ash'));
    });
    afterAll(() => handle.drop());

    const upload = async (text: string, step: 'preview' | 'commit' = 'preview', term = termId) => {
      const form = new FormData();
      form.set('step', step);
      if (step === 'preview') form.set('file', new File([text], 'catalogue.csv', { type: 'text/csv' }));
      else form.set('csv', text);
      const cookie = [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      return app.request(`/admin/terms/${term}/import`, { method: 'POST', body: form, headers: { origin: ORIGIN, cookie } });
    };
    const count = async () => (await handle.db.selectFrom('offerings').select('id').where('term_id', '=', termId).execute()).length;

    it('offers a template with the documented columns, readable by Excel', async () => {
      const response = await admin.get('/admin/catalogue-template.csv');
      expect(response.headers.get('content-type')).toContain('text/csv');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.slice(1).split('\n')[0]!.trim()).toBe(HEADER);
    });

    it('previews a file, with or without a byte-order mark, and changes nothing', async () => {
      for (const bom of [true, false]) {
        const response = await upload(csvFile([courseRow(1), courseRow(2)], bom));
        expect(response.status).toBe(200);
        const html = await response.text();
        expect(html).toContain('共 2 行：新增 2 门，更新 0 门');
        expect(html).toContain('C-001');
      }
      expect(await count()).toBe(0);
    });

    it('lists every problem as "row N, column: message" and writes nothing, even on commit', async () => {
      const file = csvFile([
        courseRow(1),
        courseRow(2, { slots: '周八 16:00' }),
        courseRow(3, { grade_min: '6', grade_max: '2' }),
        courseRow(4, { teacher: 'nobody@example.com' }),
        courseRow(5, { category: 'robotix' }),
      ]);
      const preview = await upload(file);
      expect(preview.status).toBe(422);
      const html = await preview.text();
      // Each column in the form's words with the template's header beside it.
      expect(html).toContain('第 3 行，每周上课时间（slots）：上课时间请写成');
      expect(html).toContain('第 4 行，最高年级（grade_max）：最高年级不能低于最低年级');
      expect(html).toContain('第 5 行，老师（teacher）：本校没有这位老师');
      expect(html).toContain('第 6 行，类别（category）：类别请填写这些代码之一：robotics, programming, ai, 3d_printing');
      expect(html).not.toContain('确认导入');
      const commit = await upload(file, 'commit');
      expect(commit.status).toBe(422);
      expect(await count()).toBe(0);
    });

    it('refuses a file without the required columns, or that is not text', async () => {
      const missing = await upload('\uFEFFcode,title_zh\r\nX,Y\r\n');
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain('缺少这些列：kind, category, capacity, grade_min, grade_max, slots');
      const binary = await upload(String.fromCharCode(0xff, 0xfe, 0x00, 0x41));
      expect(binary.status).toBe(422);
    });

    it('imports 300 rows in one go, with slots, meetings, teachers and fees', async () => {
      const rows = Array.from({ length: 300 }, (_, i) => courseRow(i + 1));
      const response = await upload(csvFile(rows), 'commit');
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('已导入：新增 300 门，更新 0 门');
      expect(await count()).toBe(300);
      const one = await handle.db.selectFrom('offerings').selectAll().where('term_id', '=', termId).where('code', '=', 'C-003').executeTakeFirstOrThrow();
      expect(one).toMatchObject({ title_zh: '第3门课“测试”', title_en: 'Course 3, "test"', fee_cents: 45050, description_zh: '多行介绍\n第二行', status: 'draft' });
      const meetings = await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', one.id).execute();
      expect(meetings.length).toBeGreaterThan(10);
    });

    it('updates by code when the same file comes again, instead of adding duplicates', async () => {
      const rows = Array.from({ length: 300 }, (_, i) => courseRow(i + 1, i === 0 ? { title_zh: '改过的名字', capacity: '25' } : {}));
      const response = await upload(csvFile(rows), 'commit');
      expect(await response.text()).toContain('新增 0 门，更新 300 门');
      expect(await count()).toBe(300);
      const one = await handle.db.selectFrom('offerings').selectAll().where('term_id', '=', termId).where('code', '=', 'C-001').executeTakeFirstOrThrow();
      expect(one).toMatchObject({ title_zh: '改过的名字', capacity: 25 });
    });

    it('exports what imports back unchanged', async () => {
      const snapshot = async () =>
        handle.db
          .selectFrom('offerings')
          .select(['code', 'kind', 'category', 'title_zh', 'title_en', 'description_zh', 'teacher_id', 'room', 'capacity', 'grade_min', 'grade_max', 'fee_cents', 'status'])
          .where('term_id', '=', termId)
          .orderBy('code')
          .execute();
      const before = await snapshot();
      const exported = await admin.get(`/admin/terms/${termId}/catalogue.csv`);
      const text = await exported.text();
      const response = await upload(text, 'commit');
      expect(await response.text()).toContain('新增 0 门，更新 300 门');
      expect(await snapshot()).toEqual(before);
    });

    it("gives 404 for another school's term and writes nothing there", async () => {
      expect((await upload(csvFile([courseRow(1)]), 'commit', otherTerm)).status).toBe(404);
      expect((await admin.get(`/admin/terms/${otherTerm}/catalogue.csv`)).status).toBe(404);
      expect((await handle.db.selectFrom('offerings').select('id').where('term_id', '=', otherTerm).execute()).length).toBe(0);
    });
  });
}
