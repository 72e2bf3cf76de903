// A lottery term over HTTP: the same enrol control adds ranked choices, the public page follows the stages,
// only that school's admin draws (once), and the published export verifies with npm run lottery:verify.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';

const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const htmx = { 'hx-request': 'true' };

for (const dialect of DIALECTS) {
  describe(`lottery pages on ${dialect}`, () => {
    let handle: TestDatabase;
    const clock = fixedClock('2026-11-10T00:00:00Z');
    let parent: Browser;
    let otherParent: Browser;
    let admin: Browser;
    let farAdmin: Browser;
    let teacher: Browser;
    let term: number;
    let robotics: number;
    let scratch: number;
    let child: number;
    let folder: string;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const app = buildApp(handle, { clock }).app;
      const school = await createSchool(handle, 'hazel');
      const far = await createSchool(handle, 'rowan');
      term = await createTerm(handle, school, { mode: 'lottery', choice_limit: 3, course_limit: 2, enrol_opens_at: '2026-11-15T00:00:00.000Z', enrol_closes_at: '2026-11-20T00:00:00.000Z' });
      robotics = await createOffering(handle, term, { code: 'ROB', title_zh: '机器人', capacity: 1 });
      scratch = await createOffering(handle, term, { code: 'SCR', title_zh: '编程', capacity: 1 }, [{ weekday: 4, startsAt: '16:00', endsAt: '17:00' }]);
      parent = new Browser(app);
      otherParent = new Browser(app);
      admin = new Browser(app);
      farAdmin = new Browser(app);
      teacher = new Browser(app);
      await signIn(handle, parent, await createUser(handle, { login: 'draw-parent@example.com' }));
      await signIn(handle, otherParent, await createUser(handle, { login: 'draw-other@example.com' }));
      await signIn(handle, admin, await createUser(handle, { login: 'draw-admin@example.com', role: 'school_admin', schoolId: school }));
      await signIn(handle, farAdmin, await createUser(handle, { login: 'draw-far@example.com', role: 'school_admin', schoolId: far }));
      await signIn(handle, teacher, await createUser(handle, { login: 'draw-teacher@example.com', role: 'teacher', schoolId: school }));
      const added = await parent.post('/children', { name: '小满', school: 'hazel', grade: '3', consent: CONSENT_VERSION });
      child = Number(/added=(\d+)/.exec(added.headers.get('location')!)![1]);
      const other = await otherParent.post('/children', { name: '小雪', school: 'hazel', grade: '4', consent: CONSENT_VERSION });
      expect(other.status).toBe(303);
      folder = mkdtempSync(join(tmpdir(), 'clubroll-lottery-'));
    });
    afterAll(async () => {
      rmSync(folder, { recursive: true, force: true });
      await handle.drop();
    });

    it('shows the lottery page before the window opens, with nothing published yet', async () => {
      const html = await (await new Browser(buildApp(handle, { clock }).app).get('/s/hazel/lottery')).text();
      expect(html).toContain('报名尚未开始');
      expect(html).not.toContain('种子承诺');
      expect((await parent.get('/s/hazel/lottery/export.json')).status).toBe(404);
      expect((await parent.get('/s/nowhere/lottery')).status).toBe(404);
    });

    it('turns the enrol control into ranked choices while the window is open', async () => {
      clock.set('2026-11-16T00:00:00Z');
      expect(await (await parent.get(`/offerings/${robotics}`)).text()).toContain('为 小满 加入志愿');
      const first = await parent.post(`/offerings/${robotics}/enrollments`, { child: String(child) }, htmx);
      expect(first.status).toBe(200);
      expect(await first.text()).toContain('已加入 小满 的第 1 志愿');
      await parent.post(`/offerings/${scratch}/enrollments`, { child: String(child) }, htmx);
      const page = await (await parent.get(`/children/${child}/choices`)).text();
      expect(page.indexOf('机器人')).toBeLessThan(page.indexOf('编程'));
      expect(page).toContain('签号：第 1 号');
      const choices = await handle.db.selectFrom('enrollments').select(['id', 'offering_id']).where('child_id', '=', child).orderBy('choice_rank').execute();
      const moved = await parent.post(`/choices/${choices[1]!.id}/up`, {}, htmx);
      const list = await moved.text();
      expect(list.indexOf('编程')).toBeLessThan(list.indexOf('机器人'));
      expect((await otherParent.post(`/choices/${choices[0]!.id}/remove`, {}, htmx)).status).toBe(404);
      expect((await otherParent.get(`/children/${child}/choices`)).status).toBe(404);
      await parent.post(`/choices/${choices[1]!.id}/down`, {}, htmx); // robotics first again
      const seats = await handle.db.selectFrom('offerings').select('seats_taken').execute();
      expect(seats.every((row) => row.seats_taken === 0)).toBe(true);
    });

    it('shows requests against seats on the cards during the window, not seats left', async () => {
      const catalogue = await (await parent.get('/s/hazel')).text();
      expect(catalogue).toContain('<span class="seats__demand">1 人申请 / 1 个名额</span>');
      expect(catalogue).not.toContain('剩余');
      expect(catalogue).not.toContain(`hx-get="/offerings/${robotics}/seats"`); // nothing to poll until the draw
      const offering = await (await parent.get(`/offerings/${robotics}`)).text();
      expect(offering).toContain('1 人申请 / 1 个名额');
      expect(offering).not.toContain('剩余');
    });

    it('publishes the commitment and tells a parent their own entry number only', async () => {
      const mine = await (await parent.get('/s/hazel/lottery')).text();
      expect(mine).toMatch(/<code class="hex">[0-9a-f]{64}<\/code>/);
      expect(mine).toContain('小满：第 1 号');
      expect(await (await otherParent.get('/s/hazel/lottery')).text()).not.toContain('小满');
    });

    it('tells a parent in plain words how the draw works and when results come, with the hashes folded away', async () => {
      const html = await (await parent.get('/s/hazel/lottery')).text();
      expect(html).toContain('随机排序');
      expect(html).toContain('按顺序分配');
      expect(html).toContain('如实填写志愿');
      expect(html).toMatch(/报名 .+ 截止，截止前可以随时调整志愿。.+ 双色球开奖后，学校抽签，结果在本页公布/);
      expect(html).toContain('签号只有你自己能看到');
      expect(html).toMatch(/<details class="lottery-details"><summary>核对用的详细数据<\/summary>[\s\S]*种子承诺/);
      expect(html).not.toContain('lottery-check.js'); // nothing to check before the draw
      const english = await (await parent.get('/s/hazel/lottery', { 'accept-language': 'en' })).text();
      expect(english).toContain('How the draw works');
      expect(english).toContain('So rank honestly');
    });

    it('refuses a draw before the close', async () => {
      const early = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: '01 02 03 04 05 06 07' });
      expect(early.status).toBe(422);
      expect(await early.text()).toContain('报名还没截止');
    });

    it('freezes the list at close, then lets only that school\'s admin draw, once', async () => {
      const otherChild = (await handle.db.selectFrom('children').select('id').where('name', '=', '小雪').executeTakeFirstOrThrow()).id;
      await otherParent.post(`/offerings/${robotics}/enrollments`, { child: String(otherChild) }, htmx);
      clock.set('2026-11-20T01:00:00Z');
      const closed = await (await admin.get('/s/hazel/lottery')).text();
      expect(closed).toContain('名单已冻结');
      expect(closed).toContain('2 人申请 / 1 个名额');
      expect(await (await parent.get('/s/hazel')).text()).toContain('<span class="seats__demand">2 人申请 / 1 个名额</span>');
      expect(closed).toContain('执行抽签');
      expect(await (await parent.get('/s/hazel/lottery')).text()).not.toContain('执行抽签');

      expect((await teacher.post(`/admin/terms/${term}/lottery/draw`, { public_value: '1' })).status).toBe(403);
      expect((await farAdmin.post(`/admin/terms/${term}/lottery/draw`, { public_value: '1' })).status).toBe(404);
      // Frozen on Friday 11-20: the named 双色球 draw is Sunday 11-22 at 21:15 Beijing time; before it, no draw.
      const early = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: '05 11 17 23 29 33 12' });
      expect(early.status).toBe(422);
      expect(await early.text()).toContain('开奖之后才能抽签');
      clock.set('2026-11-22T13:16:00Z');
      expect((await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: '' })).status).toBe(422);
      const hello = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: 'hello' });
      expect(hello.status).toBe(422);
      expect(await hello.text()).toContain('6 个互不相同的红球');
      const drawn = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: '05 11 17 23 29 33 12' });
      expect(drawn.status).toBe(303);
      expect(drawn.headers.get('location')).toBe('/s/hazel/lottery?drawn=1');
      expect(await (await admin.get('/s/hazel/lottery?drawn=1')).text()).toContain('抽签完成');
      const again = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: '05 11 17 23 29 33 12' });
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('不能重抽');
      const places = await handle.db.selectFrom('enrollments').select(['offering_id', 'status']).where('status', '=', 'enrolled').execute();
      expect(places.filter((row) => row.offering_id === robotics)).toHaveLength(1);
    });

    it('publishes the seed and an export that npm run lottery:verify confirms', async () => {
      const page = await (await parent.get('/s/hazel/lottery')).text();
      const seed = /lottery:verify -- export\.json ([0-9a-f]{64})/.exec(page)![1]!;
      const exported = await (await parent.get('/s/hazel/lottery/export.json')).text();
      const file = join(folder, 'export.json');
      writeFileSync(file, exported);
      const { stdout } = await promisify(execFile)(process.execPath, [TSX_CLI, 'src/lottery/verify-cli.ts', file, seed]);
      expect(stdout).toContain('✓ ROB: matches');
      expect(stdout).toContain('OK: all 2 offerings match');
      const wrong = await promisify(execFile)(process.execPath, [TSX_CLI, 'src/lottery/verify-cli.ts', file, 'ab'.repeat(32)]).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code: number; stdout: string }) => error,
      );
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toContain('NOT VERIFIED: the seed does not match the commitment');
    });

    it('offers the in-page check of the draw (a script from /static, the CSP unchanged) and each parent their own place in the draw order', async () => {
      const response = await parent.get('/s/hazel/lottery');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<script src="/static/lottery-check.js" defer=""></script>');
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/); // no inline script
      expect(html).toContain('data-export="/s/hazel/lottery/export.json"');
      expect(html).toMatch(/<button type="button" class="button button--primary lottery-check__run" hidden="">在浏览器里核对<\/button>/);
      expect(html).toContain('data-t-problem-commitment="不一致：这个种子与报名开始时公布的种子承诺对不上。"');
      expect(html).toContain('npm run lottery:verify -- export.json'); // the way without JavaScript
      expect(html).toContain('结果已于');
      const mine = /小满：第 1 号，抽签顺序第 ([12]) 位（共 2 个孩子）/.exec(html);
      expect(mine).not.toBeNull();
      const theirs = await (await otherParent.get('/s/hazel/lottery')).text();
      const other = /小雪：第 2 号，抽签顺序第 ([12]) 位（共 2 个孩子）/.exec(theirs);
      expect(other?.[1]).toBe(mine![1] === '1' ? '2' : '1');
      expect(theirs).not.toContain('小满');
      const script = await parent.get('/static/lottery-check.js');
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
    });

    it('shows seats left again on the cards once the draw has turned the term first come', async () => {
      const catalogue = await (await parent.get('/s/hazel')).text();
      expect(catalogue).not.toContain('seats__demand');
      expect(catalogue).toMatch(/已满|剩余 \d+ 个名额/);
    });
  });
}
