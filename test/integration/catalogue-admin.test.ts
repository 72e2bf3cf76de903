// Catalogue management: terms and offerings of one's own school, meetings that follow slots and holidays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const TERM = {
  name_zh: '2027 春季学期',
  name_en: 'Spring 2027',
  first_day: '2027-02-22',
  last_day: '2027-06-25',
  opens_at: '2027-02-01T08:00',
  closes_at: '2027-02-15T20:00',
  mode: 'first_come',
  course_limit: '3',
  choice_limit: '3',
  holidays: '2027-04-05 清明节\n2027-05-04 青年节',
};

const OFFERING = {
  code: 'ART-01',
  kind: 'course',
  category: 'steam',
  title_zh: '创意电路画',
  title_en: 'Circuit Art',
  description_zh: '用铜箔和 LED 做会发光的画。',
  description_en: '',
  teacher: '',
  room: '综合楼 301',
  capacity: '20',
  grade_min: '2',
  grade_max: '5',
  fee: '300',
  slot_weekday: ['2', '4', ''],
  slot_start: ['16:00', '16:00', ''],
  slot_end: ['17:00', '17:00', ''],
};

for (const dialect of DIALECTS) {
  describe(`catalogue admin on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let adminA: Browser;
    let schoolA: number;
    let schoolB: number;
    let termB: number;
    let offeringB: number;
    let teacherA: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      // Friday 27 November 2026 in Shanghai.
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      schoolA = await createSchool(handle, 'oak');
      schoolB = await createSchool(handle, 'pine');
      teacherA = await createUser(handle, { login: 'teacher-oak@example.com', name: '欧老师', role: 'teacher', schoolId: schoolA });
      adminA = new Browser(app);
      await signIn(handle, adminA, await createUser(handle, { login: 'admin-oak@example.com', role: 'school_admin', schoolId: schoolA }));
      termB = await createTerm(handle, schoolB);
      offeringB = await createOffering(handle, termB, { code: 'PINE-1', title_zh: '松树学校的课' });
    });
    afterAll(() => handle.drop());

    const termCount = async () => (await handle.db.selectFrom('terms').select('id').execute()).length;
    const offeringCount = async () => (await handle.db.selectFrom('offerings').select('id').execute()).length;

    describe('terms', () => {
      it('creates a term with its holidays and enrolment window in the district time zone', async () => {
        const response = await adminA.post(`/admin/schools/${schoolA}/terms`, TERM);
        expect(response.status).toBe(303);
        const term = await handle.db.selectFrom('terms').selectAll().where('school_id', '=', schoolA).executeTakeFirstOrThrow();
        expect(response.headers.get('location')).toBe(`/admin/terms/${term.id}`);
        expect(term.enrol_opens_at).toBe('2027-02-01T00:00:00.000Z'); // 08:00 in Shanghai
        const holidays = await handle.db.selectFrom('term_holidays').select(['day', 'name_zh']).where('term_id', '=', term.id).orderBy('day').execute();
        expect(holidays).toEqual([
          { day: '2027-04-05', name_zh: '清明节' },
          { day: '2027-05-04', name_zh: '青年节' },
        ]);
      });

      const badTerms: [string, Partial<typeof TERM>, string][] = [
        ['a last day before the first', { last_day: '2027-02-01' }, '最后一天必须晚于第一天'],
        ['a window that closes before it opens', { closes_at: '2027-01-01T08:00' }, '报名截止时间必须晚于开始时间'],
        ['a holiday outside the term', { holidays: '2027-08-01 暑假' }, '假期必须在学期之内'],
        ['a holiday line it cannot read', { holidays: '2027-04-05 清明节\n四月五号' }, '第 2 行看不懂'],
        ['a date that does not exist', { first_day: '2027-02-30' }, '请填写有效日期'],
        ['a course limit of zero', { course_limit: '0' }, '请填 1 到 20 之间的整数'],
      ];
      for (const [what, change, message] of badTerms) {
        it(`refuses ${what} with 422 at the field and writes nothing`, async () => {
          const before = await termCount();
          const response = await adminA.post(`/admin/schools/${schoolA}/terms`, { ...TERM, ...change });
          expect(response.status).toBe(422);
          expect(await response.text()).toContain(message);
          expect(await termCount()).toBe(before);
        });
      }
    });

    describe('another school is out of reach', () => {
      it("gives an admin of school A 404 for school B's terms and offerings, and changes nothing", async () => {
        const before = await handle.db.selectFrom('offerings').selectAll().where('id', '=', offeringB).executeTakeFirstOrThrow();
        const attempts = [
          await adminA.get(`/admin/schools/${schoolB}`),
          await adminA.post(`/admin/schools/${schoolB}/terms`, TERM),
          await adminA.get(`/admin/terms/${termB}`),
          await adminA.post(`/admin/terms/${termB}`, TERM),
          await adminA.get(`/admin/terms/${termB}/offerings/new`),
          await adminA.post(`/admin/terms/${termB}/offerings`, OFFERING),
          await adminA.get(`/admin/offerings/${offeringB}`),
          await adminA.post(`/admin/offerings/${offeringB}`, { ...OFFERING, code: 'PINE-1', title_zh: '改掉' }),
          await adminA.post(`/admin/offerings/${offeringB}/status`, { status: 'archived' }),
          await adminA.post(`/admin/offerings/${offeringB}/validate`, OFFERING),
        ];
        expect(attempts.map((response) => response.status)).toEqual(attempts.map(() => 404));
        const after = await handle.db.selectFrom('offerings').selectAll().where('id', '=', offeringB).executeTakeFirstOrThrow();
        expect(after).toEqual(before);
        expect((await handle.db.selectFrom('terms').select('id').where('school_id', '=', schoolB).execute()).length).toBe(1);
      });

      it('refuses parents and teachers with 403 and sends visitors to log in', async () => {
        for (const role of ['parent', 'teacher'] as const) {
          const browser = new Browser(app);
          await signIn(handle, browser, await createUser(handle, { login: `${role}-admin-try@example.com`, role, schoolId: role === 'teacher' ? schoolA : null }));
          expect((await browser.get(`/admin/schools/${schoolA}`)).status).toBe(403);
          expect((await browser.post(`/admin/schools/${schoolA}/terms`, TERM)).status).toBe(403);
        }
        expect((await new Browser(app).get('/admin')).status).toBe(303);
      });

      it('lets the district admin manage every school', async () => {
        const district = new Browser(app);
        await signIn(handle, district, await createUser(handle, { login: 'district-admin@example.com', role: 'district_admin' }));
        const list = await (await district.get('/admin')).text();
        expect(list).toContain(`/admin/schools/${schoolA}`);
        expect(list).toContain(`/admin/schools/${schoolB}`);
        expect((await district.get(`/admin/terms/${termB}`)).status).toBe(200);
      });
    });

    describe('offerings', () => {
      let termA: number;
      let offeringId: number;

      beforeAll(async () => {
        termA = (await handle.db.selectFrom('terms').select('id').where('school_id', '=', schoolA).executeTakeFirstOrThrow()).id;
      });

      const meetings = (id: number) =>
        handle.db.selectFrom('meetings').select(['id', 'day', 'starts_at', 'status']).where('offering_id', '=', id).orderBy('day').orderBy('starts_at').execute();

      it('creates a draft with its slots and generates a meeting for every slot day except holidays', async () => {
        const response = await adminA.post(`/admin/terms/${termA}/offerings`, { ...OFFERING, teacher: String(teacherA) });
        expect(response.status).toBe(303);
        offeringId = Number(response.headers.get('location')!.split('/').at(-1));
        const row = await handle.db.selectFrom('offerings').selectAll().where('id', '=', offeringId).executeTakeFirstOrThrow();
        expect(row).toMatchObject({ status: 'draft', fee_cents: 30000, capacity: 20, teacher_id: teacherA });
        const days = (await meetings(offeringId)).map((meeting) => meeting.day);
        expect(days[0]).toBe('2027-02-23'); // the first Tuesday
        expect(days).not.toContain('2027-05-04'); // a Tuesday holiday
        // 18 weeks of Tuesdays and Thursdays, less the one holiday that falls on them.
        expect(days).toHaveLength(35);
        expect((await new Browser(app).get(`/offerings/${offeringId}`)).status).toBe(404);
      });

      it('publishes, and the offering appears in the public catalogue; archiving takes it away', async () => {
        // The term must be current for the public page: pretend it is spring.
        const spring = buildApp(handle, { clock: fixedClock('2027-03-01T02:00:00Z') }).app;
        expect((await adminA.post(`/admin/offerings/${offeringId}/status`, { status: 'published' })).status).toBe(303);
        expect(await (await new Browser(spring).get('/s/oak')).text()).toContain('创意电路画');
        await adminA.post(`/admin/offerings/${offeringId}/status`, { status: 'archived' });
        expect(await (await new Browser(spring).get('/s/oak')).text()).not.toContain('创意电路画');
        await adminA.post(`/admin/offerings/${offeringId}/status`, { status: 'published' });
      });

      const badOfferings: [string, Record<string, string | string[]>, string][] = [
        ['a slot that ends before it starts', { slot_weekday: ['2', '', ''], slot_start: ['17:00', '', ''], slot_end: ['16:00', '', ''] }, '下课时间必须晚于上课时间'],
        ['two slots that overlap', { slot_weekday: ['2', '2', ''], slot_start: ['16:00', '16:30', ''], slot_end: ['17:00', '17:30', ''] }, '两个上课时间不能重叠'],
        ['no slot at all', { slot_weekday: ['', '', ''], slot_start: ['', '', ''], slot_end: ['', '', ''] }, '至少填写一个上课时间'],
        ['grades the wrong way round', { grade_min: '5', grade_max: '2' }, '最高年级不能低于最低年级'],
        ['grades outside the school', { grade_min: '7', grade_max: '9' }, '年级须在本校的 1–6 年级之内'],
        ['a fee that is not money', { fee: '三百' }, '费用请填金额'],
        ['a code with spaces', { code: 'ART 01' }, '编号只能用字母'],
        ['a code the term already has', { code: 'ART-01' }, '本学期已经有这个编号了'],
        ['a teacher of another school', { teacher: '999999' }, '请选择本校的老师'],
        ['a negative capacity', { capacity: '-1' }, '请填写 0 到 500 之间的整数'],
      ];
      for (const [what, change, message] of badOfferings) {
        it(`refuses ${what} with 422 at the field and writes nothing`, async () => {
          const before = await offeringCount();
          const response = await adminA.post(`/admin/terms/${termA}/offerings`, { ...OFFERING, code: 'NEW-01', ...change });
          expect(response.status).toBe(422);
          expect(await response.text()).toContain(message);
          expect(await offeringCount()).toBe(before);
        });
      }

      it('checks the form inline without saving anything', async () => {
        const before = await offeringCount();
        const response = await adminA.post(`/admin/terms/${termA}/offerings/validate`, { ...OFFERING, code: 'NEW-02', grade_min: '5', grade_max: '2' }, { 'hx-request': 'true' });
        expect(response.status).toBe(422);
        const html = await response.text();
        // Only the fields' messages come back, each to swap into its own slot: no field is replaced while typed in.
        expect(html).not.toContain('<input');
        expect(html).not.toContain('<form');
        expect(html).toContain('<p class="field__error" id="offering-grade_max-error" hx-swap-oob="true">最高年级不能低于最低年级');
        expect(html).toContain('<p class="field__error" id="offering-code-error" hx-swap-oob="true"></p>');
        expect(html.match(/hx-swap-oob="true"/g)).toHaveLength(14);
        const fine = await adminA.post(`/admin/terms/${termA}/offerings/validate`, { ...OFFERING, code: 'NEW-02' }, { 'hx-request': 'true' });
        expect(fine.status).toBe(200);
        // A half-filled form is not nagged about the fields still empty, only about what is wrong.
        const started = await adminA.post(`/admin/terms/${termA}/offerings/validate`, { code: 'NEW-03', kind: 'course', category: 'ai', grade_min: '2', grade_max: '4' }, { 'hx-request': 'true' });
        expect(started.status).toBe(200);
        expect(await started.text()).not.toMatch(/hx-swap-oob="true">[^<]/);
        const wrongDay = await adminA.post(`/admin/terms/${termA}/offerings/validate`, { code: 'NEW-04', slot_weekday: ['', '', ''], slot_start: ['16:00', '', ''], slot_end: ['17:00', '', ''] }, { 'hx-request': 'true' });
        expect(await wrongDay.text()).toContain('请为每个填写的时间段选择星期');
        expect(await offeringCount()).toBe(before);
      });

      it('never lets the capacity fall below the seats already taken', async () => {
        await fillOffering(handle, offeringId, schoolA, { enrolled: 4, waitlisted: 0 });
        const response = await adminA.post(`/admin/offerings/${offeringId}`, { ...OFFERING, capacity: '3' });
        expect(response.status).toBe(422);
        expect(await response.text()).toContain('已有 4 名学生报上，名额不能少于 4');
        const row = await handle.db.selectFrom('offerings').select('capacity').where('id', '=', offeringId).executeTakeFirstOrThrow();
        expect(row.capacity).toBe(20);
      });

      it('moves the waitlist up at once when the capacity is raised, and tells the families', async () => {
        const full = await createOffering(handle, termA, { code: 'FULL-1', title_zh: '满员课', capacity: 2 });
        await fillOffering(handle, full, schoolA, { enrolled: 2, waitlisted: 3 });
        const response = await adminA.post(`/admin/offerings/${full}`, { ...OFFERING, code: 'FULL-1', capacity: '4' });
        expect(response.status).toBeLessThan(400);
        const rows = await handle.db.selectFrom('enrollments').select(['status', 'waitlist_position']).where('offering_id', '=', full).orderBy('id').execute();
        expect(rows.map((row) => [row.status, row.waitlist_position])).toEqual([
          ['enrolled', null],
          ['enrolled', null],
          ['enrolled', null],
          ['enrolled', null],
          ['waitlisted', 1],
        ]);
        const offering = await handle.db.selectFrom('offerings').select(['seats_taken', 'capacity']).where('id', '=', full).executeTakeFirstOrThrow();
        expect(offering).toEqual({ seats_taken: 4, capacity: 4 });
        const promoted = await handle.db.selectFrom('audit_events').select('action').where('action', '=', 'enrollment.promoted').execute();
        expect(promoted.length).toBeGreaterThanOrEqual(2);
      });

      it('moves future meetings to new slots, keeping past ones, ones with attendance, and still-valid cancellations', async () => {
        // Pretend the term has begun: mark today as 2027-03-10 (a Wednesday).
        const midTerm = buildApp(handle, { clock: fixedClock('2027-03-10T02:00:00Z') }).app;
        const admin = new Browser(midTerm);
        admin.cookies = new Map(adminA.cookies);
        const all = await meetings(offeringId);
        const past = all.filter((meeting) => meeting.day <= '2027-03-10');
        const markedFuture = all.find((meeting) => meeting.day === '2027-03-16')!; // a Tuesday
        const cancelledFuture = all.find((meeting) => meeting.day === '2027-03-18')!; // a Thursday
        const child = await handle.db.selectFrom('children').select('id').limit(1).executeTakeFirstOrThrow();
        await handle.db.insertInto('attendance_marks').values({ meeting_id: markedFuture.id, child_id: child.id, mark: 'present', marked_at: new Date().toISOString() }).execute();
        await handle.db.updateTable('meetings').set({ status: 'cancelled', reason: '停电' }).where('id', '=', cancelledFuture.id).execute();

        // Tuesday moves to Monday; Thursday stays.
        const response = await admin.post(`/admin/offerings/${offeringId}`, { ...OFFERING, teacher: String(teacherA), slot_weekday: ['1', '4', ''] });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('已上的课和考勤不受影响');
        const after = await meetings(offeringId);
        for (const meeting of past) expect(after.find((one) => one.id === meeting.id)).toEqual(meeting);
        expect(after.find((one) => one.id === markedFuture.id)).toBeDefined();
        expect(after.find((one) => one.id === cancelledFuture.id)?.status).toBe('cancelled');
        const future = after.filter((meeting) => meeting.day > '2027-03-10' && meeting.id !== markedFuture.id);
        const weekdays = new Set(future.map((meeting) => new Date(`${meeting.day}T00:00:00Z`).getUTCDay()));
        expect(weekdays).toEqual(new Set([1, 4]));
        expect(future.some((meeting) => meeting.day === '2027-04-05')).toBe(false); // Monday holiday skipped
      });

      it('drops future meetings that fall on a newly added holiday', async () => {
        const midTerm = buildApp(handle, { clock: fixedClock('2027-03-10T02:00:00Z') }).app;
        const admin = new Browser(midTerm);
        admin.cookies = new Map(adminA.cookies);
        const response = await admin.post(`/admin/terms/${termA}`, { ...TERM, holidays: `${TERM.holidays}\n2027-03-22 运动会` });
        expect(response.status).toBe(200);
        expect((await meetings(offeringId)).some((meeting) => meeting.day === '2027-03-22')).toBe(false);
      });

      it('lists the term with search and sort', async () => {
        await createOffering(handle, termA, { code: 'ZZZ-9', title_zh: '阿尔法编程', capacity: 10, seats_taken: 0, status: 'draft' });
        const byCode = await (await adminA.get(`/admin/terms/${termA}`)).text();
        expect(byCode.indexOf('ART-01')).toBeLessThan(byCode.indexOf('ZZZ-9'));
        const search = await (await adminA.get(`/admin/terms/${termA}?q=${encodeURIComponent('阿尔法')}`)).text();
        expect(search).toContain('ZZZ-9');
        expect(search).not.toContain('ART-01');
        const byFill = await (await adminA.get(`/admin/terms/${termA}?sort=fill`)).text();
        expect(byFill.indexOf('ART-01')).toBeLessThan(byFill.indexOf('ZZZ-9'));
      });

      it('copies an offering into another term as a draft, with its slots and new meetings', async () => {
        const nextTerm = await createTerm(handle, schoolA, { name_zh: '2027 秋季学期', first_day: '2027-09-01', last_day: '2028-01-15' });
        const response = await adminA.post(`/admin/offerings/${offeringId}/duplicate`, { term: String(nextTerm) });
        expect(response.status).toBe(303);
        const copyId = Number(/\/admin\/offerings\/(\d+)/.exec(response.headers.get('location')!)![1]);
        const copy = await handle.db.selectFrom('offerings').selectAll().where('id', '=', copyId).executeTakeFirstOrThrow();
        expect(copy).toMatchObject({ term_id: nextTerm, code: 'ART-01', status: 'draft', seats_taken: 0, title_zh: '创意电路画' });
        const copyMeetings = await meetings(copyId);
        expect(copyMeetings.length).toBeGreaterThan(0);
        expect(copyMeetings.every((meeting) => meeting.day >= '2027-09-01')).toBe(true);
        expect(await (await adminA.get(response.headers.get('location')!)).text()).toContain('已复制为草稿');
      });

      describe('one meeting at a time', () => {
        const upcoming = async () =>
          handle.db.selectFrom('meetings').selectAll().where('offering_id', '=', offeringId).where('day', '>', '2027-03-20').orderBy('day').execute();
        let spring: ReturnType<typeof buildApp>['app'];
        let admin: Browser;
        beforeAll(() => {
          spring = buildApp(handle, { clock: fixedClock('2027-03-10T02:00:00Z') }).app;
          admin = new Browser(spring);
          admin.cookies = new Map(adminA.cookies);
        });

        it('cancels a meeting with a reason that parents then see', async () => {
          const [meeting] = await upcoming();
          const response = await admin.post(`/admin/meetings/${meeting!.id}/cancel`, { reason: '教师外出培训' });
          expect(response.status).toBe(303);
          const row = await handle.db.selectFrom('meetings').selectAll().where('id', '=', meeting!.id).executeTakeFirstOrThrow();
          expect(row).toMatchObject({ status: 'cancelled', reason: '教师外出培训' });
          const page = await (await new Browser(spring).get(`/offerings/${offeringId}`)).text();
          expect(page).toContain('原因：教师外出培训');
          expect(await (await admin.get(response.headers.get('location')!)).text()).toContain('已更新这次课的安排');
        });

        it('moves a meeting to another day: the old one says where it went, the new one is on the list', async () => {
          const [, meeting] = await upcoming();
          const response = await admin.post(`/admin/meetings/${meeting!.id}/move`, { day: '2027-03-27', start: '09:00', end: '10:00', reason: '场地维修' });
          expect(response.status).toBe(303);
          const old = await handle.db.selectFrom('meetings').selectAll().where('id', '=', meeting!.id).executeTakeFirstOrThrow();
          expect(old).toMatchObject({ status: 'moved', moved_to_day: '2027-03-27', reason: '场地维修' });
          const added = await handle.db.selectFrom('meetings').selectAll().where('offering_id', '=', offeringId).where('day', '=', '2027-03-27').executeTakeFirstOrThrow();
          expect(added).toMatchObject({ status: 'scheduled', starts_at: '09:00', ends_at: '10:00' });
        });

        it('keeps cancellations and made-up meetings when the slots are saved again', async () => {
          const before = await upcoming();
          await admin.post(`/admin/offerings/${offeringId}`, { ...OFFERING, teacher: String(teacherA), slot_weekday: ['1', '4', ''] });
          const after = await upcoming();
          for (const meeting of before.filter((one) => one.status !== 'scheduled' || one.reason !== null)) {
            expect(after.find((one) => one.id === meeting.id)).toMatchObject({ status: meeting.status, reason: meeting.reason });
          }
        });

        it('reinstates a cancelled meeting', async () => {
          const cancelled = (await upcoming()).find((meeting) => meeting.status === 'cancelled')!;
          expect((await admin.post(`/admin/meetings/${cancelled.id}/reinstate`, {})).status).toBe(303);
          const row = await handle.db.selectFrom('meetings').selectAll().where('id', '=', cancelled.id).executeTakeFirstOrThrow();
          expect(row).toMatchObject({ status: 'scheduled', reason: null });
        });

        it('refuses a change without a reason, a move outside the term and any change to a past meeting, writing nothing', async () => {
          const [meeting] = (await upcoming()).filter((one) => one.status === 'scheduled');
          const noReason = await admin.post(`/admin/meetings/${meeting!.id}/cancel`, { reason: ' ' });
          expect(noReason.status).toBe(422);
          expect(await noReason.text()).toContain('请写明原因');
          const outside = await admin.post(`/admin/meetings/${meeting!.id}/move`, { day: '2027-08-01', start: '09:00', end: '10:00', reason: '暑假补课' });
          expect(outside.status).toBe(422);
          expect(await outside.text()).toContain('新日期须在本学期之内');
          const past = await handle.db.selectFrom('meetings').selectAll().where('offering_id', '=', offeringId).where('day', '<', '2027-03-10').limit(1).executeTakeFirstOrThrow();
          const pastChange = await admin.post(`/admin/meetings/${past.id}/cancel`, { reason: '补记' });
          expect(pastChange.status).toBe(422);
          expect(await pastChange.text()).toContain('已经上过的课不能再取消或调课');
          const rows = await handle.db.selectFrom('meetings').selectAll().where('id', 'in', [meeting!.id, past.id]).orderBy('id').execute();
          expect(rows.every((row) => row.status === 'scheduled')).toBe(true);
        });

        it("answers 404 for another school's meeting", async () => {
          const other = await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offeringB).limit(1).executeTakeFirstOrThrow();
          expect((await admin.post(`/admin/meetings/${other.id}/cancel`, { reason: '越权' })).status).toBe(404);
          const row = await handle.db.selectFrom('meetings').selectAll().where('id', '=', other.id).executeTakeFirstOrThrow();
          expect(row.status).toBe('scheduled');
        });
      });

      it("shows a teacher their own offerings and nobody else's", async () => {
        const teacher = new Browser(app);
        await signIn(handle, teacher, teacherA);
        const html = await (await teacher.get('/teach/offerings')).text();
        expect(html).toContain('创意电路画');
        expect(html).not.toContain('阿尔法编程');
        expect(html).not.toContain('松树学校的课');
      });
    });
  });
}
