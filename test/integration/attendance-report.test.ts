// The term's attendance report: figures checked against a hand-computed fixture, filters, CSV, who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import type { AttendanceMark } from '../../src/db/schema.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`attendance report on ${dialect}`, () => {
    let handle: TestDatabase;
    let admin: Browser;
    let farAdmin: Browser;
    let teacher: Browser;
    let term: number;

    /** Marks the enrolled children of an offering at its meeting on a day, in enrolment order. */
    async function markDay(offering: number, day: string, marks: AttendanceMark[]) {
      const meeting = await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', day).executeTakeFirstOrThrow();
      const children = await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offering).where('status', '=', 'enrolled').orderBy('child_id').execute();
      await handle.db
        .insertInto('attendance_marks')
        .values(marks.map((mark, index) => ({ meeting_id: meeting.id, child_id: children[index]!.child_id, mark, marked_at: '2026-11-20T10:00:00.000Z', note: null, marked_by: null, alert_state: null })))
        .execute();
    }

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const app = buildApp(handle, { clock: fixedClock('2026-11-26T10:00:00Z') }).app;
      const school = await createSchool(handle, 'cedar');
      const far = await createSchool(handle, 'pine');
      term = await createTerm(handle, school);
      // Robotics on Tuesday (4 of 5 seats) and Wednesday (2 of 4); programming on Tuesday (3 of 10).
      const roboticsTue = await createOffering(handle, term, { code: 'RT', title_zh: '周二机器人', category: 'robotics', capacity: 5 });
      const roboticsWed = await createOffering(handle, term, { code: 'RW', title_zh: '周三机器人', category: 'robotics', capacity: 4 }, [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }]);
      const scratch = await createOffering(handle, term, { code: 'PT', title_zh: '周二编程', category: 'programming', capacity: 10 }, [{ weekday: 2, startsAt: '17:40', endsAt: '18:40' }]);
      await fillOffering(handle, roboticsTue, school, { enrolled: 4, waitlisted: 0 });
      await fillOffering(handle, roboticsWed, school, { enrolled: 2, waitlisted: 0 });
      await fillOffering(handle, scratch, school, { enrolled: 3, waitlisted: 0 });
      // Week of 9 Nov: RT P P A E; RW P L.   Week of 16 Nov: RT P A A P; PT P P P.   Week of 23 Nov: RT P A P P.
      await markDay(roboticsTue, '2026-11-10', ['present', 'present', 'absent', 'excused']);
      await markDay(roboticsWed, '2026-11-11', ['present', 'late']);
      await markDay(roboticsTue, '2026-11-17', ['present', 'absent', 'absent', 'present']);
      await markDay(scratch, '2026-11-17', ['present', 'present', 'present']);
      await markDay(roboticsTue, '2026-11-24', ['present', 'absent', 'present', 'present']);
      // A mark after "today" is not counted.
      await markDay(scratch, '2026-12-01', ['absent', 'absent', 'absent']);

      admin = new Browser(app);
      farAdmin = new Browser(app);
      teacher = new Browser(app);
      await signIn(handle, admin, await createUser(handle, { login: 'report-admin@example.com', role: 'school_admin', schoolId: school }));
      await signIn(handle, farAdmin, await createUser(handle, { login: 'report-far@example.com', role: 'school_admin', schoolId: far }));
      await signIn(handle, teacher, await createUser(handle, { login: 'report-teacher@example.com', role: 'teacher', schoolId: school }));
    });
    afterAll(() => handle.drop());

    it('shows the hand-computed figures with both charts', async () => {
      const response = await admin.get(`/admin/terms/${term}/attendance`);
      expect(response.status).toBe(200);
      const html = await response.text();
      // All: attended 2+2+2+3+3 = 12 of 16 expected (the excused one left out) → 75 %; seats 9 of 19 → 47.4 %.
      expect(html).toContain('出勤率 75% · 报满率 47.4% · 已录取 9 / 19 个名额');
      // Robotics: 9 of 13 → 69.2 %; programming 3 of 3 → 100 %.
      expect(html).toMatch(/机器人<\/text>.*?69\.2%/s);
      expect(html).toMatch(/编程<\/text>.*?100%/s);
      // Weekly: 9 Nov 4/5 = 80 %, 16 Nov 5/7 = 71.4 %, 23 Nov 3/4 = 75 %.
      expect(html.match(/<circle /g)).toHaveLength(3);
      expect(html).toContain('11月9日 当周: 80%');
      expect(html).toContain('11月16日 当周: 71.4%');
      // Child 2 of the Tuesday robotics course missed 17 and 24 Nov: two, not flagged; nobody reaches three.
      expect(html).toContain('没有学生无故缺勤 3 次及以上');
    });

    it('flags a child with a third unexcused absence', async () => {
      const roboticsTue = (await handle.db.selectFrom('offerings').select('id').where('code', '=', 'RT').executeTakeFirstOrThrow()).id;
      const children = await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', roboticsTue).orderBy('child_id').execute();
      const meeting = await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', roboticsTue).where('day', '=', '2026-11-03').executeTakeFirstOrThrow();
      await handle.db.insertInto('attendance_marks').values({ meeting_id: meeting.id, child_id: children[1]!.child_id, mark: 'absent', marked_at: '2026-11-03T10:00:00.000Z', note: null, marked_by: null, alert_state: null }).execute();
      const html = await (await admin.get(`/admin/terms/${term}/attendance`)).text();
      expect(html).toContain('无故缺勤 3 次及以上的学生');
      expect(html).toMatch(/<th scope="row">孩子\d+-1<\/th><td>周二机器人<\/td><td class="num">3<\/td>/);
      await handle.db.deleteFrom('attendance_marks').where('meeting_id', '=', meeting.id).execute();
    });

    it('filters by category and by weekday', async () => {
      const programming = await (await admin.get(`/admin/terms/${term}/attendance?category=programming`)).text();
      expect(programming).toContain('周二编程');
      expect(programming).not.toContain('周三机器人');
      expect(programming).toContain('出勤率 100% · 报满率 30%');
      const wednesday = await (await admin.get(`/admin/terms/${term}/attendance?weekday=3`)).text();
      expect(wednesday).toContain('周三机器人');
      expect(wednesday).not.toContain('周二机器人');
      const bad = await admin.get(`/admin/terms/${term}/attendance?weekday=9`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('筛选条件无效');
    });

    it('exports the same figures as CSV, with a BOM for Excel and the filters applied', async () => {
      const response = await admin.get(`/admin/terms/${term}/attendance.csv?category=robotics`);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trim().split('\n');
      expect(lines[0]).toBe('层级,编号,名称,类别,已录取,名额,报满率,出勤,迟到,缺勤,请假,出勤率,缺勤 3 次以上');
      expect(lines).toContain('课程,RT,周二机器人,机器人,4,5,80%,7,0,4,1,63.6%,0');
      expect(lines).toContain('合计,,,,6,9,66.7%,8,1,4,1,69.2%,0');
      expect(lines.some((line) => line.includes('周二编程'))).toBe(false);
    });

    it('is for the admins of that school only', async () => {
      expect((await farAdmin.get(`/admin/terms/${term}/attendance`)).status).toBe(404);
      expect((await farAdmin.get(`/admin/terms/${term}/attendance.csv`)).status).toBe(404);
      expect((await teacher.get(`/admin/terms/${term}/attendance`)).status).toBe(403);
      expect((await admin.get('/admin/terms/999999/attendance')).status).toBe(404);
    });
  });
}
