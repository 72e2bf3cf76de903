// Taking the roll over HTTP: who may open and mark a meeting, the edit window and its unlock, absence alerts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

// Tuesday 24 November 2026, 17:00 in Shanghai: the Tuesday 16:00 session is on.
const TUESDAY = '2026-11-24T09:00:00Z';
const htmx = { 'hx-request': 'true' };

for (const dialect of DIALECTS) {
  describe(`the roll on ${dialect}`, () => {
    let handle: TestDatabase;
    const clock = fixedClock(TUESDAY);
    let app: ReturnType<typeof buildApp>['app'];
    let teacher: Browser;
    let otherTeacher: Browser;
    let admin: Browser;
    let otherAdmin: Browser;
    let parent: Browser;
    let offering: number;
    let meeting: number;
    let nextMeeting: number;
    let child: number;
    let classmates: number[];
    let guardians: number[];

    const notices = async (kind: string) =>
      (await handle.db.selectFrom('notifications').select(['recipient_id', 'kind']).where('kind', '=', kind).execute()).map((row) => row.recipient_id).sort();
    const markOf = (childId: number) =>
      handle.db.selectFrom('attendance_marks').select(['mark', 'note', 'alert_state']).where('meeting_id', '=', meeting).where('child_id', '=', childId).executeTakeFirst();
    const mark = (browser: Browser, childId: number, value: string, extra: Record<string, string> = {}) =>
      browser.post(`/teach/meetings/${meeting}/marks`, { child: String(childId), mark: value, ...extra }, htmx);

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock }).app;
      const school = await createSchool(handle, 'maple');
      const otherSchool = await createSchool(handle, 'birch');
      const term = await createTerm(handle, school);
      const teacherId = await createUser(handle, { login: 'roll-teacher@example.com', role: 'teacher', schoolId: school });
      const otherTeacherId = await createUser(handle, { login: 'roll-other@example.com', role: 'teacher', schoolId: school });
      offering = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', title_en: 'Robotics', teacher_id: teacherId });
      await createOffering(handle, term, { code: 'ART', title_zh: '创意美术', teacher_id: otherTeacherId });
      meeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', '2026-11-24').executeTakeFirstOrThrow()).id;
      nextMeeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', '2026-12-01').executeTakeFirstOrThrow()).id;

      await fillOffering(handle, offering, school, { enrolled: 3, waitlisted: 1 });
      classmates = (await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offering).where('status', '=', 'enrolled').orderBy('child_id').execute()).map((row) => row.child_id);
      child = classmates[0]!;
      guardians = [await createUser(handle, { login: 'roll-mum@example.com' }), await createUser(handle, { login: 'roll-dad@example.com' })];
      await handle.db.insertInto('guardianships').values(guardians.map((user_id) => ({ user_id, child_id: child, created_at: TUESDAY }))).execute();

      teacher = new Browser(app);
      otherTeacher = new Browser(app);
      admin = new Browser(app);
      otherAdmin = new Browser(app);
      parent = new Browser(app);
      await signIn(handle, teacher, teacherId);
      await signIn(handle, otherTeacher, otherTeacherId);
      await signIn(handle, admin, await createUser(handle, { login: 'roll-admin@example.com', role: 'school_admin', schoolId: school }));
      await signIn(handle, otherAdmin, await createUser(handle, { login: 'roll-far@example.com', role: 'school_admin', schoolId: otherSchool }));
      await signIn(handle, parent, guardians[0]!);
    });
    afterAll(() => handle.drop());

    it("lists a teacher's sessions today and the next days, with how many are marked", async () => {
      const html = await (await teacher.get('/teach')).text();
      expect(html).toContain(`/teach/meetings/${meeting}`);
      expect(html).toContain('已点 0 / 3');
      expect(html).not.toContain('创意美术');
      expect(await (await otherTeacher.get('/teach')).text()).not.toContain('机器人');
    });

    it('shows the roll to its teacher and the school admin only; others get 404, parents 403', async () => {
      const html = await (await teacher.get(`/teach/meetings/${meeting}`)).text();
      expect(html.match(/class="roll-row /g)).toHaveLength(3); // the waitlisted child is not on the roll
      expect((await admin.get(`/teach/meetings/${meeting}`)).status).toBe(200);
      expect((await otherTeacher.get(`/teach/meetings/${meeting}`)).status).toBe(404);
      expect((await otherAdmin.get(`/teach/meetings/${meeting}`)).status).toBe(404);
      expect((await parent.get(`/teach/meetings/${meeting}`)).status).toBe(403);
      expect((await teacher.get('/teach/meetings/999999')).status).toBe(404);
      expect((await teacher.get('/teach/meetings/abc')).status).toBe(404);
    });

    it("refuses another teacher's marks with 404 and writes nothing", async () => {
      expect((await mark(otherTeacher, child, 'absent')).status).toBe(404);
      expect(await markOf(child)).toBeUndefined();
      expect(await notices('child_absent')).toEqual([]);
    });

    it('alarms each guardian exactly once for an absence, then sends a follow-up when the child turns up late', async () => {
      const absent = await mark(teacher, child, 'absent');
      expect(absent.status).toBe(200);
      const html = await absent.text();
      expect(html).toContain('已保存：缺勤，已通知家长');
      expect(html).toContain('aria-pressed="true">缺勤');
      expect(html).toContain('id="roll-counts" hx-swap-oob="true"');
      expect(html).toContain('其余全部出勤（2 人）'); // the one-tap button keeps count
      expect(await notices('child_absent')).toEqual(guardians);

      await mark(teacher, child, 'absent'); // a second tap
      expect(await notices('child_absent')).toEqual(guardians);

      await mark(teacher, child, 'late', { note: '四点二十到' });
      expect(await notices('absence_cleared')).toEqual(guardians);
      expect(await markOf(child)).toEqual({ mark: 'late', note: '四点二十到', alert_state: 'cleared' });

      await mark(teacher, child, 'excused');
      expect(await notices('absence_cleared')).toEqual(guardians); // nothing new to say
      expect(await notices('child_absent')).toEqual(guardians);
    });

    it('takes a fresh mark back with undo, but not an absence the guardians were already told about', async () => {
      const second = classmates[1]!;
      const tapped = await (await mark(teacher, second, 'present')).text();
      expect(tapped).toContain('name="mark" value="none"'); // the undo goes back to "not marked"
      await mark(teacher, second, 'none', { undo: '1' });
      expect(await markOf(second)).toBeUndefined();

      const refused = await mark(teacher, child, 'none', { undo: '1' });
      expect(refused.status).toBe(422);
      expect(await refused.text()).toContain('家长已收到缺勤通知');
      expect((await markOf(child))?.mark).toBe('excused');
    });

    it('marks everyone not yet marked as present in one tap', async () => {
      const response = await teacher.post(`/teach/meetings/${meeting}/rest-present`, {}, htmx);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('已将 2 人标为出勤');
      const marks = await handle.db.selectFrom('attendance_marks').select(['child_id', 'mark']).where('meeting_id', '=', meeting).orderBy('child_id').execute();
      expect(marks.map((row) => row.mark)).toEqual(['excused', 'present', 'present']);
      expect(await (await teacher.get('/teach')).text()).toContain('已全部点名');
    });

    it('answers bad input with 422 and a message, writing nothing', async () => {
      const bogus = await mark(teacher, classmates[1]!, 'sleeping');
      expect(bogus.status).toBe(422);
      expect(await bogus.text()).toContain('请选择出勤、迟到、缺勤或请假');
      const stranger = await mark(teacher, 999999, 'absent');
      expect(stranger.status).toBe(422);
      expect(await stranger.text()).toContain('不在这门课的名单上');
      const longNote = await mark(teacher, classmates[1]!, 'late', { note: 'x'.repeat(201) });
      expect(longNote.status).toBe(422);
      expect((await markOf(classmates[1]!))?.mark).toBe('present');
    });

    it('does not open a roll before its day', async () => {
      const early = await teacher.post(`/teach/meetings/${nextMeeting}/marks`, { child: String(child), mark: 'present' }, htmx);
      expect(early.status).toBe(422);
      expect(await early.text()).toContain('还没到');
    });

    it('locks the marks after the following day; an admin unlocks them for a day with a reason, audited', async () => {
      clock.set('2026-11-25T15:59:00Z'); // 23:59 on Wednesday in Shanghai: still open
      expect((await mark(teacher, classmates[2]!, 'late')).status).toBe(200);
      clock.set('2026-11-25T16:00:00Z'); // midnight: locked
      const locked = await mark(teacher, classmates[2]!, 'present');
      expect(locked.status).toBe(422);
      expect(await locked.text()).toContain('点名已锁定');
      expect((await markOf(classmates[2]!))?.mark).toBe('late');

      expect((await teacher.post(`/teach/meetings/${meeting}/unlock`, { reason: '补录' })).status).toBe(403);
      const empty = await admin.post(`/teach/meetings/${meeting}/unlock`, { reason: '  ' });
      expect(empty.status).toBe(422);
      expect((await otherAdmin.post(`/teach/meetings/${meeting}/unlock`, { reason: '补录' })).status).toBe(404);
      const unlocked = await admin.post(`/teach/meetings/${meeting}/unlock`, { reason: '老师记错了迟到' });
      expect(unlocked.status).toBe(303);
      const audit = await handle.db.selectFrom('audit_events').select(['action', 'detail']).where('action', '=', 'attendance.unlocked').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0]!.detail)).toContain('老师记错了迟到');

      expect((await mark(teacher, classmates[2]!, 'present')).status).toBe(200);
      clock.advance(24 * 3_600_000);
      expect((await mark(teacher, classmates[2]!, 'absent')).status).toBe(422);
      clock.set(TUESDAY);
    });

    it("shows the guardians the child's attendance per offering", async () => {
      // One more session: last Tuesday, absent.
      const earlier = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', '2026-11-17').executeTakeFirstOrThrow()).id;
      await handle.db.insertInto('attendance_marks').values({ meeting_id: earlier, child_id: child, mark: 'present', note: null, marked_by: null, marked_at: TUESDAY, alert_state: null }).execute();
      const html = await (await parent.get(`/children/${child}`)).text();
      expect(html).toContain('出勤记录');
      // Present once (17 Nov), excused once (today): 1 attended of 1 expected.
      expect(html).toMatch(/机器人<\/a><\/th><td class="num">1<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">100%<\/td>/);
    });

    it('prints a sign-in sheet for the meeting and for the whole term', async () => {
      const sheet = await (await teacher.get(`/teach/meetings/${meeting}/sheet`)).text();
      expect(sheet.match(/<th scope="row">/g)).toHaveLength(3);
      const term = await (await teacher.get(`/teach/offerings/${offering}/sheet`)).text();
      const meetings = await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('status', '=', 'scheduled').execute();
      expect(term.match(/class="sheet-table__box"/g)).toHaveLength(3 * meetings.length);
      expect((await otherTeacher.get(`/teach/offerings/${offering}/sheet`)).status).toBe(404);
    });
  });
}
