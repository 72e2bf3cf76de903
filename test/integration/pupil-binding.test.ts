// Binding a pupil when a parent adds or edits a child at a school that checks children against its pupil list: the
// right pupil binds (303), every miss gets one message (no probing the list), a taken pupil points to the invitation
// code, two parents racing for one pupil get one winner, ten misses make a parent wait; an open school is as before;
// and an unverified child takes no new place (enrolment, waitlist, lottery choice) while its old ones stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createLotteryService } from '../../src/lottery/lottery.service.ts';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const MISMATCH = '请填写学号，并确认学号、姓名和年级与学校名单一致。';
const TAKEN = '这个学生已由另一个家庭添加。请那个家庭在孩子页面的“邀请另一位监护人”里生成邀请码，你再到“我的家庭”页面的“用邀请码加入”输入，就能一起管理孩子。';
const UNVERIFIED_ZH = '还没有通过学校学生名单的核验，暂时不能报名新课程：请在孩子页面填写学号。';
const UNVERIFIED_EN = 'has not been verified against the school’s pupil list yet, so cannot take new places: enter the pupil number on the child’s page.';

/** The message shown at the pupil number field, if any. */
function pupilFieldError(html: string): string | null {
  return /<p class="field__error" id="child-pupil-number-error">([^<]*)<\/p>/.exec(html)?.[1] ?? null;
}

