// Rosters: who may see one (and its guardians' contacts), the CSV export, and the school's add / remove / move,
// each one transaction with its audit event and the guardians' notices.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

for (const dialect of DIALECTS) {
  describe(`rosters on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let schoolA: number;
    let schoolB: number;
    let termA: number;
    let termB: number;
    let teacherA: number;
    let adminAId: number;
    let parent: number;
    let secondParent: number;
    let offeringB: number;
    const browsers: Record<'teacher' | 'otherTeacher' | 'parent' | 'adminA' | 'adminB' | 'district', Browser> = {} as never;
    let slotDay = 0;

    const now = () => new Date().toISOString();

    async function child(name: string, options: { school?: number; grade?: number; className?: string | null; guardians?: number[] } = {}) {
      const row = await handle.db
        .insertInto('children')
        .values({ name, school_id: options.school ?? schoolA, grade: options.grade ?? 4, class_name: options.className === undefined ? '4(2)班' : options.className, created_at: now(), updated_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const guardian of options.guardians ?? [parent]) await handle.db.insertInto('guardianships').values({ user_id: guardian, child_id: row.id, created_at: now() }).execute();
      return row.id;
    }

    /** An offering of term A taught by teacher A, with children seated and queued straight in the database. */
    async function offering(code: string, capacity: number, seated: number[] = [], waiting: number[] = [], term = termA) {
      slotDay = (slotDay % 7) + 1;
      const id = await createOffering(handle, term, { code, title_zh: `课程${code}`, title_en: `Course ${code}`, capacity, teacher_id: teacherA }, [{ weekday: slotDay, startsAt: '16:00', endsAt: '17:00' }]);
      for (const childId of seated) await handle.db.insertInto('enrollments').values({ offering_id: id, child_id: childId, status: 'enrolled', waitlist_position: null, created_at: now(), updated_at: now() }).execute();
      for (const [index, childId] of waiting.entries()) {
        await handle.db.insertInto('enrollments').values({ offering_id: id, child_id: childId, status: 'waitlisted', waitlist_position: index + 1, created_at: now(), updated_at: now() }).execute();
      }
      await handle.db.updateTable('offerings').set({ seats_taken: seated.length }).where('id', '=', id).execute();
      return id;
    }

    const state = async (offeringId: number) => {
      const seats = await handle.db.selectFrom('offerings').select(['capacity', 'seats_taken']).where('id', '=', offeringId).executeTakeFirstOrThrow();
      const rows = await handle.db.selectFrom('enrollments').select(['id', 'child_id', 'status', 'waitlist_position']).where('offering_id', '=', offeringId).orderBy('id').execute();
      return { ...seats, rows };
    };
    const writes = async () => {
      const [enrollments, audits, notes, offerings] = await Promise.all([
        handle.db.selectFrom('enrollments').select(['id', 'status', 'waitlist_position', 'updated_at']).orderBy('id').execute(),
        handle.db.selectFrom('audit_events').select('id').execute(),
        handle.db.selectFrom('notifications').select('id').execute(),
        handle.db.selectFrom('offerings').select(['id', 'capacity', 'seats_taken']).orderBy('id').execute(),
      ]);
      return JSON.stringify({ enrollments, audits: audits.length, notes: notes.length, offerings });
    };
    const audits = (action: string) => handle.db.selectFrom('audit_events').select(['actor_id', 'action', 'subject_id', 'school_id', 'detail', 'at']).where('action', '=', action).orderBy('id').execute();
    const notices = (kind: string) => handle.db.selectFrom('notifications').select(['recipient_id', 'kind', 'payload']).where('kind', '=', kind).orderBy('id').execute();

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app;
      schoolA = await createSchool(handle, 'maple');
      schoolB = await createSchool(handle, 'birch');
      termA = await createTerm(handle, schoolA);
      termB = await createTerm(handle, schoolB);
      teacherA = await createUser(handle, { login: 'teacher-maple@example.com', name: '林老师', role: 'teacher', schoolId: schoolA });
      const otherTeacher = await createUser(handle, { login: 'teacher2-maple@example.com', role: 'teacher', schoolId: schoolA });
      adminAId = await createUser(handle, { login: 'admin-maple@example.com', name: '枫校管理员', role: 'school_admin', schoolId: schoolA });
      const adminB = await createUser(handle, { login: 'admin-birch@example.com', role: 'school_admin', schoolId: schoolB });
      const district = await createUser(handle, { login: 'district@example.com', role: 'district_admin' });
      parent = await createUser(handle, { login: 'mum@example.com', name: '王妈妈' });
      secondParent = await createUser(handle, { login: '13800138000', name: '王爸爸' });
      await handle.db.updateTable('users').set({ phone: '13912345678' }).where('id', '=', parent).execute();
      offeringB = await createOffering(handle, termB, { code: 'BIRCH-1', title_zh: '桦树学校的课', capacity: 5 });
      const ids = { teacher: teacherA, otherTeacher, parent, adminA: adminAId, adminB, district } as const;
      for (const [role, id] of Object.entries(ids)) {
        const browser = new Browser(app);
        await signIn(handle, browser, id);
        browsers[role as keyof typeof ids] = browser;
      }
    });
    afterAll(() => handle.drop());

    describe('who sees a roster', () => {
      let offeringId: number;
      beforeAll(async () => {
        const seated = await child('张小明', { guardians: [parent, secondParent], className: '4(1)班' });
        const first = await child('李候补', { className: null });
        const second = await child('赵候补');
        offeringId = await offering('SEE', 1, [seated], [first, second]);
        const requester = await child('钱申请');
        await handle.db.insertInto('enrollments').values({ offering_id: offeringId, child_id: requester, status: 'requested', waitlist_position: null, choice_rank: 2, created_at: now(), updated_at: now() }).execute();
      });

      it("shows the offering's teacher the children, the waitlist in order, the requests and the guardians' contacts, read-only", async () => {
        const response = await browsers.teacher.get(`/offerings/${offeringId}/roster`);
        expect(response.status).toBe(200);
        const html = await response.text();
        expect(html).toContain('张小明');
        expect(html).toContain('4(1)班');
        expect(html).toContain('王妈妈');
        expect(html).toContain('王爸爸');
        expect(html).toContain('href="tel:13912345678"');
        expect(html).toContain('href="tel:13800138000"');
        expect(html).toContain('href="mailto:mum@example.com"');
        expect(html.indexOf('李候补')).toBeLessThan(html.indexOf('赵候补'));
        expect(html).toContain('第 1 位');
        expect(html).toContain('第 2 位');
        expect(html).toContain('钱申请');
        expect(html).toContain('第 2 志愿');
        expect(html).toContain('已录取 1 / 1');
        expect(html).not.toContain('/remove');
        expect(html).not.toContain('/roster/add');
      });

      it('shows it to an admin of the school and to a district admin, with the admin actions', async () => {
        for (const who of ['adminA', 'district'] as const) {
          const response = await browsers[who].get(`/offerings/${offeringId}/roster`);
          expect(response.status, who).toBe(200);
          const html = await response.text();
          expect(html).toContain('张小明');
          expect(html).toContain('/remove');
          expect(html).toContain('/move');
        }
      });

      it("answers 404 to another teacher, a parent (even the child's own) and another school's admin, and sends a stranger to log in", async () => {
        for (const who of ['otherTeacher', 'parent', 'adminB'] as const) {
          expect((await browsers[who].get(`/offerings/${offeringId}/roster`)).status, who).toBe(404);
          expect((await browsers[who].get(`/offerings/${offeringId}/roster.csv`)).status, who).toBe(404);
        }
        const stranger = await new Browser(app).get(`/offerings/${offeringId}/roster`);
        expect(stranger.status).toBe(303);
        expect(stranger.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/offerings/${offeringId}/roster`)}`);
        expect((await browsers.adminA.get('/offerings/999999/roster')).status).toBe(404);
      });

      it('exports the roster as CSV with a BOM, a header in the reader’s language and one row per child', async () => {
        const response = await browsers.teacher.get(`/offerings/${offeringId}/roster.csv`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/csv');
        expect(response.headers.get('content-disposition')).toContain('roster-SEE.csv');
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];
        expect(rows[0]).toEqual(['状态', '候补位次', '学生', '年级', '班级', '家长', '电话', '邮箱']);
        expect(rows.slice(1)).toEqual([
          ['已录取', '', '张小明', '4', '4(1)班', '王妈妈; 王爸爸', '13912345678; 13800138000', 'mum@example.com'],
          ['候补', '1', '李候补', '4', '', '王妈妈', '13912345678', 'mum@example.com'],
          ['候补', '2', '赵候补', '4', '4(2)班', '王妈妈', '13912345678', 'mum@example.com'],
          ['已申请（抽签）', '', '钱申请', '4', '4(2)班', '王妈妈', '13912345678', 'mum@example.com'],
        ]);
        const english = parse(await (await browsers.district.get(`/offerings/${offeringId}/roster.csv?lang=en`)).text(), { bom: true }) as string[][];
        expect(english[0]).toEqual(['Status', 'Waitlist position', 'Child', 'Grade', 'Class', 'Guardians', 'Phones', 'E-mails']);
        expect(english[2]![0]).toBe('Waitlisted');
        await browsers.district.get('/?lang=zh-CN'); // the choice is remembered: switch back for the other tests
      });

      it('neutralises a name a spreadsheet would run as a formula', async () => {
        const sly = await child('=HYPERLINK("http://evil.example")');
        const id = await offering('SLY', 2, [sly]);
        const rows = parse(await (await browsers.adminA.get(`/offerings/${id}/roster.csv`)).text(), { bom: true }) as string[][];
        expect(rows[1]![2]).toBe(`'=HYPERLINK("http://evil.example")`);
      });
    });

    describe('adding a child', () => {
      it('finds children of the school by name or class for the add form (htmx fragment), never those of another school', async () => {
        const id = await offering('FIND', 3);
        await child('孙悟空', { className: '5(3)班' });
        await child('孙悟饭', { school: schoolB });
        const response = await browsers.adminA.get(`/offerings/${id}/roster/children?q=${encodeURIComponent('孙悟')}`, { 'hx-request': 'true' });
        expect(response.status).toBe(200);
        const html = await response.text();
        expect(html).toContain('孙悟空');
        expect(html).not.toContain('孙悟饭');
        expect(html).not.toContain('<html');
        expect(await (await browsers.adminA.get(`/offerings/${id}/roster?q=${encodeURIComponent('5(3)')}`)).text()).toContain('孙悟空');
        expect((await browsers.teacher.get(`/offerings/${id}/roster/children?q=x`, { 'hx-request': 'true' })).status).toBe(403);
      });

      it('seats a child in a free seat, ignoring the window, and tells the guardians', async () => {
        const id = await offering('FREE', 2);
        const kid = await child('周自由', { guardians: [parent, secondParent] });
        const response = await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: String(kid) });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('已将 周自由 加入名单');
        const after = await state(id);
        expect(after).toMatchObject({ capacity: 2, seats_taken: 1 });
        expect(after.rows).toMatchObject([{ child_id: kid, status: 'enrolled', waitlist_position: null }]);
        const seat = (await notices('seat_confirmed')).filter((note) => json(note.payload).childId === kid);
        expect(seat.map((note) => note.recipient_id).sort()).toEqual([parent, secondParent].sort());
        const [audit] = (await audits('roster.added')).filter((event) => json(event.detail).childId === kid);
        expect(audit).toMatchObject({ actor_id: adminAId, school_id: schoolA, subject_id: String(after.rows[0]!.id) });
        expect(json(audit!.detail)).toMatchObject({ offeringId: id, override: false });
      });

      it('refuses a full offering without an override, and an override without a reason, writing nothing', async () => {
        const [a, b] = [await child('满一'), await child('满二')];
        const id = await offering('FULL', 1, [a]);
        const before = await writes();
        const refused = await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: String(b) });
        expect(refused.status).toBe(422);
        expect(await refused.text()).toContain('课程已满');
        const noReason = await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: String(b), override: 'yes', reason: '  ' });
        expect(noReason.status).toBe(422);
        expect(await noReason.text()).toContain('请填写原因');
        const english = await browsers.adminA.post(`/offerings/${id}/roster/add?lang=en`, { child: String(b) });
        expect(await english.text()).toContain('The offering is full');
        await browsers.adminA.get('/?lang=zh-CN');
        expect(await writes()).toBe(before);
      });

      it('adds over capacity on an override with a reason: one more seat, taken, and the reason and capacities audited', async () => {
        const [a, b] = [await child('超一'), await child('超二')];
        const id = await offering('OVER', 1, [a]);
        const response = await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: String(b), override: 'yes', reason: '随班就读，校长批准' });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('容量现为 2');
        expect(await state(id)).toMatchObject({ capacity: 2, seats_taken: 2 });
        const [audit] = (await audits('roster.added')).filter((event) => json(event.detail).offeringId === id);
        expect(json(audit!.detail)).toMatchObject({ childId: b, override: true, reason: '随班就读，校长批准', capacityBefore: 1, capacityAfter: 2 });
        expect(audit!.at).toBe('2026-11-27T08:00:00.000Z');
      });

      it('seats a waitlisted child over capacity and closes the gap in the queue', async () => {
        const [a, w1, w2, w3] = [await child('座'), await child('候一'), await child('候二'), await child('候三')];
        const id = await offering('JUMP', 1, [a], [w1, w2, w3]);
        expect((await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: String(w2), override: 'yes', reason: '特殊情况' })).status).toBe(200);
        const after = await state(id);
        expect(after).toMatchObject({ capacity: 2, seats_taken: 2 });
        expect(after.rows.map((row) => [row.child_id, row.status, row.waitlist_position])).toEqual([
          [a, 'enrolled', null],
          [w1, 'waitlisted', 1],
          [w2, 'enrolled', null],
          [w3, 'waitlisted', 2],
        ]);
      });

      it('refuses an already enrolled child and a child of another school (422), and another school’s offering (404)', async () => {
        const [a, foreign] = [await child('已在'), await child('外校生', { school: schoolB })];
        const id = await offering('TWICE', 3, [a]);
        const before = await writes();
        const twice = await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: String(a) });
        expect(twice.status).toBe(422);
        expect(await twice.text()).toContain('已经在名单中');
        const other = await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: String(foreign) });
        expect(other.status).toBe(422);
        expect(await other.text()).toContain('本校没有这名学生');
        expect((await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: 'abc' })).status).toBe(422);
        expect((await browsers.adminA.post(`/offerings/${offeringB}/roster/add`, { child: String(foreign) })).status).toBe(404);
        expect((await browsers.adminB.post(`/offerings/${id}/roster/add`, { child: String(a) })).status).toBe(404);
        expect(await writes()).toBe(before);
      });
    });

    describe('removing a child', () => {
      it('asks first, then withdraws the child, gives the seat to the first waiting, renumbers and tells both families', async () => {
        const leaver = await child('走的', { guardians: [parent, secondParent] });
        const [w1, w2] = [await child('等一'), await child('等二')];
        const id = await offering('REMOVE', 1, [leaver], [w1, w2]);
        const enrollment = (await state(id)).rows[0]!;

        const before = await writes();
        const ask = await browsers.adminA.post(`/enrollments/${enrollment.id}/remove`, {});
        expect(ask.status).toBe(200);
        expect(await ask.text()).toContain('确认移出');
        const noReason = await browsers.adminA.post(`/enrollments/${enrollment.id}/remove`, { confirm: 'yes', reason: '' });
        expect(noReason.status).toBe(422);
        expect(await noReason.text()).toContain('请填写原因');
        expect(await writes()).toBe(before);

        const done = await browsers.adminA.post(`/enrollments/${enrollment.id}/remove`, { confirm: 'yes', reason: '家长申请退课' });
        expect(done.status).toBe(200);
        expect(await done.text()).toContain('等一 获得了名额');
        const after = await state(id);
        expect(after.seats_taken).toBe(1);
        expect(after.rows.map((row) => [row.child_id, row.status, row.waitlist_position])).toEqual([
          [leaver, 'withdrawn', null],
          [w1, 'enrolled', null],
          [w2, 'waitlisted', 1],
        ]);
        const withdrawn = (await notices('withdrawn_by_school')).filter((note) => json(note.payload).childId === leaver);
        expect(withdrawn.map((note) => note.recipient_id).sort()).toEqual([parent, secondParent].sort());
        expect(json(withdrawn[0]!.payload)).toMatchObject({ offeringId: id, reason: '家长申请退课' });
        expect((await notices('promoted')).filter((note) => json(note.payload).childId === w1)).toHaveLength(1);
        const [audit] = (await audits('roster.removed')).filter((event) => event.subject_id === String(enrollment.id));
        expect(audit).toMatchObject({ actor_id: adminAId, school_id: schoolA });
        expect(json(audit!.detail)).toMatchObject({ reason: '家长申请退课', previousStatus: 'enrolled', offeringId: id });
        expect((await audits('enrollment.promoted')).some((event) => event.actor_id === adminAId)).toBe(true);

        const again = await browsers.adminA.post(`/enrollments/${enrollment.id}/remove`, { confirm: 'yes', reason: '再来一次' });
        expect(again.status).toBe(422);
        expect(await again.text()).toContain('已不在这门课的名单中');
      });

      it('leaves a lottery request to the lottery: no remove, move or add from the roster', async () => {
        const requester = await child('抽签的');
        const id = await offering('LOTREQ', 2);
        await handle.db.insertInto('enrollments').values({ offering_id: id, child_id: requester, status: 'requested', waitlist_position: null, choice_rank: 1, created_at: now(), updated_at: now() }).execute();
        const request = (await state(id)).rows[0]!;
        const to = await offering('LOTREQ2', 2);
        const before = await writes();
        const removed = await browsers.adminA.post(`/enrollments/${request.id}/remove`, { confirm: 'yes', reason: '不要了' });
        expect(removed.status).toBe(422);
        expect(await removed.text()).toContain('这是抽签申请');
        expect((await browsers.adminA.post(`/enrollments/${request.id}/move`, { to: String(to), reason: '换课' })).status).toBe(422);
        expect((await browsers.adminA.post(`/offerings/${id}/roster/add`, { child: String(requester) })).status).toBe(422);
        expect(await writes()).toBe(before);
      });

      it('takes a child off the waitlist and closes the gap', async () => {
        const seated = await child('坐着');
        const [w1, w2, w3] = [await child('队一'), await child('队二'), await child('队三')];
        const id = await offering('DEQUEUE', 1, [seated], [w1, w2, w3]);
        const middle = (await state(id)).rows.find((row) => row.child_id === w2)!;
        expect((await browsers.district.post(`/enrollments/${middle.id}/remove`, { confirm: 'yes', reason: '重复报名' })).status).toBe(200);
        expect((await state(id)).rows.map((row) => [row.child_id, row.status, row.waitlist_position])).toEqual([
          [seated, 'enrolled', null],
          [w1, 'waitlisted', 1],
          [w2, 'withdrawn', null],
          [w3, 'waitlisted', 2],
        ]);
      });
    });

    describe('moving a child', () => {
      it('moves a seated child into a free seat: the source seat goes to its first waiting, one notice to the family', async () => {
        const mover = await child('搬家');
        const waiting = await child('接位');
        const from = await offering('FROM1', 1, [mover], [waiting]);
        const to = await offering('TO1', 2);
        const enrollment = (await state(from)).rows[0]!;
        const form = await browsers.adminA.get(`/enrollments/${enrollment.id}/move`);
        expect(form.status).toBe(200);
        expect(await form.text()).toContain('TO1');

        const response = await browsers.adminA.post(`/enrollments/${enrollment.id}/move`, { to: String(to), reason: '时间冲突' });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('已将 搬家 调到「课程TO1」，已录取');
        expect(await state(from)).toMatchObject({ seats_taken: 1, rows: [{ child_id: mover, status: 'withdrawn' }, { child_id: waiting, status: 'enrolled' }] });
        expect(await state(to)).toMatchObject({ seats_taken: 1, rows: [{ child_id: mover, status: 'enrolled', waitlist_position: null }] });
        const [note] = (await notices('moved_by_school')).filter((one) => json(one.payload).childId === mover);
        expect(json(note!.payload)).toMatchObject({ fromOfferingId: from, offeringId: to, status: 'enrolled', reason: '时间冲突' });
        expect((await notices('promoted')).filter((one) => json(one.payload).childId === waiting)).toHaveLength(1);
        const [audit] = (await audits('roster.moved')).filter((event) => event.subject_id === String(enrollment.id));
        expect(json(audit!.detail)).toMatchObject({ fromOfferingId: from, toOfferingId: to, toStatus: 'enrolled', reason: '时间冲突' });
      });

      it('puts a child moved into a full offering at the end of its waitlist', async () => {
        const mover = await child('排队');
        const [seated, queued] = [await child('满座'), await child('早到')];
        const from = await offering('FROM2', 2, [mover]);
        const to = await offering('TO2', 1, [seated], [queued]);
        const enrollment = (await state(from)).rows[0]!;
        const response = await browsers.adminA.post(`/enrollments/${enrollment.id}/move`, { to: String(to), reason: '家长要求' });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('候补第 2 位');
        expect(await state(from)).toMatchObject({ seats_taken: 0 });
        expect((await state(to)).rows.map((row) => [row.child_id, row.status, row.waitlist_position])).toEqual([
          [seated, 'enrolled', null],
          [queued, 'waitlisted', 1],
          [mover, 'waitlisted', 2],
        ]);
        const [note] = (await notices('moved_by_school')).filter((one) => json(one.payload).childId === mover);
        expect(json(note!.payload)).toMatchObject({ status: 'waitlisted' });
      });

      it('refuses a child already in the target, another term’s offering, no target and no reason, writing nothing', async () => {
        const mover = await child('两边');
        const from = await offering('FROM3', 2, [mover]);
        const to = await offering('TO3', 2, [mover]);
        const otherTerm = await offering('LATER', 2, [], [], await createTerm(handle, schoolA, { name_zh: '下学期' }));
        const enrollment = (await state(from)).rows[0]!;
        const before = await writes();
        const both = await browsers.adminA.post(`/enrollments/${enrollment.id}/move`, { to: String(to), reason: '试试' });
        expect(both.status).toBe(422);
        expect(await both.text()).toContain('已在目标课程中');
        const later = await browsers.adminA.post(`/enrollments/${enrollment.id}/move`, { to: String(otherTerm), reason: '试试' });
        expect(later.status).toBe(422);
        expect(await later.text()).toContain('只能调到本学期的其他课程');
        const foreign = await browsers.adminA.post(`/enrollments/${enrollment.id}/move`, { to: String(offeringB), reason: '试试' });
        expect(foreign.status).toBe(422);
        const noTarget = await browsers.adminA.post(`/enrollments/${enrollment.id}/move`, { to: '', reason: '试试' });
        expect(noTarget.status).toBe(422);
        expect(await noTarget.text()).toContain('请选择要调入的课程');
        const noReason = await browsers.adminA.post(`/enrollments/${enrollment.id}/move`, { to: String(to), reason: '' });
        expect(noReason.status).toBe(422);
        expect(await writes()).toBe(before);
      });
    });

    describe("the school's actions are the school's", () => {
      it('refuses the teacher (403), a parent (403) and another school’s admin (404) every admin action, writing nothing', async () => {
        const [a, b] = [await child('甲'), await child('乙')];
        const id = await offering('GUARD', 1, [a]);
        const to = await offering('GUARD2', 3);
        const enrollment = (await state(id)).rows[0]!;
        const before = await writes();
        for (const who of ['teacher', 'parent'] as const) {
          expect((await browsers[who].post(`/offerings/${id}/roster/add`, { child: String(b), override: 'yes', reason: 'x' })).status, who).toBe(403);
          expect((await browsers[who].post(`/enrollments/${enrollment.id}/remove`, { confirm: 'yes', reason: 'x' })).status, who).toBe(403);
          expect((await browsers[who].post(`/enrollments/${enrollment.id}/move`, { to: String(to), reason: 'x' })).status, who).toBe(403);
          expect((await browsers[who].get(`/enrollments/${enrollment.id}/move`)).status, who).toBe(403);
        }
        expect((await browsers.adminB.post(`/enrollments/${enrollment.id}/remove`, { confirm: 'yes', reason: 'x' })).status).toBe(404);
        expect((await browsers.adminB.post(`/enrollments/${enrollment.id}/move`, { to: String(to), reason: 'x' })).status).toBe(404);
        expect((await browsers.adminB.get(`/enrollments/${enrollment.id}/move`)).status).toBe(404);
        expect((await browsers.adminA.post('/enrollments/999999/remove', { confirm: 'yes', reason: 'x' })).status).toBe(404);
        expect(await writes()).toBe(before);
      });
    });

    it('links the roster from the admin offering list and the teacher’s own list', async () => {
      const id = await offering('LINKED', 5);
      expect(await (await browsers.adminA.get(`/admin/terms/${termA}`)).text()).toContain(`/offerings/${id}/roster`);
      expect(await (await browsers.teacher.get('/teach/offerings')).text()).toContain(`/offerings/${id}/roster`);
    });
  });
}
