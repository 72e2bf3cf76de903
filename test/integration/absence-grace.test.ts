// A first absence alarm waits a short grace: a mis-tapped 缺勤 corrected within it tells the guardians nothing, ever;
// after it the alarm is shown and delivered, and a later correction is the follow-up as before (ADR 0009).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { claimDueDeliveries } from '../../src/notify/notify.repository.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

// Tuesday 24 November 2026, 17:00 in Shanghai: the Tuesday 16:00 session is on.
const TUESDAY = '2026-11-24T09:00:00Z';
const GRACE_SECONDS = 120;
const htmx = { 'hx-request': 'true' };

for (const dialect of DIALECTS) {
  describe(`the absence alert grace on ${dialect}`, () => {
    let handle: TestDatabase;
    const clock = fixedClock(TUESDAY);
    let teacher: Browser;
    let parent: Browser;
    let meeting: number;
    let children: number[];
    let guardian: number;

    const mark = (childId: number, value: string) => teacher.post(`/teach/meetings/${meeting}/marks`, { child: String(childId), mark: value }, htmx);
    const kindsFor = async (childId: number) =>
      (await handle.db.selectFrom('notifications').select(['kind', 'payload']).where('recipient_id', '=', guardian).orderBy('id').execute())
        .filter((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload).childId === childId)
        .map((row) => row.kind);
    const dueDeliveries = async () =>
      (await claimDueDeliveries(handle.db, { channels: ['webhook'], now: clock.now().toISOString(), claimUntil: new Date(clock.now().getTime() + 60_000).toISOString(), limit: 100 })).length;
    const unread = async () => /class="nav-unread__count"[^>]*>(\d+)</.exec(await (await parent.get('/notifications')).text())?.[1] ?? '0';

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const app = buildApp(handle, { clock, absenceAlertGraceSeconds: GRACE_SECONDS, webhookUrl: 'http://127.0.0.1:9/hook' }).app;
      const school = await createSchool(handle, 'maple');
      const term = await createTerm(handle, school);
      const teacherId = await createUser(handle, { login: 'grace-teacher@example.com', role: 'teacher', schoolId: school });
      const offering = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', title_en: 'Robotics', teacher_id: teacherId });
      meeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', '2026-11-24').executeTakeFirstOrThrow()).id;
      await fillOffering(handle, offering, school, { enrolled: 3, waitlisted: 0 });
      children = (await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offering).where('status', '=', 'enrolled').orderBy('child_id').execute()).map((row) => row.child_id);
      guardian = await createUser(handle, { login: 'grace-mum@example.com' });
      await handle.db.insertInto('guardianships').values(children.map((child_id) => ({ user_id: guardian, child_id, created_at: TUESDAY }))).execute();
      teacher = new Browser(app);
      parent = new Browser(app);
      await signIn(handle, teacher, teacherId);
      await signIn(handle, parent, guardian);
    });
    afterAll(() => handle.drop());

    it('holds the first alarm: the teacher is told when the guardians will hear, the guardians see nothing yet', async () => {
      const response = await mark(children[0]!, 'absent');
      expect(await response.text()).toContain('已保存：缺勤，2 分钟后通知家长');
      expect(await unread()).toBe('0');
      expect(await (await parent.get('/notifications')).text()).not.toContain('缺勤提醒');
      expect(await dueDeliveries()).toBe(0);
    });

    it('withdraws the held alarm when the child is marked present within the grace: the guardians get nothing, ever', async () => {
      clock.advance(60_000);
      const response = await mark(children[0]!, 'present');
      expect(await response.text()).toContain('缺勤提醒已撤回');
      expect(await kindsFor(children[0]!)).toEqual([]);
      clock.advance(10 * 60_000);
      expect(await unread()).toBe('0');
      expect(await dueDeliveries()).toBe(0);
      expect(await handle.db.selectFrom('attendance_marks').select(['mark', 'alert_state']).where('child_id', '=', children[0]!).where('meeting_id', '=', meeting).executeTakeFirst()).toEqual({
        mark: 'present',
        alert_state: null,
      });
    });

    it('lets the undo take back a held alarm too', async () => {
      await mark(children[2]!, 'absent');
      const response = await teacher.post(`/teach/meetings/${meeting}/marks`, { child: String(children[2]), mark: 'none', undo: '1' }, htmx);
      expect(response.status).toBe(200);
      expect(await kindsFor(children[2]!)).toEqual([]);
    });

    it('shows and delivers the alarm once the grace has run out', async () => {
      await mark(children[1]!, 'absent');
      clock.advance(GRACE_SECONDS * 1000 - 1000);
      expect(await unread()).toBe('0');
      expect(await dueDeliveries()).toBe(0);
      clock.advance(1000);
      expect(await unread()).toBe('1');
      expect(await (await parent.get('/notifications')).text()).toContain('缺勤提醒');
      expect(await dueDeliveries()).toBe(1);
    });

    it('sends the follow-up as before when the child is marked present after the alarm went', async () => {
      const response = await mark(children[1]!, 'present');
      expect(await response.text()).toContain('已通知家长');
      expect(await kindsFor(children[1]!)).toEqual(['child_absent', 'absence_cleared']);
      expect(await unread()).toBe('2');
    });
  });
}
