// Announcements (issue 22): the offering's teacher or school writes to its families — each guardian once, on every
// channel, in their language, with an audit event — the offering page lists them to its families and staff only,
// and a teacher writes to one child's guardians from the roll. Everyone else is refused and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`announcements on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let offering: number;
    let emptyOffering: number;
    let meeting: number;
    const users: Record<string, number> = {};
    const browsers: Record<string, Browser> = {};
    const kids: Record<string, number> = {};
    const now = new Date().toISOString();

    async function child(name: string, school: number, guardians: number[], status: 'enrolled' | 'waitlisted' | null, position: number | null = null) {
      const id = (await handle.db.insertInto('children').values({ name, school_id: school, grade: 3, class_name: '2班', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      for (const user of guardians) await handle.db.insertInto('guardianships').values({ user_id: user, child_id: id, created_at: now }).execute();
      if (status) await handle.db.insertInto('enrollments').values({ offering_id: offering, child_id: id, status, waitlist_position: position, created_at: now, updated_at: now }).execute();
      return id;
    }

    const notificationsOf = (user: number) => handle.db.selectFrom('notifications').select(['id', 'kind', 'payload']).where('recipient_id', '=', user).orderBy('id').execute();
    const written = async () => ({
      notifications: await countRows(handle, 'notifications'),
      deliveries: await countRows(handle, 'notification_deliveries'),
      announcements: await countRows(handle, 'announcements'),
      audit: await handle.db.selectFrom('audit_events').select('id').where('action', 'in', ['announcement.sent', 'teacher_message.sent']).execute().then((rows) => rows.length),
    });

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z'), mail: { url: 'smtp://127.0.0.1:2525', from: 'club@example.com' }, webhookUrl: 'https://hooks.example.com/clubroll' }).app;
      const school = await createSchool(handle, 'birch');
      const other = await createSchool(handle, 'elm');
      const people: [string, { name: string; role?: 'teacher' | 'school_admin' | 'district_admin'; schoolId?: number }, string][] = [
        ['teacherX', { name: '李老师', role: 'teacher', schoolId: school }, 'zh-CN'],
        ['teacherY', { name: '张老师', role: 'teacher', schoolId: school }, 'zh-CN'],
        ['adminS', { name: '王主任', role: 'school_admin', schoolId: school }, 'zh-CN'],
        ['adminT', { name: '赵主任', role: 'school_admin', schoolId: other }, 'zh-CN'],
        ['district', { name: '区管理员', role: 'district_admin' }, 'zh-CN'],
        ['parentA', { name: '陈妈妈' }, 'zh-CN'],
        ['parentEn', { name: 'Mary Chen' }, 'en'],
        ['parentW', { name: '周爸爸' }, 'zh-CN'],
        ['parentOther', { name: '吴妈妈' }, 'zh-CN'],
      ];
      for (const [key, person, lang] of people) {
        users[key] = await createUser(handle, { login: `${key}@example.com`, ...person });
        browsers[key] = new Browser(app, { lang });
        await signIn(handle, browsers[key]!, users[key]!);
      }
      await handle.db.updateTable('users').set({ lang: 'en' }).where('id', '=', users.parentEn!).execute();
      browsers.anonymous = new Browser(app, { lang: 'zh-CN' });
      const term = await createTerm(handle, school);
      offering = await createOffering(handle, term, { code: 'R1', title_zh: '机器人入门', title_en: 'Robotics basics', teacher_id: users.teacherX! });
      emptyOffering = await createOffering(handle, term, { code: 'R2', title_zh: '无土栽培', title_en: 'Hydroponics', teacher_id: users.teacherX! });
      meeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).orderBy('day').executeTakeFirstOrThrow()).id;
      // parentA has two children in the offering; parentEn shares the first one; parentW's child waits.
      kids.first = await child('陈小明', school, [users.parentA!, users.parentEn!], 'enrolled');
      kids.second = await child('陈小红', school, [users.parentA!], 'enrolled');
      kids.waiting = await child('周小刚', school, [users.parentW!], 'waitlisted', 1);
      kids.elsewhere = await child('吴小丽', school, [users.parentOther!], null);
      await handle.db.updateTable('offerings').set({ seats_taken: 2 }).where('id', '=', offering).execute();
    });
    afterAll(() => handle.drop());

    const announce = (who: string, fields: Record<string, string>, target = offering, headers: Record<string, string> = {}) => browsers[who]!.post(`/offerings/${target}/announcements`, fields, headers);

    it('refuses an empty, too long or control-character text at the field with a 422, writing nothing', async () => {
      const before = await written();
      for (const [text, message] of [
        ['   \n  ', '请填写通知内容。'],
        ['课'.repeat(1001), '内容最多 1000 字'],
        ['周五\u0007带护目镜', '控制字符'],
      ] as const) {
        const response = await announce('teacherX', { text, from: 'roster' });
        expect(response.status, text.slice(0, 10)).toBe(422);
        const page = await response.text();
        expect(page).toContain(message);
        expect(page).toContain('aria-invalid="true"');
      }
      const htmx = await announce('teacherX', { text: '' }, offering, { 'hx-request': 'true' });
      expect(htmx.status).toBe(422);
      expect(await htmx.text()).toMatch(/^<details class="card announce"/);
      expect(await written()).toEqual(before);
    });

    it('refuses other staff (403), parents (404) and sends the anonymous to log in, writing nothing', async () => {
      const before = await written();
      expect((await announce('teacherY', { text: '你好' })).status).toBe(403);
      expect((await announce('adminT', { text: '你好' })).status).toBe(403);
      expect((await announce('parentA', { text: '你好' })).status).toBe(404);
      expect((await announce('teacherX', { text: '你好' }, 999_999)).status).toBe(404);
      const anonymous = await announce('anonymous', { text: '你好' });
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toMatch(/^\/login/);
      expect(await written()).toEqual(before);
    });

    it('says so when nobody would be told (no child enrolled), and sends nothing', async () => {
      const before = await written();
      const response = await announce('teacherX', { text: '明天停课', from: 'teach' }, emptyOffering);
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('目前没有可以通知的家长');
      expect(await written()).toEqual(before);
    });

    it("tells each guardian of the enrolled children once, on every channel, in one transaction with an audit event naming no child", async () => {
      const before = await written();
      const text = '周五请带护目镜。\n<b>别忘了</b>';
      const response = await announce('teacherX', { text: `  ${text}  `, from: 'roster' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/offerings/${offering}/roster?announced=2#announce-${offering}-roster`);
      // Followed without JavaScript, the roster shows the form open with its notice.
      const back = await (await browsers.teacherX!.get(`/offerings/${offering}/roster?announced=2`)).text();
      expect(back).toContain('通知已发送给 2 位家长。');
      // parentA has two children there and is told once; parentEn once; the waitlisted child's guardian not at all.
      for (const guardian of ['parentA', 'parentEn']) {
        const rows = (await notificationsOf(users[guardian]!)).filter((row) => row.kind === 'announcement');
        expect(rows, guardian).toHaveLength(1);
      }
      expect(await notificationsOf(users.parentW!)).toEqual([]);
      expect(await notificationsOf(users.parentOther!)).toEqual([]);
      const after = await written();
      expect(after).toEqual({ notifications: before.notifications + 2, deliveries: before.deliveries + 4, announcements: before.announcements + 1, audit: before.audit + 1 });
      const deliveries = await handle.db
        .selectFrom('notification_deliveries')
        .innerJoin('notifications', 'notifications.id', 'notification_deliveries.notification_id')
        .select(['notifications.recipient_id', 'notification_deliveries.channel'])
        .where('notifications.kind', '=', 'announcement')
        .execute();
      expect(deliveries.filter((one) => one.recipient_id === users.parentA).map((one) => one.channel).sort()).toEqual(['email', 'webhook']);
      const audit = await handle.db.selectFrom('audit_events').select(['actor_id', 'subject_id', 'detail']).where('action', '=', 'announcement.sent').executeTakeFirstOrThrow();
      expect(audit.actor_id).toBe(users.teacherX);
      expect(audit.subject_id).toBe(String(offering));
      const detail = typeof audit.detail === 'string' ? audit.detail : JSON.stringify(audit.detail);
      expect(detail).toContain('"recipients":2');
      expect(detail).not.toContain('护目镜');
      expect(detail).not.toContain('陈小明');
      const stored = await handle.db.selectFrom('announcements').selectAll().executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ offering_id: offering, sender_id: users.teacherX, text, to_waitlist: 0, recipients: 2 });

      // Each in their own language: the frame translated, the teacher's words as written.
      const zhPage = await (await browsers.parentA!.get('/notifications')).text();
      expect(zhPage).toContain('「机器人入门」通知');
      expect(zhPage).toContain('李老师发来「机器人入门」的通知');
      expect(zhPage).toContain('&lt;b&gt;别忘了&lt;/b&gt;');
      const enPage = await (await browsers.parentEn!.get('/notifications')).text();
      expect(enPage).toContain('Announcement: Robotics basics');
      expect(enPage).toContain('李老师 wrote to the families of Robotics basics');
      expect(enPage).toContain('周五请带护目镜。');
    });

    it('also tells the waitlisted children\'s guardians when asked, and answers htmx in place with a success notice', async () => {
      const response = await announce('adminS', { text: '下周二改到科技楼 302。', waitlist: 'yes', from: 'roster' }, offering, { 'hx-request': 'true' });
      expect(response.status).toBe(200);
      const fragment = await response.text();
      expect(fragment).toContain('通知已发送给 3 位家长。');
      expect(fragment).not.toContain('<html');
      expect((await notificationsOf(users.parentW!)).map((row) => row.kind)).toEqual(['announcement']);
      expect((await notificationsOf(users.parentA!)).filter((row) => row.kind === 'announcement')).toHaveLength(2);
      // The district admin may too; a plain post returns to the roster (a teacher's list is not theirs to see).
      const district = await announce('district', { text: '区里的通知', from: 'teach' });
      expect(district.status).toBe(303);
      expect(district.headers.get('location')).toBe(`/offerings/${offering}/roster?announced=2#announce-${offering}-roster`);
      // A teacher's plain post from their list returns there, that offering's form open with its notice.
      const fromList = await announce('teacherX', { text: '老师的通知', from: 'teach' });
      expect(fromList.headers.get('location')).toBe(`/teach/offerings?offering=${offering}&announced=2#announce-${offering}-teach`);
      const list = await (await browsers.teacherX!.get(`/teach/offerings?offering=${offering}&announced=2`)).text();
      expect(list).toContain('通知已发送给 2 位家长。');
      expect(list.match(/通知已发送/g)).toHaveLength(1);
    });

    it('lists past announcements on the offering page, newest first and escaped with line breaks kept, to its families and staff only', async () => {
      for (const who of ['parentA', 'parentEn', 'parentW', 'teacherX', 'adminS']) {
        const response = await browsers[who]!.get(`/offerings/${offering}`);
        expect(response.headers.get('cache-control'), who).toBe('private, no-store');
        const page = await response.text();
        expect(page, who).toContain('announcements-heading');
        expect(page, who).toContain('周五请带护目镜。\n&lt;b&gt;别忘了&lt;/b&gt;');
        expect(page.indexOf('区里的通知'), who).toBeLessThan(page.indexOf('下周二改到科技楼'));
        expect(page.indexOf('下周二改到科技楼'), who).toBeLessThan(page.indexOf('周五请带护目镜'));
      }
      for (const who of ['anonymous', 'parentOther', 'teacherY', 'adminT']) {
        const page = await (await browsers[who]!.get(`/offerings/${offering}`)).text();
        expect(page, who).not.toContain('护目镜');
        expect(page, who).not.toContain('announcements-heading');
      }
    });

    it('shows the send form on the roster and the teacher\'s list, and "contact guardians" on each roll row', async () => {
      expect(await (await browsers.teacherX!.get(`/offerings/${offering}/roster`)).text()).toContain(`action="/offerings/${offering}/announcements"`);
      expect(await (await browsers.teacherX!.get('/teach/offerings')).text()).toContain(`action="/offerings/${offering}/announcements"`);
      const roll = await (await browsers.teacherX!.get(`/teach/meetings/${meeting}`)).text();
      expect(roll).toContain('联系家长');
      expect(roll).toContain(`action="/teach/meetings/${meeting}/children/${kids.first}/message"`);
    });

    it("messages one child's guardians from the roll: only that child's, only staff of that roll, only a child on it", async () => {
      const path = (childId: number) => `/teach/meetings/${meeting}/children/${childId}/message`;
      const before = await written();
      expect((await browsers.teacherY!.post(path(kids.first!), { text: '你好' })).status).toBe(404);
      expect((await browsers.parentA!.post(path(kids.first!), { text: '你好' })).status).toBe(404);
      expect((await browsers.teacherX!.post(path(kids.waiting!), { text: '你好' })).status).toBe(404);
      expect((await browsers.teacherX!.post(path(kids.elsewhere!), { text: '你好' })).status).toBe(404);
      expect((await browsers.anonymous!.post(path(kids.first!), { text: '你好' })).headers.get('location')).toMatch(/^\/login/);
      const empty = await browsers.teacherX!.post(path(kids.first!), { text: ' ' });
      expect(empty.status).toBe(422);
      expect(await empty.text()).toContain('请填写通知内容。');
      expect(await written()).toEqual(before);

      const response = await browsers.teacherX!.post(path(kids.second!), { text: '小红今天的作品很棒。' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/teach/meetings/${meeting}`);
      expect((await notificationsOf(users.parentA!)).filter((row) => row.kind === 'teacher_message')).toHaveLength(1);
      expect((await notificationsOf(users.parentEn!)).filter((row) => row.kind === 'teacher_message')).toHaveLength(0);
      expect(await written()).toMatchObject({ notifications: before.notifications + 1, deliveries: before.deliveries + 2, audit: before.audit + 1 });
      const page = await (await browsers.parentA!.get('/notifications')).text();
      expect(page).toContain('「机器人入门」老师的消息：关于 陈小红');
      expect(page).toContain('小红今天的作品很棒。');

      const htmx = await browsers.adminS!.post(path(kids.first!), { text: '请来接孩子。' }, { 'hx-request': 'true' });
      expect(htmx.status).toBe(200);
      expect(await htmx.text()).toContain('留言已发送给 陈小明 的 2 位家长。');
    });
  });
}
