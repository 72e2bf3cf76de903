// The district's data portrait: figures checked against a hand-counted fixture of two schools (one first-come
// and open, one drawn lottery term checking a pupil list), against the sum of the schools' own catalogue.json,
// and against the school attendance report; filters, CSVs, and who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import type { AttendanceMark, EnrollmentStatus } from '../../src/db/schema.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const at = '2026-11-01T00:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`district portrait on ${dialect}`, () => {
    let handle: TestDatabase;
    let district: Browser;
    let schoolAdmin: Browser;
    let teacher: Browser;
    let parent: Browser;
    let termA: number;
    let oldTermA: number;

    async function child(school: number, name: string, grade: number) {
      return (await handle.db.insertInto('children').values({ name, school_id: school, grade, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    }
    async function place(offering: number, childId: number, status: EnrollmentStatus, extra: { position?: number; rank?: number } = {}) {
      await handle.db
        .insertInto('enrollments')
        .values({ offering_id: offering, child_id: childId, status, waitlist_position: extra.position ?? null, choice_rank: extra.rank ?? null, created_at: at, updated_at: at })
        .execute();
    }
    async function seats(offering: number, taken: number) {
      await handle.db.updateTable('offerings').set({ seats_taken: taken }).where('id', '=', offering).execute();
    }
    async function meeting(offering: number, day: string) {
      return (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', day).executeTakeFirstOrThrow()).id;
    }
    async function mark(meetingId: number, marks: [number, AttendanceMark][]) {
      await handle.db
        .insertInto('attendance_marks')
        .values(marks.map(([childId, value]) => ({ meeting_id: meetingId, child_id: childId, mark: value, marked_at: at, note: null, marked_by: null, alert_state: null })))
        .execute();
    }

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const app = buildApp(handle, { clock: fixedClock('2026-11-26T10:00:00Z') }).app;
      const cedar = await createSchool(handle, 'cedar');
      const pine = await createSchool(handle, 'pine', 'middle');
      await handle.db.updateTable('schools').set({ child_check: 'pupil_list' }).where('id', '=', pine).execute();

      // Cedar (open: children as parents registered them): grade 3 ×3, grade 4 ×2, grade 5 ×1.
      termA = await createTerm(handle, cedar);
      oldTermA = await createTerm(handle, cedar, { name_zh: '2025—2026 学年第二学期', name_en: 'Spring 2026', first_day: '2026-02-01', last_day: '2026-06-30' });
      const old = await createOffering(handle, oldTermA, { code: 'OLD', title_zh: '上学期机器人', capacity: 9 });
      void old;
      const [c1, c2, c3, c4, c5, c6] = [await child(cedar, '甲', 3), await child(cedar, '乙', 3), await child(cedar, '丙', 4), await child(cedar, '丁', 3), await child(cedar, '戊', 4), await child(cedar, '己', 5)];
      const a1 = await createOffering(handle, termA, { code: 'A1', title_zh: '机器人', kind: 'course', category: 'robotics', capacity: 3 });
      const a2 = await createOffering(handle, termA, { code: 'A2', title_zh: '编程社', kind: 'club', category: 'programming', capacity: 4 }, [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }]);
      await createOffering(handle, termA, { code: 'A3', title_zh: '草稿', category: 'robotics', capacity: 10, status: 'draft' });
      await createOffering(handle, termA, { code: 'A4', title_zh: '高年级机器人社', kind: 'club', category: 'robotics', capacity: 6, grade_min: 4, grade_max: 6 }, [{ weekday: 4, startsAt: '16:00', endsAt: '17:00' }]);
      for (const one of [c1!, c2!, c3!]) await place(a1, one, 'enrolled');
      await place(a1, c4!, 'waitlisted', { position: 1 });
      await place(a1, c5!, 'waitlisted', { position: 2 });
      await place(a1, c6!, 'withdrawn'); // withdrew by hand: wants nothing
      await seats(a1, 3);
      await place(a2, c1!, 'enrolled');
      await seats(a2, 1);

      // Pine (a drawn lottery term; 8 listed pupils: grade 7 ×5, grade 8 ×3; four children registered).
      const termB = await createTerm(handle, pine, { mode: 'lottery', enrol_opens_at: '2026-10-01T00:00:00.000Z', enrol_closes_at: '2026-10-15T00:00:00.000Z' });
      await handle.db
        .insertInto('pupils')
        .values([7, 7, 7, 7, 7, 8, 8, 8].map((grade, index) => ({ school_id: pine, number: `P${index}`, name: `学生${index}`, name_key: `学生${index}`, grade, class_name: null, created_at: at, updated_at: at })))
        .execute();
      const [d1, d2, d3, d4] = [await child(pine, '子', 7), await child(pine, '丑', 7), await child(pine, '寅', 8), await child(pine, '卯', 7)];
      const b1 = await createOffering(handle, termB, { code: 'B1', title_zh: '人工智能', category: 'ai', capacity: 2, grade_min: 7, grade_max: 9 });
      const b2 = await createOffering(handle, termB, { code: 'B2', title_zh: '机械结构', category: 'robotics', capacity: 5, grade_min: 7, grade_max: 9 }, [{ weekday: 5, startsAt: '16:00', endsAt: '17:00' }]);
      await place(b1, d1!, 'enrolled', { rank: 1 });
      await place(b1, d2!, 'enrolled', { rank: 1 });
      await place(b1, d3!, 'waitlisted', { rank: 1, position: 1 });
      await place(b1, d4!, 'withdrawn', { rank: 1 }); // the draw left this choice
      await seats(b1, 2);
      await place(b2, d4!, 'enrolled', { rank: 2 });
      await place(b2, d3!, 'withdrawn', { rank: 2 }); // the draw left this choice
      await seats(b2, 1);

      // The roll. A1 10 Nov: present, late, excused. A1 17 Nov cancelled. A1 24 Nov moved to 25 Nov: present, absent, present.
      await mark(await meeting(a1, '2026-11-10'), [[c1!, 'present'], [c2!, 'late'], [c3!, 'excused']]);
      await handle.db.updateTable('meetings').set({ status: 'cancelled', reason: '停电' }).where('id', '=', await meeting(a1, '2026-11-17')).execute();
      await handle.db.updateTable('meetings').set({ status: 'moved', reason: '运动会', moved_to_day: '2026-11-25' }).where('id', '=', await meeting(a1, '2026-11-24')).execute();
      const moved = (await handle.db.insertInto('meetings').values({ offering_id: a1, day: '2026-11-25', starts_at: '16:00', ends_at: '17:30' }).returning('id').executeTakeFirstOrThrow()).id;
      await mark(moved, [[c1!, 'present'], [c2!, 'absent'], [c3!, 'present']]);
      await mark(await meeting(a1, '2026-12-01'), [[c1!, 'absent']]); // after today: not counted
      // B1 17 Nov: present, absent; 10 Nov: two present from erased children (anonymous tally).
      await mark(await meeting(b1, '2026-11-17'), [[d1!, 'present'], [d2!, 'absent']]);
      await handle.db.insertInto('attendance_tallies').values({ meeting_id: await meeting(b1, '2026-11-10'), mark: 'present', count: 2 }).execute();

      district = new Browser(app);
      schoolAdmin = new Browser(app);
      teacher = new Browser(app);
      parent = new Browser(app);
      await signIn(handle, district, await createUser(handle, { login: 'district-portrait@example.com', role: 'district_admin' }));
      await signIn(handle, schoolAdmin, await createUser(handle, { login: 'cedar-admin@example.com', role: 'school_admin', schoolId: cedar }));
      await signIn(handle, teacher, await createUser(handle, { login: 'cedar-teacher@example.com', role: 'teacher', schoolId: cedar }));
      await signIn(handle, parent, await createUser(handle, { login: 'portrait-parent@example.com' }));
    });
    afterAll(() => handle.drop());

    async function json(path = '/admin/district.json') {
      const response = await district.get(path);
      expect(response.status).toBe(200);
      return (await response.json()) as {
        district: Record<string, number | null>;
        schools: (Record<string, number | null> & { slug: string; term: { id: number } | null })[];
        categories: (Record<string, number | null> & { category: string })[];
        grades: Record<string, number | null>[];
        unmet_demand: Record<string, number | string>[];
        weekly_attendance: { slug: string; weeks: { monday: string; attendance_rate: number | null }[] }[];
      };
    }

    it('counts each school and the district as counted by hand', async () => {
      const body = await json();
      const cedar = body.schools.find((school) => school.slug === 'cedar')!;
      const pine = body.schools.find((school) => school.slug === 'pine')!;
      expect(cedar).toMatchObject({ term: { id: termA }, offerings: 3, clubs: 2, courses: 1, seats: 13, enrolled: 4, waitlisted: 2, unmet: 0, children_with_seat: 3, children_known: 6, participation_rate: 0.5 });
      expect(cedar.fill_rate).toBeCloseTo(4 / 13);
      // Present 3, late 1, absent 1, excused 1 (left out): 4 of 5; the cancelled meeting has no marks, the moved one counts on its day.
      expect(cedar.attendance_rate).toBeCloseTo(0.8);
      // Pine keeps a pupil list: 3 children with a seat of 8 listed pupils; two lottery requests left by the draw.
      expect(pine).toMatchObject({ offerings: 2, clubs: 0, courses: 2, seats: 7, enrolled: 3, waitlisted: 1, unmet: 2, children_with_seat: 3, children_known: 8, participation_rate: 3 / 8 });
      expect(pine.attendance_rate).toBeCloseTo(0.75);
      expect(body.district).toMatchObject({ offerings: 5, seats: 20, enrolled: 7, waitlisted: 3, unmet: 2, children_with_seat: 6, children_known: 14, fill_rate: 7 / 20 });
      expect(body.district.participation_rate).toBeCloseTo(6 / 14);
      expect(body.district.attendance_rate).toBeCloseTo(7 / 9);
    });

    it('counts by category, by grade, and the unmet demand against free seats of the same category', async () => {
      const body = await json();
      const robotics = body.categories.find((row) => row.category === 'robotics')!;
      expect(robotics).toMatchObject({ offerings: 3, seats: 14, enrolled: 4, waitlisted: 2, unmet: 1, children_with_seat: 4 });
      expect(robotics.attendance_rate).toBeCloseTo(0.8);
      expect(body.categories.find((row) => row.category === 'ai')).toMatchObject({ seats: 2, enrolled: 2, waitlisted: 1, unmet: 1, attendance_rate: 0.75 });
      expect(body.grades).toEqual([
        { grade: 3, children_known: 3, children_with_seat: 2, participation_rate: 2 / 3, enrolled: 3, waitlisted: 1, unmet: 0 },
        { grade: 4, children_known: 2, children_with_seat: 1, participation_rate: 0.5, enrolled: 1, waitlisted: 1, unmet: 0 },
        { grade: 5, children_known: 1, children_with_seat: 0, participation_rate: 0, enrolled: 0, waitlisted: 0, unmet: 0 },
        { grade: 7, children_known: 5, children_with_seat: 3, participation_rate: 0.6, enrolled: 3, waitlisted: 0, unmet: 1 },
        { grade: 8, children_known: 3, children_with_seat: 0, participation_rate: 0, enrolled: 0, waitlisted: 1, unmet: 1 },
      ]);
      // d4 (grade 7) was left by the AI draw but holds a robotics seat: still waiting for AI. No free AI seat anywhere.
      expect(body.unmet_demand).toEqual([
        { category: 'robotics', grade: 3, children_waiting: 1, waitlisted: 1, unmet: 0, free_seats: 0 },
        { category: 'robotics', grade: 4, children_waiting: 1, waitlisted: 1, unmet: 0, free_seats: 6 },
        { category: 'robotics', grade: 8, children_waiting: 1, waitlisted: 0, unmet: 1, free_seats: 4 },
        { category: 'ai', grade: 7, children_waiting: 1, waitlisted: 0, unmet: 1, free_seats: 0 },
        { category: 'ai', grade: 8, children_waiting: 1, waitlisted: 1, unmet: 0, free_seats: 0 },
      ]);
      // Weekly: 9 Nov both 100 %; 16 Nov Pine 50 %, Cedar nothing (cancelled); 23 Nov Cedar 2 of 3.
      const cedarWeeks = body.weekly_attendance.find((row) => row.slug === 'cedar')!.weeks;
      expect(cedarWeeks.map((week) => week.monday)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
      expect(cedarWeeks[0]!.attendance_rate).toBe(1);
      expect(cedarWeeks[1]!.attendance_rate).toBeNull();
      expect(cedarWeeks[2]!.attendance_rate).toBeCloseTo(2 / 3);
      expect(body.weekly_attendance.find((row) => row.slug === 'pine')!.weeks.map((week) => week.attendance_rate)).toEqual([1, 0.5, null]);
    });

    it("adds up to the schools' own catalogue.json for the same term", async () => {
      const body = await json();
      const totals = { seats: 0, enrolled: 0, waitlisted: 0 };
      for (const school of body.schools) {
        const catalogue = (await (await district.get(`/s/${school.slug}/catalogue.json`)).json()) as { term: { id: number }; offerings: { capacity: number; enrolled: number; waitlisted: number }[] };
        expect(catalogue.term.id).toBe(school.term!.id);
        const sums = { seats: 0, enrolled: 0, waitlisted: 0 };
        for (const offering of catalogue.offerings) {
          sums.seats += offering.capacity;
          sums.enrolled += offering.enrolled;
          sums.waitlisted += offering.waitlisted;
        }
        expect({ seats: school.seats, enrolled: school.enrolled, waitlisted: school.waitlisted }).toEqual(sums);
        totals.seats += sums.seats;
        totals.enrolled += sums.enrolled;
        totals.waitlisted += sums.waitlisted;
      }
      expect({ seats: body.district.seats, enrolled: body.district.enrolled, waitlisted: body.district.waitlisted }).toEqual(totals);
    });

    it("gives the same attendance rate as the school's own report", async () => {
      const html = await (await schoolAdmin.get(`/admin/terms/${termA}/attendance`)).text();
      expect(html).toContain('出勤率 80%');
    });

    it('shows the page with its three charts, tables and a text alternative for each chart, in both languages', async () => {
      const response = await district.get('/admin/district');
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<h1>数据画像</h1>');
      expect(html.match(/<svg class="chart"[^>]*role="img"/g)).toHaveLength(3);
      expect(html).toContain('<title id="chart-participation-title">各校参与率</title>');
      expect(html).toMatch(/<desc id="chart-participation-desc">cedar学校 50%；pine学校 37.5%<\/desc>/);
      expect(html).toContain('共 5 个社团和课程（社团 2、课程 3）· 参与率 42.9% · 报满率 35% · 出勤率 77.8%');
      expect(html).not.toContain('甲'); // names no child
      const english = await (await district.get('/admin/district?lang=en')).text();
      expect(english).toContain('<h1>Data portrait</h1>');
      expect(english).toContain('Participation by school');
      await district.get('/admin/district?lang=zh-CN'); // the choice of language sticks to the account
    });

    it('answers htmx with the figures alone, and the district admin finds the page from /admin', async () => {
      const response = await district.get('/admin/district?category=ai', { 'HX-Request': 'true' });
      const html = await response.text();
      expect(html.startsWith('<section id="district-figures"')).toBe(true);
      expect(response.headers.get('vary')).toContain('HX-Request');
      expect(await (await district.get('/admin')).text()).toContain('href="/admin/district"');
      expect(await (await schoolAdmin.get('/admin/schools/1')).text()).not.toContain('href="/admin/district"');
    });

    it('filters by category, grade and a past term', async () => {
      const robotics = await json('/admin/district.json?category=robotics');
      expect(robotics.district).toMatchObject({ offerings: 3, seats: 14, enrolled: 4, waitlisted: 2, unmet: 1, children_with_seat: 4 });
      const grade8 = await json('/admin/district.json?grade=8');
      // Offerings open to grade 8 (both of Pine's); children of grade 8 only.
      expect(grade8.district).toMatchObject({ offerings: 2, seats: 7, children_known: 3, children_with_seat: 0, participation_rate: 0 });
      const past = await json(`/admin/district.json?term=${oldTermA}`);
      expect(past.schools.find((school) => school.slug === 'cedar')).toMatchObject({ term: { id: oldTermA }, offerings: 1, seats: 9, enrolled: 0 });
      expect(past.schools.find((school) => school.slug === 'pine')).toMatchObject({ term: null, offerings: 0, seats: 0 });
      const page = await (await district.get(`/admin/district?term=${oldTermA}`)).text();
      expect(page).toContain('2025—2026 学年第二学期');
    });

    it('refuses a filter that is not one of the choices with a message, and shows everything', async () => {
      for (const query of ['grade=x', 'category=cooking', 'term=abc', 'term=999999']) {
        const response = await district.get(`/admin/district?${query}`);
        expect(response.status, query).toBe(400);
        expect(await response.text()).toContain('筛选条件无效');
        expect((await district.get(`/admin/district.json?${query}`)).status).toBe(400);
      }
      expect((await district.get('/admin/district.csv?table=pupils')).status).toBe(400);
    });

    it('exports each table as CSV through the one writer', async () => {
      const read = async (table: string) => {
        const response = await district.get(`/admin/district.csv?table=${table}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/csv');
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
        expect(text.charCodeAt(0)).toBe(0xfeff);
        return text.slice(1).trim().split('\n');
      };
      const schools = await read('schools');
      expect(schools[0]).toBe('学校,学校代码,学期,社团和课程,社团,课程,名额,已录取,空余名额,候补,抽签未中,报满率,有名额的学生,已知学生,参与率,出勤,迟到,缺勤,请假,出勤率');
      expect(schools).toContain('pine学校,pine,2026—2027 学年第一学期,2,0,2,7,3,4,1,2,42.9%,3,8,37.5%,3,0,1,0,75%');
      expect(schools.at(-1)).toBe('全区,,,5,2,3,20,7,13,3,2,35%,6,14,42.9%,6,1,2,1,77.8%');
      expect(await read('categories')).toContain('人工智能,1,0,1,2,2,0,1,1,100%,2,14,14.3%,3,0,1,0,75%');
      expect(await read('grades')).toContain('7,5,3,60%,3,0,1');
      expect(await read('unmet')).toContain('机器人,4,1,1,0,6');
    });

    // SQLite only: PostgreSQL reads in place, through its pool.
    if (dialect === 'sqlite') it('computes the same figures on reader threads beside the server\'s thread, as the server does', async () => {
      const path = handle.target.dialect === 'sqlite' ? handle.target.path : '';
      const aside = openSqlite(path, { readersAside: 2 });
      try {
        const browser = new Browser(buildApp(aside, { clock: fixedClock('2026-11-26T10:00:00Z') }).app);
        await signIn(aside, browser, await createUser(aside, { login: 'district-aside@example.com', role: 'district_admin' }));
        for (const query of ['', '?category=robotics', `?term=${oldTermA}`, '?grade=7']) {
          const [here, there] = await Promise.all([json(`/admin/district.json${query}`), browser.get(`/admin/district.json${query}`).then((response) => response.json())]);
          expect(there, query).toEqual(here);
        }
      } finally {
        await aside.close();
      }
      // The readers are read-only: a write through them is refused.
      const reader = openSqlite(path, { readersAside: 1 });
      await expect(reader.readAside.all(handle.db.deleteFrom('children').returning('id'))).rejects.toThrow(/readonly/);
      await reader.close();
    });

    it('is for the district admin only', async () => {
      for (const path of ['/admin/district', '/admin/district.json', '/admin/district.csv?table=schools']) {
        expect((await schoolAdmin.get(path)).status, path).toBe(403);
        expect((await teacher.get(path)).status, path).toBe(403);
        expect((await parent.get(path)).status, path).toBe(403);
      }
    });
  });
}
