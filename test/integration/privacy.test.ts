// Children's data duties end to end: a guardian's export of everything held about a child, staff reads written to
// the audit log, a guardian's deletion request carried out by the school (seats freed, statistics kept, the name
// gone from every table), and the purge of terms past their retention.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import type { AttendanceMark, Database } from '../../src/db/schema.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';
import { purgeExpiredPersonalData } from '../../src/privacy/purge.service.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm, fillOffering } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const NAME = '欧阳小雪';
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const NOW = '2026-11-27T08:00:00Z'; // a Friday

/** Every table that has a child_id column, read from the database itself so a new table cannot be forgotten. */
async function tablesWithChildId(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((table) => !table.name.startsWith('kysely_') && table.columns.some((column) => column.name === 'child_id'))
    .map((table) => table.name)
    .sort();
}

/** Every row of every table whose text or JSON columns contain `needle`, as "table.column". */
async function whereTextAppears(db: Kysely<Database>, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await db.introspection.getTables()) {
    for (const column of table.columns.filter((one) => /text|char|json/i.test(one.dataType))) {
      const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)} where cast(${sql.ref(column.name)} as text) like ${`%${needle}%`}`.execute(db);
      if (Number(row.rows[0]?.n ?? 0) > 0) found.push(`${table.name}.${column.name}`);
    }
  }
  return found;
}

for (const dialect of DIALECTS) {
  describe(`children's data on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let mum: Browser;
    let dad: Browser;
    let stranger: Browser;
    let waitingParent: Browser;
    let teacher: Browser;
    let admin: Browser;
    let farAdmin: Browser;
    let ids: { school: number; pastTerm: number; past: number; live: number; child: number; waiting: number; mum: number; dad: number; waitingParent: number };

    const audits = (action: string) => handle.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
    const detailOf = (event: { detail: unknown }) => (typeof event.detail === 'string' ? JSON.parse(event.detail) : event.detail) as Record<string, unknown>;

    async function mark(offering: number, nth: number, childId: number, value: AttendanceMark, note: string | null = null) {
      const meeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).orderBy('day').execute())[nth]!;
      await handle.db.insertInto('attendance_marks').values({ meeting_id: meeting.id, child_id: childId, mark: value, note, marked_at: '2026-03-01T10:00:00.000Z', marked_by: null, alert_state: null }).execute();
    }

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      ({ app } = buildApp(handle, { clock: fixedClock(NOW) }));
      const school = await createSchool(handle, 'oak');
      const far = await createSchool(handle, 'elm');
      // A spring term that has ended (within the retention period) and the current autumn term.
      const pastTerm = await createTerm(handle, school, { name_zh: '2026 春季', name_en: 'Spring 2026', first_day: '2026-02-23', last_day: '2026-07-10', enrol_opens_at: '2026-02-01T00:00:00.000Z', enrol_closes_at: '2026-02-20T00:00:00.000Z' });
      const liveTerm = await createTerm(handle, school);
      const teacherId = await createUser(handle, { login: 'privacy-teacher@example.com', role: 'teacher', schoolId: school });
      const past = await createOffering(handle, pastTerm, { code: 'OLD', title_zh: '春季机器人', capacity: 6, teacher_id: teacherId });
      const live = await createOffering(handle, liveTerm, { code: 'NOW', title_zh: '趣味魔方', capacity: 1, teacher_id: teacherId }, [{ weekday: 5, startsAt: '16:00', endsAt: '17:00' }]);
      await fillOffering(handle, past, school, { enrolled: 3, waitlisted: 0 });

      const mumId = await createUser(handle, { login: 'privacy-mum@example.com', name: '欧阳妈妈' });
      const dadId = await createUser(handle, { login: '13800000001', name: '欧阳爸爸' });
      const waitingParentId = await createUser(handle, { login: 'privacy-wait@example.com' });
      mum = new Browser(app);
      dad = new Browser(app);
      stranger = new Browser(app);
      waitingParent = new Browser(app);
      teacher = new Browser(app);
      admin = new Browser(app);
      farAdmin = new Browser(app);
      await signIn(handle, mum, mumId);
      await signIn(handle, dad, dadId);
      await signIn(handle, stranger, await createUser(handle, { login: 'privacy-stranger@example.com' }));
      await signIn(handle, waitingParent, waitingParentId);
      await signIn(handle, teacher, teacherId);
      await signIn(handle, admin, await createUser(handle, { login: 'privacy-admin@example.com', role: 'school_admin', schoolId: school }));
      await signIn(handle, farAdmin, await createUser(handle, { login: 'privacy-far@example.com', role: 'school_admin', schoolId: far }));

      // Mum adds the child through the form (with consent); dad joins by invitation code (with consent).
      const added = await mum.post('/children', { name: NAME, school: 'oak', grade: '3', class: '2班', consent: CONSENT_VERSION });
      const child = Number(/added=(\d+)/.exec(added.headers.get('location')!)![1]);
      const invite = await (await mum.post(`/children/${child}/invites`, {})).text();
      const code = /class="invite-code">([A-Z0-9-]+)</.exec(invite)![1]!;
      expect((await dad.post('/family/join', { code, consent: CONSENT_VERSION })).status).toBe(303);
      await mum.post(`/children/${child}/invites`, {}); // an unused invitation
      await mum.post(`/children/${child}/calendar-feed`, {});

      // Spring: the child came three times (late once, with a note); a classmate missed three times (flagged).
      const now = new Date().toISOString();
      await handle.db.insertInto('enrollments').values({ offering_id: past, child_id: child, status: 'enrolled', waitlist_position: null, created_at: now, updated_at: now }).execute();
      await handle.db.updateTable('offerings').set({ seats_taken: 4 }).where('id', '=', past).execute();
      const classmates = (await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', past).where('child_id', '!=', child).orderBy('child_id').execute()).map((row) => row.child_id);
      for (let nth = 0; nth < 3; nth++) {
        await mark(past, nth, child, nth === 1 ? 'late' : nth === 2 ? 'absent' : 'present', nth === 1 ? `${NAME} 迟到了十分钟` : null);
        await mark(past, nth, classmates[0]!, 'absent');
        await mark(past, nth, classmates[1]!, nth === 0 ? 'excused' : 'present');
      }
      // Autumn: the child holds the only seat; another child waits.
      await handle.db.insertInto('enrollments').values({ offering_id: live, child_id: child, status: 'enrolled', waitlist_position: null, created_at: now, updated_at: now }).execute();
      await handle.db.updateTable('offerings').set({ seats_taken: 1 }).where('id', '=', live).execute();
      const waiting = (await handle.db.insertInto('children').values({ name: '候补娃', school_id: school, grade: 3, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      await handle.db.insertInto('guardianships').values({ user_id: waitingParentId, child_id: waiting, created_at: now }).execute();
      await handle.db.insertInto('enrollments').values({ offering_id: live, child_id: waiting, status: 'waitlisted', waitlist_position: 1, created_at: now, updated_at: now }).execute();
      await handle.db.insertInto('lottery_entries').values({ term_id: liveTerm, child_id: child, entry_number: 7, created_at: now }).execute();
      const notification = await handle.db
        .insertInto('notifications')
        .values({ recipient_id: mumId, kind: 'seat_confirmed', payload: JSON.stringify({ offeringId: live, childId: child, childName: NAME, title: '趣味魔方', titleEn: null }), created_at: now, read_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await handle.db.insertInto('notification_deliveries').values({ notification_id: notification.id, channel: 'email', next_attempt_at: now }).execute();
      // A school's earlier removal, its reason naming the child.
      await handle.db
        .insertInto('audit_events')
        .values({ actor_id: null, action: 'enrollment.removed', subject_type: 'enrollment', subject_id: '999', school_id: school, detail: JSON.stringify({ childId: child, reason: `${NAME} 转学` }), at: now })
        .execute();
      ids = { school, pastTerm, past, live, child, waiting, mum: mumId, dad: dadId, waitingParent: waitingParentId };
    });
    afterAll(() => handle.drop());

    it('shows the versioned privacy text to anyone, in both languages, with the retention period', async () => {
      const zh = await (await new Browser(app).get('/privacy')).text();
      expect(zh).toContain('儿童个人信息保护规则');
      expect(zh).toContain(`版本 ${CONSENT_VERSION}`);
      expect(zh).toContain('学期结束 365 天后');
      const en = await (await new Browser(app, { lang: 'en' }).get('/privacy')).text();
      expect(en).toContain(`Version ${CONSENT_VERSION}`);
      expect(en).toContain('365 days after a term ends');
    });

    describe('the export', () => {
      it('gives a guardian every row tied to the child: one key per table with a child_id column, row for row', async () => {
        const response = await mum.get(`/children/${ids.child}/export.json`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(response.headers.get('content-disposition')).toContain(`clubroll-child-${ids.child}.json`);
        expect(response.headers.get('cache-control')).toContain('no-store');
        const data = (await response.json()) as { tables: Record<string, unknown[]>; notifications: unknown[]; auditEvents: { action: string }[]; privacyTextVersion: string };
        const tables = await tablesWithChildId(handle.db);
        expect(tables).toEqual(expect.arrayContaining(['attendance_marks', 'calendar_feeds', 'child_consents', 'deletion_requests', 'enrollments', 'guardian_invites', 'guardianships', 'lottery_entries']));
        for (const table of tables) {
          expect(Object.keys(data.tables), `export has no key for ${table}`).toContain(table);
          const held = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where child_id = ${ids.child}`.execute(handle.db);
          expect(data.tables[table], table).toHaveLength(Number(held.rows[0]!.n));
        }
        expect(data.tables.children).toHaveLength(1);
        expect(data.privacyTextVersion).toBe(CONSENT_VERSION);
        const text = JSON.stringify(data);
        for (const fact of [NAME, '2班', '欧阳妈妈', 'privacy-mum@example.com', '欧阳爸爸', '13800000001', '春季机器人', '趣味魔方', `${NAME} 迟到了十分钟`, CONSENT_VERSION, 'seat_confirmed', 'child.added', 'guardian.invite_used']) {
          expect(text, fact).toContain(fact);
        }
        expect(data.tables.child_consents).toHaveLength(2);
        expect(data.tables.attendance_marks).toHaveLength(3);
        expect(data.notifications).toHaveLength(1);
        // Secrets stay out: the invitation codes' hashes and the calendar link's token.
        const secrets = [...(await handle.db.selectFrom('guardian_invites').select('code_hash').execute()).map((row) => row.code_hash), ...(await handle.db.selectFrom('calendar_feeds').select('token').execute()).map((row) => row.token)];
        expect(secrets.length).toBeGreaterThan(0);
        for (const secret of secrets) expect(text).not.toContain(secret);
        expect((await audits('child.exported')).map((event) => Number(event.subject_id))).toEqual([ids.child]);
      });

      it('is 404 for other parents and for staff', async () => {
        expect((await stranger.get(`/children/${ids.child}/export.json`)).status).toBe(404);
        expect((await waitingParent.get(`/children/${ids.child}/export.json`)).status).toBe(404);
        expect([403, 404]).toContain((await teacher.get(`/children/${ids.child}/export.json`)).status);
        expect([403, 404]).toContain((await admin.get(`/children/${ids.child}/export.json`)).status);
      });

      it('is linked from the child page with the consent given', async () => {
        const page = await (await mum.get(`/children/${ids.child}`)).text();
        expect(page).toContain(`href="/children/${ids.child}/export.json"`);
        expect(page).toContain(`你于`);
        expect(page).toContain(`同意了 ${CONSENT_VERSION} 版规则`);
      });
    });

    describe('staff reads of children’s records', () => {
      it('writes one child_records.read event per page view with how many children it showed, and none for a re-render', async () => {
        const before = (await audits('child_records.read')).length;
        expect((await teacher.get(`/offerings/${ids.past}/roster`)).status).toBe(200);
        expect((await teacher.get(`/offerings/${ids.past}/roster.csv`)).status).toBe(200);
        const meeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', ids.past).orderBy('day').executeTakeFirstOrThrow()).id;
        expect((await teacher.get(`/teach/meetings/${meeting}`)).status).toBe(200);
        expect((await admin.get(`/admin/terms/${ids.pastTerm}/attendance`)).status).toBe(200);
        expect((await admin.get(`/offerings/${ids.live}/roster/children?q=${encodeURIComponent('欧阳')}`, { 'hx-request': 'true' })).status).toBe(200);
        const events = (await audits('child_records.read')).slice(before);
        expect(events.map((event) => [event.subject_type, Number(event.subject_id), detailOf(event)])).toEqual([
          ['offering', ids.past, { view: 'roster', children: 4 }],
          ['offering', ids.past, { view: 'roster.csv', children: 4 }],
          ['meeting', meeting, { view: 'roll', children: 4 }],
          ['term', ids.pastTerm, { view: 'attendance.report', children: 1 }],
          ['offering', ids.live, { view: 'roster.search', children: 1 }],
        ]);
        expect(events.every((event) => event.school_id === ids.school)).toBe(true);
        // Names are in the pages, never in the log.
        expect(JSON.stringify(events)).not.toContain(NAME);
        // A refused reader writes nothing; nor does a form's re-render after a refused change.
        expect((await farAdmin.get(`/offerings/${ids.past}/roster`)).status).toBe(404);
        expect((await admin.post(`/offerings/${ids.live}/roster/add`, { child: '0', q: '欧阳' })).status).toBeGreaterThanOrEqual(400);
        expect((await audits('child_records.read')).length).toBe(before + 5);
      });

      it('shows the staff reads on the audit page, filtered by kind', async () => {
        const page = await (await admin.get('/admin/audit?action=child_records.')).text();
        expect(page).toContain('child_records.read');
        expect(page).not.toContain('child.added');
      });
    });

    describe('a deletion request', () => {
      it('asks first, then records the request (reason kept off the audit log) and shows it as pending', async () => {
        const ask = await mum.post(`/children/${ids.child}/deletion-request`, {}, { 'hx-request': 'true' });
        expect(ask.status).toBe(200);
        const confirm = await ask.text();
        expect(confirm).toContain('确认申请删除');
        expect(confirm).toContain('name="reason"');
        const plain = await mum.post(`/children/${ids.child}/deletion-request`, {});
        expect(plain.status).toBe(303);
        expect(plain.headers.get('location')).toBe(`/children/${ids.child}?deletion=confirm#child-data`);
        expect(await handle.db.selectFrom('deletion_requests').select('id').execute()).toHaveLength(0);

        const tooLong = await mum.post(`/children/${ids.child}/deletion-request`, { confirm: 'yes', reason: '长'.repeat(501) }, { 'hx-request': 'true' });
        expect(tooLong.status).toBe(422);
        expect(await tooLong.text()).toContain('最多 500 个字');
        expect(await handle.db.selectFrom('deletion_requests').select('id').execute()).toHaveLength(0);

        expect((await stranger.post(`/children/${ids.child}/deletion-request`, { confirm: 'yes' })).status).toBe(404);

        const done = await mum.post(`/children/${ids.child}/deletion-request`, { confirm: 'yes', reason: '孩子转学了' });
        expect(done.status).toBe(303);
        const page = await (await dad.get(`/children/${ids.child}`)).text();
        expect(page).toContain('正等待学校管理员处理');
        expect(page).not.toContain('确认申请删除');
        // Asking again while one waits changes nothing.
        await dad.post(`/children/${ids.child}/deletion-request`, { confirm: 'yes' });
        const requests = await handle.db.selectFrom('deletion_requests').selectAll().execute();
        expect(requests.map((request) => [request.child_id, request.status, request.reason, request.requested_by])).toEqual([[ids.child, 'pending', '孩子转学了', ids.mum]]);
        const logged = await audits('child.deletion_requested');
        expect(logged).toHaveLength(1);
        expect(JSON.stringify(logged)).not.toContain('转学');
      });

      it('is listed for the admins of the child’s school only', async () => {
        const page = await (await admin.get('/admin/deletions')).text();
        expect(page).toContain(NAME);
        expect(page).toContain('孩子转学了');
        expect(page).toContain('本学期 1 项报名或候补');
        const far = await (await farAdmin.get('/admin/deletions')).text();
        expect(far).not.toContain(NAME);
        expect(far).toContain('没有待处理的删除申请');
        const request = (await handle.db.selectFrom('deletion_requests').select('id').executeTakeFirstOrThrow()).id;
        expect((await farAdmin.post(`/admin/deletions/${request}`, { confirm: 'yes' })).status).toBe(404);
        expect([403, 404]).toContain((await teacher.post(`/admin/deletions/${request}`, { confirm: 'yes' })).status);
        expect(await handle.db.selectFrom('children').select('id').where('id', '=', ids.child).execute()).toHaveLength(1);
      });

      it('carried out: the seat goes to the waiting child, the figures stay, the name is gone from every table', async () => {
        const reportBefore = await (await admin.get(`/admin/terms/${ids.pastTerm}/attendance.csv`)).text();
        const pageBefore = await (await admin.get(`/admin/terms/${ids.pastTerm}/attendance`)).text();
        const request = (await handle.db.selectFrom('deletion_requests').select('id').executeTakeFirstOrThrow()).id;
        const confirm = await admin.post(`/admin/deletions/${request}`, {});
        expect(confirm.status).toBe(200);
        expect(await confirm.text()).toContain(`将永久删除 ${NAME} 的全部个人数据`);
        expect(await handle.db.selectFrom('children').select('id').where('id', '=', ids.child).execute()).toHaveLength(1);

        const done = await admin.post(`/admin/deletions/${request}`, { confirm: 'yes' });
        expect(done.status).toBe(303);
        expect(done.headers.get('location')).toBe(`/admin/deletions?done=${request}`);
        expect(await (await admin.get(done.headers.get('location')!)).text()).toContain(`已删除一名孩子的个人数据（申请 #${request}）`);

        // Invariant 3: the freed seat went to the first waiting child, whose guardian was told.
        const waiting = await handle.db.selectFrom('enrollments').select(['status', 'waitlist_position']).where('child_id', '=', ids.waiting).executeTakeFirstOrThrow();
        expect(waiting).toEqual({ status: 'enrolled', waitlist_position: null });
        expect((await handle.db.selectFrom('offerings').select('seats_taken').where('id', '=', ids.live).executeTakeFirstOrThrow()).seats_taken).toBe(1);
        const told = await handle.db.selectFrom('notifications').select('kind').where('recipient_id', '=', ids.waitingParent).execute();
        expect(told.map((row) => row.kind)).toEqual(['promoted']);

        // The ended term's figures are unchanged: seat count kept, marks counted anonymously.
        expect(await (await admin.get(`/admin/terms/${ids.pastTerm}/attendance.csv`)).text()).toBe(reportBefore);
        const pageAfter = await (await admin.get(`/admin/terms/${ids.pastTerm}/attendance`)).text();
        const figures = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
        expect(figures(pageAfter)).toBe(figures(pageBefore));
        const tallies = await handle.db.selectFrom('attendance_tallies').select(['mark', 'count']).orderBy('mark').execute();
        expect(tallies.map((row) => [row.mark, Number(row.count)])).toEqual([
          ['absent', 1],
          ['late', 1],
          ['present', 1],
        ]);

        // Nothing tied to the child is left, and its name appears in no text column of any table.
        for (const table of await tablesWithChildId(handle.db)) {
          const left = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where child_id = ${ids.child}`.execute(handle.db);
          expect(Number(left.rows[0]!.n), table).toBe(0);
        }
        expect(await whereTextAppears(handle.db, NAME)).toEqual([]);
        expect(await whereTextAppears(handle.db, '迟到了十分钟')).toEqual([]);
        expect(await whereTextAppears(handle.db, '孩子转学了')).toEqual([]);
        expect(await handle.db.selectFrom('notification_deliveries').select('id').execute()).toHaveLength(0);

        // The log says what was done, by whom, without saying who the child was.
        const erased = await audits('child.erased');
        expect(erased).toHaveLength(1);
        expect(erased[0]!.subject_type).toBe('deletion_request');
        expect(detailOf(erased[0]!)).toMatchObject({ enrollments: 2, seatsFreed: 1, marks: 3, notifications: 1, lotteryEntries: 1, guardians: 2, promoted: 1 });
        const request_ = await handle.db.selectFrom('deletion_requests').selectAll().executeTakeFirstOrThrow();
        expect([request_.status, request_.child_id, request_.reason]).toEqual(['done', null, null]);

        // The guardians keep their accounts and sessions; the child is simply gone from them.
        const family = await mum.get('/family');
        expect(family.status).toBe(200);
        expect(await family.text()).not.toContain(NAME);
        expect((await dad.get(`/children/${ids.child}`)).status).toBe(404);
        expect((await mum.get(`/children/${ids.child}/export.json`)).status).toBe(404);
        expect(await handle.db.selectFrom('sessions').select('id').where('user_id', 'in', [ids.mum, ids.dad]).execute()).toHaveLength(2);
        // Carrying it out again finds nothing to do.
        expect((await admin.post(`/admin/deletions/${request}`, { confirm: 'yes' })).status).toBe(404);
        expect(await audits('child.erased')).toHaveLength(1);
      });
    });

    describe('the purge', () => {
      let oldTerm: number;
      let oldOffering: number;
      let liveMarks: number;

      beforeAll(async () => {
        // A term that ended in January 2025, more than a year before "today" (2026-11-27).
        oldTerm = await createTerm(handle, ids.school, { name_zh: '2024 秋季', name_en: 'Autumn 2024', first_day: '2024-09-02', last_day: '2025-01-10', enrol_opens_at: '2024-08-01T00:00:00.000Z', enrol_closes_at: '2024-08-30T00:00:00.000Z' });
        oldOffering = await createOffering(handle, oldTerm, { code: 'ANCIENT', title_zh: '旧课' });
        await fillOffering(handle, oldOffering, ids.school, { enrolled: 2, waitlisted: 1 });
        const pupils = (await handle.db.selectFrom('enrollments').select('child_id').where('offering_id', '=', oldOffering).where('status', '=', 'enrolled').orderBy('child_id').execute()).map((row) => row.child_id);
        await mark(oldOffering, 0, pupils[0]!, 'present', '带了自己的电池');
        await mark(oldOffering, 0, pupils[1]!, 'absent');
        await mark(oldOffering, 1, pupils[0]!, 'late');
        await handle.db
          .insertInto('notifications')
          .values({ recipient_id: ids.waitingParent, kind: 'child_absent', payload: JSON.stringify({ offeringId: oldOffering, childId: pupils[1], childName: '旧课孩子', title: '旧课', titleEn: null }), created_at: '2024-10-01T00:00:00.000Z', read_at: null })
          .execute();
        liveMarks = (await handle.db.selectFrom('attendance_marks').select('child_id').execute()).length;
      });

      const purge = (dryRun: boolean) => purgeExpiredPersonalData(handle.db, { clock: fixedClock(NOW), timeZone: 'Asia/Shanghai', retentionDays: 365, dryRun });

      it('--dry-run says what would go and changes nothing', async () => {
        const before = await handle.db.selectFrom('enrollments').select('id').execute();
        const report = await purge(true);
        expect(report.cutoff).toBe('2025-11-27');
        expect(report.terms.map((term) => term.id)).toEqual([oldTerm]);
        expect(report.counts).toEqual({ marks: 3, enrollments: 3, lotteryEntries: 0, notifications: 1, invites: 0, pupils: 0 });
        expect(await handle.db.selectFrom('enrollments').select('id').execute()).toEqual(before);
        expect(await audits('privacy.purged')).toHaveLength(0);
      });

      it('anonymises the old term keeping its figures, leaves later terms alone, and a second run does nothing', async () => {
        const reportBefore = await (await admin.get(`/admin/terms/${oldTerm}/attendance.csv`)).text();
        const report = await purge(false);
        expect(report.counts).toEqual({ marks: 3, enrollments: 3, lotteryEntries: 0, notifications: 1, invites: 0, pupils: 0 });
        expect(await (await admin.get(`/admin/terms/${oldTerm}/attendance.csv`)).text()).toBe(reportBefore);
        const offerings = await handle.db.selectFrom('offerings').select('id').where('term_id', '=', oldTerm).execute();
        expect(await handle.db.selectFrom('enrollments').select('id').where('offering_id', 'in', offerings.map((row) => row.id)).execute()).toHaveLength(0);
        expect(await whereTextAppears(handle.db, '带了自己的电池')).toEqual([]);
        expect(await whereTextAppears(handle.db, '旧课孩子')).toEqual([]);
        // The spring term (ended within the retention period) keeps its named marks.
        expect((await handle.db.selectFrom('attendance_marks').select('child_id').execute()).length).toBe(liveMarks - 3);
        const purged = await audits('privacy.purged');
        expect(purged).toHaveLength(1);
        expect(detailOf(purged[0]!)).toMatchObject({ cutoff: '2025-11-27', terms: [oldTerm], marks: 3, enrollments: 3 });

        const again = await purge(false);
        expect(again.counts).toEqual({ marks: 0, enrollments: 0, lotteryEntries: 0, notifications: 0, invites: 0, pupils: 0 });
        expect(await audits('privacy.purged')).toHaveLength(1);
        expect(await (await admin.get(`/admin/terms/${oldTerm}/attendance.csv`)).text()).toBe(reportBefore);
      });
    });
  });
}

describe('npm run purge', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    const school = await createSchool(handle, 'purge-cli');
    const term = await createTerm(handle, school, { first_day: '2020-09-01', last_day: '2021-01-15', enrol_opens_at: '2020-08-01T00:00:00.000Z', enrol_closes_at: '2020-08-30T00:00:00.000Z' });
    await fillOffering(handle, await createOffering(handle, term, { code: 'CLI', title_zh: '旧课' }), school, { enrolled: 2, waitlisted: 0 });
    await handle.close();
  });
  afterAll(() => handle.drop());

  const run = (args: string[], environment: Record<string, string>) =>
    promisify(execFile)(process.execPath, [TSX_CLI, 'src/ops/purge-cli.ts', ...args], { env: { ...process.env, DATABASE_URL: '', ...environment } });

  it('prints what --dry-run would purge, then purges, then finds nothing', async () => {
    if (handle.target.dialect !== 'sqlite') throw new Error('sqlite expected');
    const database = { DATABASE_URL: `sqlite:${handle.target.path}`, RETENTION_DAYS: '400' };
    const dry = await run(['--dry-run'], database);
    expect(dry.stdout).toContain('Would purge');
    expect(dry.stdout).toContain('RETENTION_DAYS=400');
    expect(dry.stdout).toContain('enrollments: 2');
    expect(dry.stdout).toContain('pupils who left (unbound, unconfirmed since the cutoff): 0');
    const real = await run([], database);
    expect(real.stdout).toContain('Purged');
    expect(real.stdout).toContain('enrollments: 2');
    const again = await run([], database);
    expect(again.stdout).toContain('enrollments: 0');
    const refused = await run([], { ...database, RETENTION_DAYS: 'soon' }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('RETENTION_DAYS: must be a whole number of days');
  }, 60_000);
});
