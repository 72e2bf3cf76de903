// Second guardians: a one-time invitation code (POST /children/:id/invites, POST /family/join), removing a guardian, and who may see what.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';

const CODE = /<code class="invite-code">([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})<\/code>/;

for (const dialect of DIALECTS) {
  describe(`second guardians on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let mum: Browser;
    let dad: Browser;
    let stranger: Browser;
    let mumId: number;
    let dadId: number;
    let strangerId: number;
    let child: number;
    let school: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle).app;
      school = await createSchool(handle, 'willow');
      mum = new Browser(app);
      dad = new Browser(app);
      stranger = new Browser(app);
      mumId = await createUser(handle, { login: 'mum@example.com', name: '王妈妈' });
      dadId = await createUser(handle, { login: 'dad@example.com', name: '李爸爸' });
      strangerId = await createUser(handle, { login: 'stranger@example.com', name: '陌生人' });
      await signIn(handle, mum, mumId);
      await signIn(handle, dad, dadId);
      await signIn(handle, stranger, strangerId);
      const added = await mum.post('/children', { name: '李小雨', school: 'willow', grade: '2', consent: CONSENT_VERSION });
      child = Number(/added=(\d+)/.exec(added.headers.get('location')!)![1]);
    });
    afterAll(() => handle.drop());

    const guardians = async () =>
      (await handle.db.selectFrom('guardianships').select('user_id').where('child_id', '=', child).orderBy('user_id').execute()).map((row) => row.user_id);
    const invites = () => handle.db.selectFrom('guardian_invites').selectAll().where('child_id', '=', child).orderBy('id').execute();
    const audits = async (action: string) => (await handle.db.selectFrom('audit_events').select('id').where('action', '=', action).execute()).length;
    async function newCode(browser = mum): Promise<string> {
      const response = await browser.post(`/children/${child}/invites`, {});
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('no-store');
      return CODE.exec(await response.text())![1]!;
    }

    it('shows a guardian a one-time code, valid for a week, and stores only its SHA-256', async () => {
      const code = await newCode();
      const [invite] = await invites();
      expect(invite!.code_hash).toBe(createHash('sha256').update(code.replace('-', '')).digest('hex'));
      expect(JSON.stringify(await invites())).not.toContain(code.replace('-', ''));
      expect(new Date(invite!.expires_at).getTime() - new Date(invite!.created_at).getTime()).toBe(7 * 86_400_000);
      expect(await audits('guardian.invite_created')).toBe(1);
      // Shown once: the child's page does not show it again.
      expect(await (await mum.get(`/children/${child}`)).text()).not.toMatch(CODE);
    });

    it('replaces the older unused code when a new one is made, so only the newest works', async () => {
      const older = await newCode();
      const newer = await newCode();
      expect((await invites()).filter((invite) => invite.used_at === null)).toHaveLength(1);
      const refused = await dad.post('/family/join', { code: older, consent: CONSENT_VERSION });
      expect(refused.status).toBe(422);
      expect(await guardians()).toEqual([mumId]);
      expect(newer).not.toBe(older);
    });

    it('refuses a wrong code with 422 and a clear message, and writes nothing', async () => {
      const before = await invites();
      const response = await dad.post('/family/join', { code: 'ZZZZ-ZZZZ', consent: CONSENT_VERSION });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('没有找到这个邀请码');
      expect(await guardians()).toEqual([mumId]);
      expect(await invites()).toEqual(before);
      const inEnglish = new Browser(app, { lang: 'en' });
      await signIn(handle, inEnglish, strangerId);
      const english = await inEnglish.post('/family/join', { code: 'zzzz zzzz', consent: CONSENT_VERSION });
      expect(await english.text()).toContain('No invitation has this code');
    });

    it('says what an invitation code looks like when the input cannot be one, huge input included', async () => {
      const short = await dad.post('/family/join', { code: 'ABC', consent: CONSENT_VERSION });
      expect(short.status).toBe(422);
      expect(await short.text()).toContain('邀请码是 8 位字母和数字');
      const huge = await dad.post('/family/join', { code: 'A'.repeat(5000), consent: CONSENT_VERSION });
      expect(huge.status).toBe(422);
      expect((await dad.post('/family/join', {})).status).toBe(422);
    });

    it('asks the joining parent to tick consent first, spending neither the code nor a guess', async () => {
      const code = await newCode();
      const response = await dad.post('/family/join', { code });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('请先阅读并勾选同意《儿童个人信息保护规则》');
      expect(await guardians()).toEqual([mumId]);
      expect((await invites()).find((invite) => invite.used_by === dadId)).toBeUndefined();
    });

    it('makes the invited parent a guardian with the code typed any way, once, answering 303 to the child', async () => {
      const code = await newCode();
      const response = await dad.post('/family/join', { code: ` ${code.toLowerCase().replace('-', ' ')} `, consent: CONSENT_VERSION });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/children/${child}?joined=1`);
      expect(await guardians()).toEqual([mumId, dadId]);
      const used = (await invites()).find((invite) => invite.used_by === dadId);
      expect(used?.used_at).toBeTruthy();
      expect(await audits('guardian.invite_used')).toBe(1);
      const consent = await handle.db.selectFrom('child_consents').select(['version']).where('user_id', '=', dadId).where('child_id', '=', child).execute();
      expect(consent.map((row) => row.version)).toEqual([CONSENT_VERSION]);
      const page = await (await dad.get(response.headers.get('location')!)).text();
      expect(page).toContain('你现在是 李小雨 的监护人了');

      const again = await stranger.post('/family/join', { code, consent: CONSENT_VERSION });
      expect(again.status).toBe(422);
      expect(await again.text()).toContain('这个邀请码已经用过了');
      expect(await guardians()).toEqual([mumId, dadId]);
    });

    it('lets both guardians see and manage the child', async () => {
      for (const browser of [mum, dad]) expect(await (await browser.get('/family')).text()).toContain('李小雨');
      const page = await (await dad.get(`/children/${child}`)).text();
      expect(page).toContain('王妈妈');
      expect(page).toContain('李爸爸 （你）');
      const saved = await dad.post(`/children/${child}`, { name: '李小雨', school: 'willow', grade: '3', class: '1班' });
      expect(saved.status).toBe(200);
      expect(await (await mum.get(`/children/${child}`)).text()).toContain('value="1班"');
    });

    it('tells a parent who is already a guardian so, and spends nothing', async () => {
      const code = await newCode();
      const response = await dad.post('/family/join', { code, consent: CONSENT_VERSION });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('你已经是 李小雨 的监护人了');
      expect(html).toContain(`href="/children/${child}"`);
      expect((await invites()).filter((invite) => invite.used_at === null)).toHaveLength(1);
    });

    it('refuses an expired code and writes nothing', async () => {
      const code = await newCode();
      await handle.db.updateTable('guardian_invites').set({ expires_at: '2026-11-01T00:00:00.000Z' }).where('used_at', 'is', null).execute();
      const response = await stranger.post('/family/join', { code, consent: CONSENT_VERSION });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('这个邀请码已过期');
      expect(await guardians()).toEqual([mumId, dadId]);
      expect((await invites()).every((invite) => invite.used_by !== strangerId)).toBe(true);
    });

    it('gives a parent who is not a guardian 404 for the child, its calendar and every action on it', async () => {
      expect((await stranger.get(`/children/${child}`)).status).toBe(404);
      expect((await stranger.get(`/children/${child}/calendar.ics`)).status).toBe(404);
      expect((await stranger.post(`/children/${child}/invites`, {})).status).toBe(404);
      expect((await stranger.post(`/children/${child}/calendar-feed`, {})).status).toBe(404);
      expect((await stranger.post(`/children/${child}/calendar-feed/revoke`, {})).status).toBe(404);
      expect((await stranger.post(`/children/${child}/guardians/${mumId}/remove`, { confirm: 'yes' })).status).toBe(404);
      expect(await (await stranger.get('/family')).text()).not.toContain('李小雨');
      expect(await guardians()).toEqual([mumId, dadId]);
    });

    it('answers 404 for nonsense ids, and 403 to staff', async () => {
      expect((await mum.post('/children/abc/guardians/1/remove', {})).status).toBe(404);
      expect((await mum.post(`/children/${child}/guardians/99999999999/remove`, {})).status).toBe(404);
      expect((await mum.post(`/children/${child}/guardians/${strangerId}/remove`, { confirm: 'yes' })).status).toBe(404);
      expect((await mum.post('/children/99999999/invites', {})).status).toBe(404);
      const teacher = new Browser(app);
      await signIn(handle, teacher, await createUser(handle, { login: 'guardian-teacher@example.com', role: 'teacher', schoolId: school }));
      expect((await teacher.post('/family/join', { code: 'ABCD-EFGH', consent: CONSENT_VERSION })).status).toBe(403);
      expect((await teacher.post(`/children/${child}/invites`, {})).status).toBe(403);
    });

    it('throttles guessing: ten wrong codes an hour, then even a right one waits', async () => {
      const guesser = new Browser(app);
      const guesserId = await createUser(handle, { login: 'guesser@example.com' });
      await signIn(handle, guesser, guesserId);
      for (let i = 0; i < 10; i++) expect((await guesser.post('/family/join', { code: `WRNG-${'23456789AB'[i]}XYZ`, consent: CONSENT_VERSION })).status).toBe(422);
      const code = await newCode();
      const blocked = await guesser.post('/family/join', { code, consent: CONSENT_VERSION });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('3600');
      expect(await blocked.text()).toContain('输错的次数太多，请 60 分钟后再试');
      // In place too (htmx swaps a 429 into the form), with the same status.
      const inPlace = await guesser.post('/family/join', { code, consent: CONSENT_VERSION }, { 'hx-request': 'true' });
      expect(inPlace.status).toBe(429);
      expect(await inPlace.text()).toMatch(/^<form method="post" action="\/family\/join"[^]*输错的次数太多/);
      const throttle = await handle.db.selectFrom('login_throttles').selectAll().where('key', '=', `invite:${guesserId}`).executeTakeFirst();
      expect(throttle?.failures).toBe(10);
      expect(await guardians()).toEqual([mumId, dadId]);
    });

    it('asks before removing another guardian, then removes them, their calendar link with them', async () => {
      const feed = await dad.post(`/children/${child}/calendar-feed`, {});
      const token = /calendar\.ics\?token=([\w-]{43})/.exec(await feed.text())![1]!;
      expect((await new Browser(app).get(`/children/${child}/calendar.ics?token=${token}`)).status).toBe(200);

      const ask = await mum.post(`/children/${child}/guardians/${dadId}/remove`, {}, { 'hx-request': 'true' });
      expect(ask.status).toBe(200);
      const fragment = await ask.text();
      expect(fragment).toMatch(/^<section class="card" id="guardians"/);
      expect(fragment).toContain('确定不再让 李爸爸 管理 李小雨 吗');
      expect(await guardians()).toEqual([mumId, dadId]);

      const removed = await mum.post(`/children/${child}/guardians/${dadId}/remove`, { confirm: 'yes' });
      expect(removed.status).toBe(200);
      expect(await removed.text()).toContain('已移除 李爸爸');
      expect(await guardians()).toEqual([mumId]);
      expect(await audits('guardian.removed')).toBe(1);
      expect((await dad.get(`/children/${child}`)).status).toBe(404);
      expect((await new Browser(app).get(`/children/${child}/calendar.ics?token=${token}`)).status).toBe(404);
    });

    it('never removes the last guardian, and says why', async () => {
      const response = await mum.post(`/children/${child}/guardians/${mumId}/remove`, { confirm: 'yes' });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('李小雨 至少要有一位监护人');
      expect(await guardians()).toEqual([mumId]);
    });

    it('lets a guardian remove themself and sends them to their family page', async () => {
      const code = await newCode();
      expect((await dad.post('/family/join', { code, consent: CONSENT_VERSION })).status).toBe(303);
      const response = await dad.post(`/children/${child}/guardians/${dadId}/remove`, { confirm: 'yes' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/family?left=1');
      const page = await (await dad.get('/family?left=1')).text();
      expect(page).toContain('你已不再是这个孩子的监护人');
      expect(page).not.toContain('李小雨');
      expect(await guardians()).toEqual([mumId]);
      expect(await audits('guardian.removed')).toBe(2);
    });
  });
}
