// Teacher hours (教师课时) for the district and for a school, checked against a hand-counted fixture: a meeting moved
// across a month boundary, a cancelled one, taken and untaken rolls, an excused absence, an archived offering, two
// schools; the month picker's refusals; who may see which.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceMark } from '../../src/db/schema.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];

for (const dialect of DIALECTS) {
  describe(`teacher hours on ${dialect}`, () => {
    let handle: TestDatabase;
    let district: Browser;
    let districtEn: Browser;
    let cedarAdmin: Browser;
    let pineAdmin: Browser;
    let teacher: Browser;
    let cedar: number;

    async function meetingOn(offering: number, day: string) {
      return (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', day).executeTakeFirstOrThrow()).id;
    }

    /** Marks the offering's enrolled children at the meeting, in enrolment order. */
    async function takeRoll(offering: number, meeting: number, marks: AttendanceMark[]) {
      const children = await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offering).where('status', '=', 'enrolled').orderBy('child_id').execute();
      await handle.db
        .insertInto('attendance_marks')
        .values(marks.map((mark, index) => ({ meeting_id: meeting, child_id: children[index]!.child_id, mark, marked_at: '2026-01-20T10:00:00.000Z', note: null, marked_by: null, alert_state: null })))
        .execute();
    }

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      // Tuesday 10 February 2026, 16:00 in Shanghai: that day's meetings count as held, the 11th's do not.
      const app = buildApp(handle, { clock: fixedClock('2026-02-10T08:00:00Z') }).app;
      cedar = await createSchool(handle, 'cedar');
      const pine = await createSchool(handle, 'pine');
      const zhang = await createUser(handle, { login: 'zhang@example.com', name: '张老师', role: 'teacher', schoolId: cedar });
      const li = await createUser(handle, { login: 'li@example.com', name: '李老师', role: 'teacher', schoolId: cedar });
      const wang = await createUser(handle, { login: 'wang@example.com', name: '王老师', role: 'teacher', schoolId: pine });
      const days = { first_day: '2026-01-26', last_day: '2026-02-13' };
      const cedarTerm = await createTerm(handle, cedar, days);
      const pineTerm = await createTerm(handle, pine, days);
      // Robotics (张), Tuesdays 16:00–17:30: 27 Jan, 3 Feb, 10 Feb.
      const robotics = await createOffering(handle, cedarTerm, { code: 'R1', title_zh: '机器人', teacher_id: zhang }, [{ weekday: 2, startsAt: '16:00', endsAt: '17:30' }]);
      // Programming (张), Thursdays 15:30–16:30: 29 Jan, 5 Feb (cancelled), 12 Feb (to come).
      const programming = await createOffering(handle, cedarTerm, { code: 'P1', title_zh: '编程', teacher_id: zhang }, [{ weekday: 4, startsAt: '15:30', endsAt: '16:30' }]);
      // Cubing (李), Fridays 16:00–17:00: 30 Jan moved to Monday 2 Feb 16:00–17:30, 6 Feb, 13 Feb (to come).
      const cubing = await createOffering(handle, cedarTerm, { code: 'C1', title_zh: '趣味魔方', teacher_id: li }, [{ weekday: 5, startsAt: '16:00', endsAt: '17:00' }]);
      // Hydroponics (李), Mondays 16:00–17:00, archived since: 26 Jan and 9 Feb untaken, 2 Feb taken.
      const hydroponics = await createOffering(handle, cedarTerm, { code: 'H1', title_zh: '无土栽培', teacher_id: li, status: 'archived' }, [{ weekday: 1, startsAt: '16:00', endsAt: '17:00' }]);
      // Making (王, the other school), Wednesdays 16:00–17:00: 28 Jan, 4 Feb, 11 Feb (to come).
      const making = await createOffering(handle, pineTerm, { code: 'M1', title_zh: '创客智造', teacher_id: wang }, [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }]);
      for (const [offering, school] of [[robotics, cedar], [programming, cedar], [cubing, cedar], [hydroponics, cedar], [making, pine]] as const) {
        await fillOffering(handle, offering, school, { enrolled: 4, waitlisted: 0 });
      }

      await handle.db.updateTable('meetings').set({ status: 'cancelled', reason: '停电' }).where('id', '=', await meetingOn(programming, '2026-02-05')).execute();
      await handle.db.updateTable('meetings').set({ status: 'moved', reason: '运动会', moved_to_day: '2026-02-02' }).where('id', '=', await meetingOn(cubing, '2026-01-30')).execute();
      await handle.db.insertInto('meetings').values({ offering_id: cubing, day: '2026-02-02', starts_at: '16:00', ends_at: '17:30', reason: '运动会' }).execute();

      // January: robotics 27 Jan present, late, absent, excused (2 present); programming 29 Jan 2 present; making 28 Jan untaken.
      await takeRoll(robotics, await meetingOn(robotics, '2026-01-27'), ['present', 'late', 'absent', 'excused']);
      await takeRoll(programming, await meetingOn(programming, '2026-01-29'), ['present', 'present']);
      // February: robotics 3 Feb untaken, 10 Feb 3 present; cubing's moved meeting 1 present (one excused), 6 Feb untaken;
      // hydroponics 2 Feb 1 present; making 4 Feb 3 present.
      await takeRoll(robotics, await meetingOn(robotics, '2026-02-10'), ['present', 'present', 'late', 'absent']);
      await takeRoll(cubing, await meetingOn(cubing, '2026-02-02'), ['present', 'excused']);
      await takeRoll(hydroponics, await meetingOn(hydroponics, '2026-02-02'), ['present']);
      await takeRoll(making, await meetingOn(making, '2026-02-04'), ['present', 'present', 'present']);

      district = new Browser(app, { lang: 'zh-CN' });
      districtEn = new Browser(app, { lang: 'en' });
      cedarAdmin = new Browser(app, { lang: 'zh-CN' });
      pineAdmin = new Browser(app, { lang: 'zh-CN' });
      teacher = new Browser(app, { lang: 'zh-CN' });
      const districtId = await createUser(handle, { login: 'district@example.com', role: 'district_admin' });
      await signIn(handle, district, districtId);
      await signIn(handle, districtEn, districtId);
      await signIn(handle, cedarAdmin, await createUser(handle, { login: 'cedar-admin@example.com', role: 'school_admin', schoolId: cedar }));
      await signIn(handle, pineAdmin, await createUser(handle, { login: 'pine-admin@example.com', role: 'school_admin', schoolId: pine }));
      await signIn(handle, teacher, zhang);
    });
    afterAll(() => handle.drop());

    it("counts February's held meetings: the moved one on its new day, not the cancelled one, nothing after today", async () => {
      const response = await district.get('/admin/district/teacher-hours.csv?month=2026-02');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('district-teacher-hours-2026-02.csv');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)], 'a UTF-8 byte-order mark for Excel and WPS').toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(csvRows(text)).toEqual([
        ['月份', '老师', '学校', '课程代码', '课程名称', '已上次数', '已点名次数', '课时（小时）', '平均到课人数'],
        // 李: cubing 2 Feb (moved in, 90 min, 1 present) + 6 Feb (60 min, untaken); 13 Feb is to come.
        ['2026-02', '李老师', 'cedar学校', 'C1', '趣味魔方', '2', '1', '2.5', '1'],
        // 李: archived hydroponics counts only its taken roll (2 Feb); 9 Feb nobody held.
        ['2026-02', '李老师', 'cedar学校', 'H1', '无土栽培', '1', '1', '1', '1'],
        // 王: making 4 Feb (3 present); 11 Feb is to come.
        ['2026-02', '王老师', 'pine学校', 'M1', '创客智造', '1', '1', '1', '3'],
        // 张: robotics 3 Feb (untaken) + 10 Feb today (present, present, late: 3) = 2 × 90 min; programming's 5 Feb was
        // cancelled and 12 Feb is to come, so programming has no February row.
        ['2026-02', '张老师', 'cedar学校', 'R1', '机器人', '2', '1', '3', '3'],
      ]);
    });

    it("counts January without the meeting moved out of it, an untaken roll's hours but no average", async () => {
      const text = await (await district.get('/admin/district/teacher-hours.csv?month=2026-01')).text();
      expect(csvRows(text).slice(1)).toEqual([
        ['2026-01', '王老师', 'pine学校', 'M1', '创客智造', '1', '0', '1', ''],
        // present + late of four (one absent, one excused): 2 present.
        ['2026-01', '张老师', 'cedar学校', 'P1', '编程', '1', '1', '1', '2'],
        ['2026-01', '张老师', 'cedar学校', 'R1', '机器人', '1', '1', '1.5', '2'],
      ]);
    });

    it('shows the totals per teacher on the page, with the month picker and the CSV link', async () => {
      const response = await district.get('/admin/district/teacher-hours?month=2026-02');
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('全区教师课时');
      expect(html).toMatch(/<input[^>]*name="month"[^>]*type="month"[^>]*value="2026-02"|<input[^>]*type="month"[^>]*value="2026-02"/);
      expect(html).toContain('href="/admin/district/teacher-hours.csv?month=2026-02"');
      // 3 teachers; 2 + 1 + 1 + 2 = 6 held; 2.5 + 1 + 1 + 3 = 7.5 hours; 4 rolls taken.
      expect(html).toContain('2026年2月：3 位老师，已上 6 次课，共 7.5 小时，其中 4 次已点名。');
      // 李 over two offerings: 3 held, 2 taken, 3.5 hours, (1 + 1) ÷ 2 = 1 present on average.
      expect(html).toMatch(/李老师<span class="muted hours-table__school"> cedar学校<\/span><\/span><\/th><td class="num" data-label="课时（小时）">3\.5<\/td><td class="num" data-label="已上次数">3<\/td><td class="num" data-label="已点名次数">2<\/td><td class="num" data-label="平均到课人数">1<\/td>/);
      expect(html).not.toContain('编程');
    });

    it('defaults to the current month', async () => {
      const html = await (await district.get('/admin/district/teacher-hours')).text();
      expect(html).toContain('value="2026-02"');
      expect(html).toContain('2026年2月：3 位老师');
    });

    it('speaks English, headers included', async () => {
      const html = await (await districtEn.get('/admin/district/teacher-hours?month=2026-01')).text();
      expect(html).toContain('January 2026: 2 teachers, 3 sessions held, 3.5 hours in all, 2 of them with the roll taken.');
      const rows = csvRows(await (await districtEn.get('/admin/district/teacher-hours.csv?month=2026-01')).text());
      expect(rows[0]).toEqual(['Month', 'Teacher', 'School', 'Code', 'Title', 'Sessions held', 'Rolls taken', 'Hours', 'Present on average']);
      expect(rows[1]).toEqual(['2026-01', '王老师', 'pine School', 'M1', '创客智造', '1', '0', '1', '']);
    });

    it("shows a school admin their own school's teachers only", async () => {
      const html = await (await cedarAdmin.get(`/admin/schools/${cedar}/teacher-hours?month=2026-02`)).text();
      expect(html).toContain('cedar学校 · 教师课时');
      expect(html).toContain('2026年2月：2 位老师，已上 5 次课，共 6.5 小时，其中 3 次已点名。');
      expect(html).not.toContain('王老师');
      const rows = csvRows(await (await cedarAdmin.get(`/admin/schools/${cedar}/teacher-hours.csv?month=2026-02`)).text());
      expect(rows.map((row) => row[4])).toEqual(['课程名称', '趣味魔方', '无土栽培', '机器人']);
      // The district admin sees the same school page.
      expect((await district.get(`/admin/schools/${cedar}/teacher-hours?month=2026-02`)).status).toBe(200);
    });

    it('refuses a month that is no month with the form and a translated message, and nothing else', async () => {
      for (const month of ['2026-13', '2026-2', 'February', '1999-12', '2026-02-01']) {
        for (const path of ['/admin/district/teacher-hours', '/admin/district/teacher-hours.csv', `/admin/schools/${cedar}/teacher-hours`, `/admin/schools/${cedar}/teacher-hours.csv`]) {
          const response = await district.get(`${path}?month=${encodeURIComponent(month)}`);
          expect(response.status, `${path} ${month}`).toBe(400);
          const html = await response.text();
          expect(html).toContain('请选择一个月份，格式如 2026-11。');
          expect(html).toContain('aria-invalid="true"');
          expect(html).not.toContain('<table');
          expect(html).not.toContain('下载 CSV');
        }
      }
      expect(await (await districtEn.get('/admin/district/teacher-hours?month=x')).text()).toContain('Choose a month, written like 2026-11.');
    });

    it('answers a month with nothing held yet with an empty page and a header-only CSV', async () => {
      expect(await (await district.get('/admin/district/teacher-hours?month=2026-03')).text()).toContain('这个月还没有已上的课。');
      expect(csvRows(await (await district.get('/admin/district/teacher-hours.csv?month=2026-03')).text())).toHaveLength(1);
    });

    it('lets only the district admin see the district, and only its admins (and the district) see a school', async () => {
      expect((await cedarAdmin.get('/admin/district/teacher-hours?month=2026-02')).status).toBe(403);
      expect((await cedarAdmin.get('/admin/district/teacher-hours.csv?month=2026-02')).status).toBe(403);
      expect((await teacher.get('/admin/district/teacher-hours')).status).toBe(403);
      expect((await pineAdmin.get(`/admin/schools/${cedar}/teacher-hours?month=2026-02`)).status).toBe(404);
      expect((await pineAdmin.get(`/admin/schools/${cedar}/teacher-hours.csv?month=2026-02`)).status).toBe(404);
      expect((await pineAdmin.get(`/admin/schools/${cedar}/teacher-hours?month=bad`)).status).toBe(404);
      expect((await teacher.get(`/admin/schools/${cedar}/teacher-hours`)).status).toBe(403);
      expect((await district.get('/admin/schools/999999/teacher-hours')).status).toBe(404);
    });

    it('names no child, so reading it writes no staff-read audit event', async () => {
      const before = await countRows(handle, 'audit_events');
      const html = await (await district.get('/admin/district/teacher-hours?month=2026-02')).text();
      await district.get('/admin/district/teacher-hours.csv?month=2026-02');
      expect(html).not.toContain('孩子');
      expect(await countRows(handle, 'audit_events')).toBe(before);
    });

    it('is linked from the district admin home and the school page', async () => {
      expect(await (await district.get('/admin')).text()).toContain('href="/admin/district/teacher-hours"');
      expect(await (await cedarAdmin.get(`/admin/schools/${cedar}`)).text()).toContain(`href="/admin/schools/${cedar}/teacher-hours"`);
    });
  });
}
