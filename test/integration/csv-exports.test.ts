// Every CSV export refuses to hand a spreadsheet a formula: text a user typed that starts with = + - @ (or a tab
// or return) comes out with a leading quote, so Excel, WPS and LibreOffice show it as text and never run it.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const FORMULAS = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", '@SUM(1+1)*cmd|" /C calc"!A0', '-2+3+cmd|" /C calc"!A0', '\t=1+1', '\r=1+1'];

/** The cells of a CSV answer (BOM dropped). */
async function cells(response: Response): Promise<string[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  const text = (await response.text()).replace(/^\uFEFF/, '');
  return (parse(text, { relax_column_count: true }) as string[][]).flat();
}

for (const dialect of DIALECTS) {
  describe(`CSV exports on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let admin: Browser;
    let term: number;
    let offering: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      ({ app } = buildApp(handle, { clock: fixedClock('2026-11-26T10:00:00Z') }));
      const school = await createSchool(handle, 'formula');
      term = await createTerm(handle, school);
      const [title, titleEn, description, room, teacherName, childName, guardianName, className] = FORMULAS.concat(FORMULAS);
      const teacher = await createUser(handle, { login: 'formula-teacher@example.com', role: 'teacher', schoolId: school, name: teacherName! });
      offering = await createOffering(handle, term, { code: 'F1', title_zh: title!, title_en: titleEn!, description_zh: description!, description_en: description!, room: room!, teacher_id: teacher });
      const now = new Date().toISOString();
      const child = (await handle.db.insertInto('children').values({ name: childName!, school_id: school, grade: 3, class_name: className!, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      const parent = await createUser(handle, { login: '+8613800000000', name: guardianName! });
      await handle.db.insertInto('guardianships').values({ user_id: parent, child_id: child, created_at: now }).execute();
      await handle.db.insertInto('enrollments').values({ offering_id: offering, child_id: child, status: 'enrolled', created_at: now, updated_at: now }).execute();
      await handle.db.updateTable('offerings').set({ seats_taken: 1 }).where('id', '=', offering).execute();
      admin = new Browser(app);
      await signIn(handle, admin, await createUser(handle, { login: 'formula-admin@example.com', role: 'school_admin', schoolId: school }));
    });
    afterAll(() => handle.drop());

    const exports = {
      'the public catalogue': () => new Browser(app).get('/s/formula/catalogue.csv'),
      'the admin catalogue': () => admin.get(`/admin/terms/${term}/catalogue.csv`),
      'the attendance report': () => admin.get(`/admin/terms/${term}/attendance.csv`),
      'the roster': () => admin.get(`/offerings/${offering}/roster.csv`),
      'the import template': () => admin.get('/admin/catalogue-template.csv'),
    };

    for (const [name, fetchExport] of Object.entries(exports)) {
      it(`${name} starts no cell with = + - @, a tab or a return`, async () => {
        const found = await cells(await fetchExport());
        expect(found.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      });
    }

    it('keeps the text itself, behind one quote', async () => {
      const catalogue = await cells(await new Browser(app).get('/s/formula/catalogue.csv'));
      expect(catalogue).toContain(`'${FORMULAS[0]}`);
      const roster = await cells(await admin.get(`/offerings/${offering}/roster.csv`));
      expect(roster).toContain(`'${FORMULAS[5]}`);
    });

    it('an admin catalogue export imports back unchanged (the quote is taken off again)', async () => {
      const exported = (await (await admin.get(`/admin/terms/${term}/catalogue.csv`)).text()).replace(/^\uFEFF/, '');
      const before = await handle.db.selectFrom('offerings').select(['title_zh', 'title_en', 'room']).where('id', '=', offering).executeTakeFirstOrThrow();
      const committed = await admin.post(`/admin/terms/${term}/import`, { step: 'commit', csv: exported });
      expect(committed.status).toBeLessThan(400);
      const after = await handle.db.selectFrom('offerings').select(['title_zh', 'title_en', 'room']).where('id', '=', offering).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect(after.title_zh).toBe(FORMULAS[0]);
    });
  });
}
