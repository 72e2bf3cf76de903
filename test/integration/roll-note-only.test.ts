// The roll's note and Enter key: a note saved with note_only=1 keeps the mark the server holds, never "present".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

// Tuesday 24 November 2026, 17:00 in Shanghai: the Tuesday 16:00 session is on.
const TUESDAY = '2026-11-24T09:00:00Z';
const htmx = { 'hx-request': 'true' };

for (const dialect of DIALECTS) {
  describe(`a roll note on ${dialect}`, () => {
    let handle: TestDatabase;
    let teacher: Browser;
    let meeting: number;
    let children: number[];
    let guardian: number;

    const markOf = (childId: number) =>
      handle.db.selectFrom('attendance_marks').select(['mark', 'note']).where('meeting_id', '=', meeting).where('child_id', '=', childId).executeTakeFirst();
    const post = (fields: Record<string, string>, headers: Record<string, string> = htmx) => teacher.post(`/teach/meetings/${meeting}/marks`, fields, headers);

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const app = buildApp(handle, { clock: fixedClock(TUESDAY) }).app;
      const school = await createSchool(handle, 'maple');
      const term = await createTerm(handle, school);
      const teacherId = await createUser(handle, { login: 'note-teacher@example.com', role: 'teacher', schoolId: school });
      const offering = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', title_en: 'Robotics', teacher_id: teacherId });
      meeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', '2026-11-24').executeTakeFirstOrThrow()).id;
      await fillOffering(handle, offering, school, { enrolled: 2, waitlisted: 0 });
      children = (await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', offering).where('status', '=', 'enrolled').orderBy('child_id').execute()).map((row) => row.child_id);
      await handle.db.updateTable('children').set({ grade: 3, class_name: '1班' }).where('id', '=', children[0]!).execute();
      guardian = await createUser(handle, { login: 'note-mum@example.com' });
      await handle.db.insertInto('guardianships').values({ user_id: guardian, child_id: children[0]!, created_at: TUESDAY }).execute();
      teacher = new Browser(app);
      await signIn(handle, teacher, teacherId);
    });
    afterAll(() => handle.drop());

    it('shows each row with grade and class, and a hidden default "save note" button before the marks', async () => {
      const html = await (await teacher.get(`/teach/meetings/${meeting}`)).text();
      expect(html).toContain('3年级 1班');
      const row = html.slice(html.indexOf(`id="roll-${children[0]}"`));
      expect(row.indexOf('name="note_only"')).toBeGreaterThan(-1);
      expect(row.indexOf('name="note_only"')).toBeLessThan(row.indexOf('value="present"'));
    });

    it('saves a note with note_only=1 and keeps an absent mark absent, telling the guardians nothing more', async () => {
      expect((await post({ child: String(children[0]), mark: 'absent' })).status).toBe(200);
      const before = await handle.db.selectFrom('notifications').select('kind').where('recipient_id', '=', guardian).execute();
      const response = await post({ child: String(children[0]), note: '发烧，奶奶接走', note_only: '1' });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('已保存：缺勤');
      expect(await markOf(children[0]!)).toEqual({ mark: 'absent', note: '发烧，奶奶接走' });
      expect(await handle.db.selectFrom('notifications').select('kind').where('recipient_id', '=', guardian).execute()).toEqual(before);
    });

    it('keeps the mark without JavaScript too (a plain form post redirects back to the row)', async () => {
      await post({ child: String(children[0]), mark: 'excused' });
      const response = await post({ child: String(children[0]), note: '家长请假', note_only: '1' }, {});
      expect(response.status).toBe(303);
      expect(await markOf(children[0]!)).toEqual({ mark: 'excused', note: '家长请假' });
    });

    it('refuses a note for an unmarked child with a message at the row, writing nothing', async () => {
      const response = await post({ child: String(children[1]), note: '迟到', note_only: '1' });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('请先点出勤、迟到、缺勤或请假，再保存备注。');
      expect(await markOf(children[1]!)).toBeUndefined();
    });

    it('still refuses a post with neither a mark nor note_only', async () => {
      const response = await post({ child: String(children[1]), note: 'x' });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('请选择出勤、迟到、缺勤或请假。');
      expect(await markOf(children[1]!)).toBeUndefined();
    });
  });
}