for (const dialect of DIALECTS) {
  describe(`binding a pupil on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    const clock = fixedClock('2026-11-27T08:00:00Z');
    let oak: number;
    let elm: number;
    let pine: number;
    let offering: number;
    let lotteryOffering: number;
    let lotteryTerm: number;
    const pupil: Record<string, number> = {};
    const parents: Record<string, Browser> = {};
    let parentAId: number;
    let parentAEn: Browser;
    const now = new Date().toISOString();

    async function addPupil(school: number, number: string, name: string, grade: number) {
      pupil[number] = (
        await handle.db
          .insertInto('pupils')
          .values({ school_id: school, number, name, name_key: name.replace(/\s+/g, ''), grade, class_name: null, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }

    /** A child of parent A written straight to the database, as children added before the school kept its list. */
    async function unboundChild(school: number, name: string, grade: number) {
      const id = (await handle.db.insertInto('children').values({ name, school_id: school, grade, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      await handle.db.insertInto('guardianships').values({ user_id: parentAId, child_id: id, created_at: now }).execute();
      return id;
    }

    const childRow = (id: number) => handle.db.selectFrom('children').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const addedId = (response: Response) => Number(/added=(\d+)/.exec(response.headers.get('location') ?? '')?.[1]);
    const written = async () => ({ children: await countRows(handle, 'children'), guardianships: await countRows(handle, 'guardianships'), audit: await countRows(handle, 'audit_events') });

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock }).app;
      oak = await createSchool(handle, 'oak');
      elm = await createSchool(handle, 'elm');
      pine = await createSchool(handle, 'pine');
      await handle.db.updateTable('schools').set({ child_check: 'pupil_list' }).where('id', 'in', [oak, pine]).execute();
      await addPupil(oak, 'G1001', '王 小明', 3);
      await addPupil(oak, 'G1002', '李华', 4);
      await addPupil(oak, 'G1003', '张三', 3);
      await addPupil(oak, 'G1004', '赵六', 2);
      await addPupil(oak, 'G1005', '孙七', 5);
      const term = await createTerm(handle, oak);
      offering = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', capacity: 5 });
      lotteryTerm = await createTerm(handle, pine, { mode: 'lottery', choice_limit: 3, course_limit: 2 });
      lotteryOffering = await createOffering(handle, lotteryTerm, { code: 'AI', title_zh: '人工智能', capacity: 1 });
      for (const name of ['A', 'B', 'C', 'D', 'E']) {
        parents[name] = new Browser(app, { lang: 'zh-CN' });
        const id = await createUser(handle, { login: `bind-${name}@example.com` });
        if (name === 'A') parentAId = id;
        await signIn(handle, parents[name]!, id);
      }
      parentAEn = new Browser(app, { lang: 'en' });
      await signIn(handle, parentAEn, parentAId);
    });
    afterAll(() => handle.drop());

    it('binds the listed pupil with the same number, name and grade: 303, the child bound, shown verified, and it enrols', async () => {
      const response = await parents.A!.post('/children', { name: '王小明', school: String(oak), grade: '3', pupil_number: ' ｇ1001 ', consent: CONSENT_VERSION });
      expect(response.status).toBe(303);
      const id = addedId(response);
      expect((await childRow(id)).pupil_id).toBe(pupil.G1001);
      const family = await (await parents.A!.get('/family')).text();
      expect(family).toContain('已核验：学号 G1001');
      expect(await (await parents.A!.get(`/children/${id}`)).text()).toContain('已核验：学号 G1001');
      const enrol = await parents.A!.post(`/offerings/${offering}/enrollments`, { child: String(id) });
      expect(enrol.status).toBe(303);
      expect((await handle.db.selectFrom('enrollments').select('status').where('child_id', '=', id).executeTakeFirstOrThrow()).status).toBe('enrolled');
    });

    it('answers a wrong name, an unknown number, a missing number and a wrong grade alike: 422, one message at the field, nothing written', async () => {
      const before = await written();
      const tries: Record<string, Record<string, string>> = {
        'wrong name': { name: '李 花', school: String(oak), grade: '4', pupil_number: 'G1002' },
        'unknown number': { name: '李华', school: String(oak), grade: '4', pupil_number: 'G9999' },
        'overlong number': { name: '李华', school: String(oak), grade: '4', pupil_number: `G1002${'0'.repeat(300)}` },
        'missing number': { name: '李华', school: String(oak), grade: '4' },
        'empty number': { name: '李华', school: String(oak), grade: '4', pupil_number: '  ' },
        'wrong grade': { name: '李华', school: String(oak), grade: '5', pupil_number: 'G1002' },
        'taken number, wrong name': { name: '王大明', school: String(oak), grade: '3', pupil_number: 'G1001' },
      };
      for (const [label, fields] of Object.entries(tries)) {
        const response = await parents.B!.post('/children', { ...fields, consent: CONSENT_VERSION });
        expect(response.status, label).toBe(422);
        const html = await response.text();
        expect(pupilFieldError(html), label).toBe(MISMATCH);
        // The field is there now, even for a parent whose browser never swapped it in.
        expect(html, label).toContain('name="pupil_number"');
        expect(html, label).toContain('学号见学校通知/学生证');
      }
      expect(await written()).toEqual(before);
    });

    it('refuses a pupil another family has bound, pointing to the invitation code, and tells a parent when it is their own child', async () => {
      const before = await written();
      const taken = await parents.B!.post('/children', { name: '王小明', school: String(oak), grade: '3', pupil_number: 'G1001', consent: CONSENT_VERSION });
      expect(taken.status).toBe(422);
      expect(pupilFieldError(await taken.text())).toBe(TAKEN);
      const again = await parents.A!.post('/children', { name: '王小明', school: String(oak), grade: '3', pupil_number: 'G1001', consent: CONSENT_VERSION });
      expect(again.status).toBe(422);
      expect(pupilFieldError(await again.text())).toBe('这个学生已经在你的家庭里了：王小明。');
      expect(await written()).toEqual(before);
    });

    it('lets one of two parents binding one pupil at once win; the other hears it is taken, never a 500', async () => {
      const fields = { name: '张三', school: String(oak), grade: '3', pupil_number: 'G1003', consent: CONSENT_VERSION };
      const answers = await Promise.all([parents.D!.post('/children', fields), parents.E!.post('/children', fields)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([303, 422]);
      const loser = answers.find((answer) => answer.status === 422)!;
      expect(pupilFieldError(await loser.text())).toBe(TAKEN);
      const bound = await handle.db.selectFrom('children').select('id').where('pupil_id', '=', pupil.G1003!).execute();
      expect(bound).toHaveLength(1);
      expect(await handle.db.selectFrom('children').select('id').where('name', '=', '张三').execute()).toHaveLength(1);
    });

    // PostgreSQL lets the school's removal and the parent's binding overlap; SQLite runs one writer at a time, so
    // the case cannot arise there and is not a test of it.
    if (dialect === 'postgres') it('answers a pupil removed from the list while a parent binds it like any miss, never a 500', async () => {
      await addPupil(oak, 'G1006', '吴九', 4);
      const before = await written();
      let answer: Promise<Response> | undefined;
      await handle.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('pupils').where('id', '=', pupil.G1006!).execute();
        // The parent's look-up still sees the pupil; the child's insert waits for the removal, then finds it gone.
        answer = parents.D!.post('/children', { name: '吴九', school: String(oak), grade: '4', pupil_number: 'G1006', consent: CONSENT_VERSION });
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const response = await answer!;
      expect(response.status).toBe(422);
      expect(pupilFieldError(await response.text())).toBe(MISMATCH);
      expect(await written()).toEqual(before);
    });

    it('makes a parent wait after ten misses in an hour (429 with Retry-After), even with the right pupil, checking nothing', async () => {
      for (let miss = 1; miss <= 10; miss++) {
        const response = await parents.C!.post('/children', { name: '孙七', school: String(oak), grade: '5', pupil_number: `G80${miss}`, consent: CONSENT_VERSION });
        expect(response.status, `miss ${miss}`).toBe(422);
      }
      const before = await written();
      const right = await parents.C!.post('/children', { name: '孙七', school: String(oak), grade: '5', pupil_number: 'G1005', consent: CONSENT_VERSION });
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(3000);
      expect(pupilFieldError(await right.text())).toBe('核对失败的次数太多，请 60 分钟后再试。');
      expect(await written()).toEqual(before);
      // An hour later the right pupil binds.
      clock.set('2026-11-27T09:01:00Z');
      try {
        const later = await parents.C!.post('/children', { name: '孙七', school: String(oak), grade: '5', pupil_number: 'G1005', consent: CONSENT_VERSION });
        expect(later.status).toBe(303);
        expect((await childRow(addedId(later))).pupil_id).toBe(pupil.G1005);
      } finally {
        clock.set('2026-11-27T08:00:00Z');
      }
    });

    it('keeps an open school as before: no pupil number asked, any typed one ignored', async () => {
      const plain = await parents.B!.post('/children', { name: '周八', school: String(elm), grade: '2', consent: CONSENT_VERSION });
      expect(plain.status).toBe(303);
      const typed = await parents.B!.post('/children', { name: '周九', school: 'elm', grade: '2', pupil_number: 'G1001', consent: CONSENT_VERSION });
      expect(typed.status).toBe(303);
      expect((await childRow(addedId(typed))).pupil_id).toBeNull();
      const long = await parents.B!.post('/children', { name: '周十', school: 'elm', grade: '2', pupil_number: 'G'.repeat(500), consent: CONSENT_VERSION });
      expect(long.status).toBe(303);
      const family = await (await parents.B!.get('/family')).text();
      expect(family).not.toContain('核验');
      expect(family).not.toContain('name="pupil_number"');
    });

    it('swaps the pupil number field in when a pupil-list school is chosen, and out for an open one', async () => {
      const forOak = await parents.B!.get(`/children/pupil-field?school=${oak}`, { 'hx-request': 'true' });
      expect(forOak.status).toBe(200);
      const html = await forOak.text();
      expect(html).toContain('name="pupil_number"');
      expect(html).toContain('autocomplete="off"');
      expect(html).toContain('学号见学校通知/学生证');
      const forElm = await (await parents.B!.get(`/children/pupil-field?school=${elm}`, { 'hx-request': 'true' })).text();
      expect(forElm).toContain('id="child-pupil"');
      expect(forElm).not.toContain('name="pupil_number"');
      const form = await (await parents.B!.get('/family')).text();
      expect(form).toContain('hx-get="/children/pupil-field"');
    });

    it('refuses to enrol an unverified child, in Chinese and English; its guardian binds it by editing the child, then it enrols', async () => {
      const child = await unboundChild(oak, '赵六', 2);
      const family = await (await parents.A!.get('/family')).text();
      expect(family).toContain('未核验：填写学号后才能报名新课程');
      expect(family).toContain(`href="/children/${child}#child-pupil-number"`);
      const zh = await parents.A!.post(`/offerings/${offering}/enrollments`, { child: String(child) });
      expect(zh.status).toBe(422);
      expect(await zh.text()).toContain(`赵六 ${UNVERIFIED_ZH}`);
      const en = await parentAEn.post(`/offerings/${offering}/enrollments`, { child: String(child) }, { 'hx-request': 'true' });
      expect(en.status).toBe(422);
      expect(await en.text()).toContain(`赵六 ${UNVERIFIED_EN}`);
      expect(await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', child).execute()).toEqual([]);

      // Editing without the number (or with a wrong one) is refused alike; the right one binds.
      const page = await (await parents.A!.get(`/children/${child}`)).text();
      expect(page).toContain('name="pupil_number"');
      const without = await parents.A!.post(`/children/${child}`, { name: '赵六', school: String(oak), grade: '2', class: '3班' });
      expect(without.status).toBe(422);
      expect(pupilFieldError(await without.text())).toBe(MISMATCH);
      expect((await childRow(child)).class_name).toBeNull();
      const bound = await parents.A!.post(`/children/${child}`, { name: '赵六', school: String(oak), grade: '2', class: '3班', pupil_number: 'g1004' });
      expect(bound.status).toBe(200);
      const saved = await bound.text();
      expect(saved).toContain('已保存');
      expect(await childRow(child)).toMatchObject({ pupil_id: pupil.G1004, class_name: '3班' });
      expect(await (await parents.A!.get(`/children/${child}`)).text()).toContain('已核验：学号 G1004');

      // A bound child stays matched: a record that no longer fits its pupil is refused at the field.
      const renamed = await parents.A!.post(`/children/${child}`, { name: '赵七', school: String(oak), grade: '2', class: '3班', pupil_number: 'G1004' });
      expect(renamed.status).toBe(422);
      expect(pupilFieldError(await renamed.text())).toBe(MISMATCH);
      expect((await childRow(child)).name).toBe('赵六');
      const kept = await parents.A!.post(`/children/${child}`, { name: '赵 六', school: String(oak), grade: '2', class: '4班' });
      expect(kept.status).toBe(200);
      expect(await childRow(child)).toMatchObject({ pupil_id: pupil.G1004, class_name: '4班' });

      const enrol = await parents.A!.post(`/offerings/${offering}/enrollments`, { child: String(child) });
      expect(enrol.status).toBe(303);
    });

    it('leaves an unverified child’s existing seat alone: asking again answers with the seat', async () => {
      const child = (await handle.db.selectFrom('children').select('id').where('pupil_id', '=', pupil.G1001!).executeTakeFirstOrThrow()).id;
      await handle.db.updateTable('children').set({ pupil_id: null }).where('id', '=', child).execute();
      const again = await parents.A!.post(`/offerings/${offering}/enrollments`, { child: String(child) });
      expect(again.status).toBe(303);
      expect((await handle.db.selectFrom('enrollments').select('status').where('child_id', '=', child).executeTakeFirstOrThrow()).status).toBe('enrolled');
    });

    it('refuses an unverified child’s lottery choice with the same reason; a choice made while verified is drawn as frozen', async () => {
      clock.set('2026-11-16T00:00:00Z');
      try {
        await addPupil(pine, 'P1', '钱一', 3);
        await addPupil(pine, 'P2', '钱二', 3);
        const verified = await parents.A!.post('/children', { name: '钱一', school: 'pine', grade: '3', pupil_number: 'P1', consent: CONSENT_VERSION });
        expect(verified.status).toBe(303);
        const chosen = addedId(verified);
        expect((await parents.A!.post(`/offerings/${lotteryOffering}/enrollments`, { child: String(chosen) })).status).toBe(303);
        const unverified = await unboundChild(pine, '钱二', 3);
        const refused = await parents.A!.post(`/offerings/${lotteryOffering}/enrollments`, { child: String(unverified) });
        expect(refused.status).toBe(422);
        expect(await refused.text()).toContain(`钱二 ${UNVERIFIED_ZH}`);
        const lottery = createLotteryService({ db: handle.db, clock, timeZone: 'Asia/Shanghai' });
        expect(await lottery.addChoice(parentAId, lotteryOffering, unverified)).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'unverified' } });
        expect(await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', unverified).execute()).toEqual([]);

        // The school removes the chosen child's pupil from its list: the choice stays and the draw seats it.
        await handle.db.deleteFrom('pupils').where('id', '=', pupil.P1!).execute();
        expect((await childRow(chosen)).pupil_id).toBeNull();
        clock.set('2026-12-31T01:00:00Z');
        expect((await lottery.publicView(pine))?.draw?.entries_hash).toBeTruthy();
        clock.set('2027-01-04T13:30:00Z');
        const admin = { id: await createUser(handle, { login: 'bind-pine-admin@example.com', role: 'school_admin', schoolId: pine }), role: 'school_admin' as const, schoolId: pine };
        expect(await lottery.draw(admin, lotteryTerm, '05 11 17 23 29 33 12')).toMatchObject({ ok: true, seated: 1 });
        expect((await handle.db.selectFrom('enrollments').select('status').where('child_id', '=', chosen).executeTakeFirstOrThrow()).status).toBe('enrolled');
      } finally {
        clock.set('2026-11-27T08:00:00Z');
      }
    });
  });
}
