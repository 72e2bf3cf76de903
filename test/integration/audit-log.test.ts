// The audit log page: a school admin sees their school's events only, the district admin all; filters and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/audit/audit.service.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`audit log page on ${dialect}`, () => {
    let handle: TestDatabase;
    let admin: Browser;
    let district: Browser;
    let teacher: Browser;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      const school = await createSchool(handle, 'elm');
      const far = await createSchool(handle, 'fir');
      const adminId = await createUser(handle, { name: '林主任', login: 'audit-admin@example.com', role: 'school_admin', schoolId: school });
      admin = new Browser(app);
      district = new Browser(app);
      teacher = new Browser(app);
      await signIn(handle, admin, adminId);
      await signIn(handle, district, await createUser(handle, { login: 'audit-district@example.com', role: 'district_admin' }));
      await signIn(handle, teacher, await createUser(handle, { login: 'audit-teacher@example.com', role: 'teacher', schoolId: school }));
      // 120 enrolment events at this school over two days, one roster event, one event at another school.
      for (let i = 0; i < 120; i++) {
        await recordAudit(handle.db, { actorId: adminId, action: 'enrollment.enrolled', subjectType: 'enrollment', subjectId: i + 1, schoolId: school }, new Date(Date.UTC(2026, 10, 25 + (i % 2), 2, 0, i % 60)));
      }
      await recordAudit(handle.db, { actorId: adminId, action: 'roster.removed', subjectType: 'enrollment', subjectId: 7, schoolId: school, detail: { reason: '家长要求' } }, new Date('2026-11-26T03:00:00Z'));
      await recordAudit(handle.db, { actorId: null, action: 'enrollment.enrolled', subjectType: 'enrollment', subjectId: 999, schoolId: far }, new Date('2026-11-26T03:00:00Z'));
    });
    afterAll(() => handle.drop());

    it("shows a school admin their own school's events, newest first, a page at a time", async () => {
      const html = await (await admin.get('/admin/audit')).text();
      // Kinds, subjects and filters in words; the code stays at hand for whoever searches by it.
      expect(html).toContain('<td title="roster.removed">学校将学生移出课程</td>');
      expect(html).toContain('<option value="roster.">名单调整</option>');
      expect(html).toContain('<option value="enrollment">报名</option>');
      expect(html).toContain('报名 #7');
      expect(html).toContain('reason: 家长要求');
      expect(html).toContain('林主任（学校管理员）');
      expect(html).not.toContain('报名 #999');
      expect(html.match(/<tr><td>/g)).toHaveLength(100);
      const older = /href="(\/admin\/audit\?before=\d+)"/.exec(html)![1]!;
      const next = await (await admin.get(older.replace(/&amp;/g, '&'))).text();
      expect(next.match(/<tr><td>/g)).toHaveLength(21);
      expect(next).not.toContain('更早的记录');
    });

    it('filters by kind, subject and day', async () => {
      const roster = await (await admin.get('/admin/audit?action=roster.')).text();
      expect(roster.match(/<tr><td>/g)).toHaveLength(1);
      const one = await (await admin.get('/admin/audit?subject_type=enrollment&subject_id=7')).text();
      expect(one.match(/<tr><td>/g)).toHaveLength(2); // enrolled #7 and removed #7
      // 25 Nov in Shanghai: the 60 events stamped 02:00Z that day.
      const day = await (await admin.get('/admin/audit?action=enrollment.&from=2026-11-25&to=2026-11-25')).text();
      expect(day.match(/<tr><td>/g)).toHaveLength(60);
      const bad = await admin.get('/admin/audit?from=yesterday');
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('筛选条件无效');
    });

    it('shows the district admin every school, and nobody else anything', async () => {
      expect(await (await district.get('/admin/audit?subject_id=999')).text()).toContain('报名 #999');
      const english = await (await district.get('/admin/audit?subject_id=999&lang=en')).text();
      expect(english).toContain('<td title="enrollment.enrolled">Enrolled</td>');
      expect((await teacher.get('/admin/audit')).status).toBe(403);
      expect((await new Browser(buildApp(handle).app).get('/admin/audit')).status).toBe(303);
    });
  });
}
