// Leave ahead (请假) over HTTP: a guardian reports that a child will miss one meeting or a range of days, every
// refusal at its field with nothing written, withdrawal, and what the teacher's roll and /teach make of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { purgeExpiredPersonalData } from '../../src/privacy/purge.service.ts';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

// Tuesday 24 November 2026, 15:00 in Shanghai: today's Tuesday 16:00 session has not started.
const TUESDAY = '2026-11-24T07:00:00Z';
const htmx = { 'hx-request': 'true' };

for (const dialect of DIALECTS) {
  describe(`leave ahead on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let teacher: Browser;
    let parent: Browser;
    let stranger: Browser;
    let admin: Browser;
    let child: number;
    let sibling: number;
    let classmate: number;
    let otherOffering: number;
    const meetingOn = new Map<string, number>();
    let makeUp: number;

    const reports = () => handle.db.selectFrom('absence_reports').select(['child_id', 'meeting_id', 'reason']).orderBy('meeting_id').execute();
    const report = (fields: Record<string, string>, browser = parent, childId = child) => browser.post(`/children/${childId}/absences`, fields, htmx);
    const markOf = (meetingId: number, childId: number) =>
      handle.db.selectFrom('attendance_marks').select(['mark', 'note', 'alert_state']).where('meeting_id', '=', meetingId).where('child_id', '=', childId).executeTakeFirst();

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock(TUESDAY) }).app;
      const school = await createSchool(handle, 'leave-school');
      const term = await createTerm(handle, school);
      const teacherId = await createUser(handle, { login: 'leave-teacher@example.com', role: 'teacher', schoolId: school });
      const offering = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', title_en: 'Robotics', teacher_id: teacherId });
      otherOffering = await createOffering(handle, term, { code: 'ART', title_zh: '创意美术', teacher_id: teacherId }, [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }]);
      for (const row of await handle.db.selectFrom('meetings').select(['id', 'day']).where('offering_id', '=', offering).execute()) meetingOn.set(row.day, row.id);
      // 8 December is cancelled; 15 December moves to Thursday 17 December (a make-up meeting stands in for it).
      await handle.db.updateTable('meetings').set({ status: 'cancelled', reason: '校运会' }).where('id', '=', meetingOn.get('2026-12-08')!).execute();
      await handle.db.updateTable('meetings').set({ status: 'moved', reason: '教室维修', moved_to_day: '2026-12-17' }).where('id', '=', meetingOn.get('2026-12-15')!).execute();
      makeUp = (
        await handle.db
          .insertInto('meetings')
          .values({ offering_id: offering, day: '2026-12-17', starts_at: '16:00', ends_at: '17:30', reason: '教室维修' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

      await fillOffering(handle, offering, school, { enrolled: 3, waitlisted: 0 });
      [child, sibling, classmate] = (await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offering).orderBy('child_id').execute()).map((row) => row.child_id) as [number, number, number];
      const parentId = await createUser(handle, { login: 'leave-mum@example.com' });
      await handle.db.insertInto('guardianships').values([child, sibling].map((child_id) => ({ user_id: parentId, child_id, created_at: TUESDAY }))).execute();

      teacher = new Browser(app);
      parent = new Browser(app);
      stranger = new Browser(app);
      admin = new Browser(app);
      await signIn(handle, teacher, teacherId);
      await signIn(handle, parent, parentId);
      await signIn(handle, stranger, await createUser(handle, { login: 'leave-stranger@example.com' }));
      await signIn(handle, admin, await createUser(handle, { login: 'leave-admin@example.com', role: 'school_admin', schoolId: school }));
    });
    afterAll(() => handle.drop());

    it("shows the leave card on the child's page with the next meetings to pick", async () => {
      const page = await (await parent.get(`/children/${child}`)).text();
      const html = page.slice(page.indexOf('id="leave"'), page.indexOf('</section>', page.indexOf('id="leave"')));
      expect(html).toContain('请假');
      expect(html).toContain(`<option value="${meetingOn.get('2026-11-24')}">`);
      expect(html).not.toContain(`<option value="${meetingOn.get('2026-12-08')}">`); // cancelled
      expect(html).not.toContain(`<option value="${meetingOn.get('2026-11-17')}">`); // held
      expect(html).toContain('还没有请过假。');
    });

    it('refuses every bad report at its field with 422 and writes nothing', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ reason: '看病' }, '请选择一次课，或填写一段日期。'],
        [{ meeting: String(meetingOn.get('2026-12-01')), from: '2026-12-01', to: '2026-12-02', reason: '看病' }, '请只选一种'],
        [{ from: '2026-12-01', to: '2026-13-01', reason: '看病' }, '请填写日期'],
        [{ from: '2026-02-30', to: '2026-03-01', reason: '看病' }, '请填写日期'],
        [{ from: '2026-12-05', to: '2026-12-01', reason: '看病' }, '结束日期不能早于开始日期。'],
        [{ from: '2026-12-01', to: '2027-06-01', reason: '看病' }, '一次最多请 120 天的假。'],
        [{ from: '2026-11-09', to: '2026-11-20', reason: '看病' }, '这段日期里没有可以请假的课。'],
        [{ meeting: String(meetingOn.get('2026-11-17')), reason: '看病' }, '已经开始或已点名'],
        [{ meeting: String(meetingOn.get('2026-12-08')), reason: '看病' }, '已取消或调课'],
        [{ meeting: String(meetingOn.get('2026-12-15')), reason: '看病' }, '已取消或调课'],
        [{ meeting: '99999', reason: '看病' }, '请选择孩子接下来要上的一次课。'],
        [{ meeting: String(meetingOn.get('2026-12-01')), reason: '  ' }, '请填写此项。'],
        [{ meeting: String(meetingOn.get('2026-12-01')), reason: '长'.repeat(201) }, '最多 200 个字。'],
      ];
      const otherMeeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', otherOffering).where('day', '>', '2026-11-24').executeTakeFirstOrThrow()).id;
      cases.push([{ meeting: String(otherMeeting), reason: '看病' }, '请选择孩子接下来要上的一次课。']); // not the child's offering: same answer as none
      for (const [fields, message] of cases) {
        const response = await report(fields);
        expect(response.status, JSON.stringify(fields)).toBe(422);
        const html = await response.text();
        expect(html, JSON.stringify(fields)).toContain(message);
        expect(html).toContain('field__error');
      }
      expect(await countRows(handle, 'absence_reports')).toBe(0);
    });

    it("answers 404 for someone else's child and writes nothing", async () => {
      expect((await report({ meeting: String(meetingOn.get('2026-12-01')), reason: '看病' }, stranger)).status).toBe(404);
      expect((await report({ reason: '' }, stranger)).status).toBe(404);
      expect((await report({ meeting: String(meetingOn.get('2026-12-01')), reason: '看病' }, parent, classmate)).status).toBe(404);
      expect(await countRows(handle, 'absence_reports')).toBe(0);
    });

    it('reports one meeting, and a repeat keeps one report with the latest reason', async () => {
      const today = meetingOn.get('2026-11-24')!;
      const first = await report({ meeting: String(today), reason: '发烧' });
      expect(first.status).toBe(200);
      expect(await first.text()).toContain('已请假 1 次课');
      await report({ meeting: String(today), reason: '发烧，去医院' });
      expect(await reports()).toEqual([{ child_id: child, meeting_id: today, reason: '发烧，去医院' }]);
      const plain = await parent.post(`/children/${sibling}/absences`, { meeting: String(today), reason: '陪哥哥看病' });
      expect(plain.status).toBe(303);
      expect(plain.headers.get('location')).toBe(`/children/${sibling}#leave`);
    });

    it('reports a range: every meeting that takes place, skipping the cancelled one and counting a moved one on its new day', async () => {
      const response = await report({ from: '2026-12-01', to: '2026-12-16', reason: '回老家' });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('已请假 1 次课');
      const ranged = (await reports()).filter((row) => row.child_id === child && row.reason === '回老家').map((row) => row.meeting_id);
      expect(ranged).toEqual([meetingOn.get('2026-12-01')]);
      await report({ from: '2026-12-16', to: '2026-12-18', reason: '回老家' });
      expect((await reports()).filter((row) => row.child_id === child && row.reason === '回老家').map((row) => row.meeting_id)).toEqual([meetingOn.get('2026-12-01'), makeUp]);
      const page = await (await parent.get(`/children/${child}`)).text();
      expect(page).toContain('原因：回老家');
      expect(page).toContain('撤销请假');
    });

    it('withdraws a report before the meeting; someone else cannot', async () => {
      const row = await handle.db.selectFrom('absence_reports').select('id').where('child_id', '=', child).where('meeting_id', '=', makeUp).executeTakeFirstOrThrow();
      expect((await stranger.post(`/children/${child}/absences/${row.id}/withdraw`, {}, htmx)).status).toBe(404);
      expect((await parent.post(`/children/${sibling}/absences/${row.id}/withdraw`, {}, htmx)).status).toBe(404);
      const done = await parent.post(`/children/${child}/absences/${row.id}/withdraw`, {}, htmx);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('已撤销请假。');
      expect((await reports()).map((one) => one.meeting_id)).not.toContain(makeUp);
    });

    it("counts the children on leave on the teacher's /teach", async () => {
      expect(await (await teacher.get('/teach')).text()).toContain('2 人请假');
    });

    it('shows a child on leave pre-marked excused with the reason on the roll', async () => {
      const html = await (await teacher.get(`/teach/meetings/${meetingOn.get('2026-11-24')}`)).text();
      expect(html).toContain('家长已请假：发烧，去医院');
      expect(html).toContain('家长已请假：陪哥哥看病');
      expect(html).toContain(`id="roll-${child}"`);
      expect(html.match(/class="roll-row roll-row--excused"/g)).toHaveLength(2);
      expect(html).toContain('其余全部出勤（1 人）');
      expect(await markOf(meetingOn.get('2026-11-24')!, child)).toBeUndefined(); // shown, not written
    });

    it('raises no alarm when the teacher marks a child on leave absent', async () => {
      const today = meetingOn.get('2026-11-24')!;
      const response = await teacher.post(`/teach/meetings/${today}/marks`, { child: String(sibling), mark: 'absent' }, htmx);
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain('已通知家长');
      expect(await markOf(today, sibling)).toMatchObject({ mark: 'absent', alert_state: null });
      expect(await countRows(handle, 'notifications')).toBe(0);
      // Taken back, the row shows the leave again; marked absent once more, still no alarm.
      const undone = await teacher.post(`/teach/meetings/${today}/marks`, { child: String(sibling), mark: 'none', undo: '1' }, htmx);
      expect(await undone.text()).toContain('家长已请假：陪哥哥看病');
      expect(await markOf(today, sibling)).toBeUndefined();
      await teacher.post(`/teach/meetings/${today}/marks`, { child: String(sibling), mark: 'absent' }, htmx);
      expect(await countRows(handle, 'notifications')).toBe(0);
    });

    it('"everyone else present" marks a child on leave excused with the reason, the others present', async () => {
      const today = meetingOn.get('2026-11-24')!;
      expect((await teacher.post(`/teach/meetings/${today}/rest-present`, {}, htmx)).status).toBe(200);
      expect(await markOf(today, child)).toEqual({ mark: 'excused', note: '发烧，去医院', alert_state: null });
      expect(await markOf(today, classmate)).toMatchObject({ mark: 'present' });
      expect(await markOf(today, sibling)).toMatchObject({ mark: 'absent' });
    });

    it('refuses to withdraw once the roll has a mark, and to report a marked meeting', async () => {
      const today = meetingOn.get('2026-11-24')!;
      const row = await handle.db.selectFrom('absence_reports').select('id').where('child_id', '=', child).where('meeting_id', '=', today).executeTakeFirstOrThrow();
      const late = await parent.post(`/children/${child}/absences/${row.id}/withdraw`, {}, htmx);
      expect(late.status).toBe(422);
      expect(await late.text()).toContain('不能撤销请假');
      expect((await reports()).map((one) => one.meeting_id)).toContain(today);
      expect((await report({ meeting: String(today), reason: '改一下' })).status).toBe(422);
    });

    it("puts the reports in the child's export and erases them with the child", async () => {
      const data = (await (await parent.get(`/children/${child}/export.json`)).json()) as { tables: Record<string, { reason: string }[]> };
      expect(data.tables.absence_reports!.map((row) => row.reason).sort()).toEqual(['发烧，去医院', '回老家']);
      await parent.post(`/children/${child}/deletion-request`, { confirm: 'yes' });
      const request = await handle.db.selectFrom('deletion_requests').select('id').where('child_id', '=', child).executeTakeFirstOrThrow();
      const carried = await admin.post(`/admin/deletions/${request.id}`, { confirm: 'yes' });
      expect(carried.status).toBeLessThan(400);
      expect(await handle.db.selectFrom('absence_reports').select('id').where('child_id', '=', child).execute()).toEqual([]);
      expect((await reports()).map((one) => one.child_id)).toEqual([sibling]);
    });

    it("deletes the reports of a purged term's meetings with the retention purge", async () => {
      await purgeExpiredPersonalData(handle.db, { clock: fixedClock('2030-01-01T00:00:00Z'), timeZone: 'Asia/Shanghai', retentionDays: 365, dryRun: false });
      expect(await countRows(handle, 'absence_reports')).toBe(0);
    });
  });
}
