// Accounts through the HTTP surface: register, log in, log out, change password, throttling, role guards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, FIXTURE_PASSWORD, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`accounts on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let schoolA: number;
    let schoolB: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle).app;
      schoolA = await createSchool(handle, 'alpha');
      schoolB = await createSchool(handle, 'beta', 'middle');
    });
    afterAll(() => handle.drop());

    describe('parent registration', () => {
      it('registers a parent with an e-mail, signs them in with an HttpOnly Lax cookie and redirects with 303', async () => {
        const browser = new Browser(app);
        const response = await browser.post('/register', { name: '林晓', login: 'Lin.Xiao@Example.com', password: 'rainbow-bridge-42' });
        expect(response.status).toBe(303);
        // No `next`: a welcome whose first step is adding a child.
        expect(response.headers.get('location')).toBe('/family?welcome=1');
        const cookie = response.headers.getSetCookie().find((line) => line.startsWith('clubroll_session='));
        expect(cookie).toMatch(/HttpOnly/);
        expect(cookie).toMatch(/SameSite=Lax/);
        expect(cookie).not.toMatch(/Secure/);
        const home = await browser.get('/');
        expect(await home.text()).toContain('林晓');
        const stored = await handle.db.selectFrom('users').select(['email', 'role', 'password_hash']).where('name', '=', '林晓').executeTakeFirstOrThrow();
        expect(stored.email).toBe('lin.xiao@example.com');
        expect(stored.role).toBe('parent');
        expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      });

      it('registers with a mainland mobile number written with +86 and spaces', async () => {
        const response = await new Browser(app).post('/register', { name: '周一', login: '+86 138 0013 8000', password: 'rainbow-bridge-43' });
        expect(response.status).toBe(303);
        const stored = await handle.db.selectFrom('users').select('phone').where('name', '=', '周一').executeTakeFirstOrThrow();
        expect(stored.phone).toBe('13800138000');
      });

      it('refuses a taken login, a weak password, a malformed phone and an over-long name with 422 and writes nothing', async () => {
        await createUser(handle, { login: 'taken@example.com' });
        const before = await countRows(handle, 'users');
        const cases = [
          { fields: { name: '王芳', login: 'TAKEN@example.com', password: 'rainbow-bridge-44' }, zh: '已经注册过', en: 'already registered' },
          { fields: { name: '王芳', login: 'wang@example.com', password: '12345678' }, zh: '太常见', en: 'too common' },
          { fields: { name: '王芳', login: 'wang@example.com', password: 'short' }, zh: '至少 8 位', en: 'at least 8 characters' },
          { fields: { name: '王芳', login: '1380013800', password: 'rainbow-bridge-44' }, zh: '手机号格式不正确', en: 'mobile number is not valid' },
          { fields: { name: '王'.repeat(41), login: 'wang@example.com', password: 'rainbow-bridge-44' }, zh: '姓名最多 40 个字', en: 'at most 40 characters' },
          { fields: { name: '', login: '', password: '' }, zh: '请填写此项', en: 'Please fill this in' },
        ];
        for (const { fields, zh, en } of cases) {
          const chinese = await new Browser(app).post('/register', fields);
          expect(chinese.status).toBe(422);
          expect(await chinese.text()).toContain(zh);
          const english = await new Browser(app, { lang: 'en' }).post('/register', fields);
          expect(english.status).toBe(422);
          expect(await english.text()).toContain(en);
        }
        expect(await countRows(handle, 'users')).toBe(before);
      });

      it('ties each error to its field for screen readers and keeps what was typed (but never the password)', async () => {
        const response = await new Browser(app).post('/register', { name: '王芳', login: 'not-a-login', password: 'secret-typed-here' });
        const html = await response.text();
        expect(html).toMatch(/aria-describedby="register-login-error register-login-hint"/);
        expect(html).toContain('id="register-login-error"');
        expect(html).toContain('value="not-a-login"');
        expect(html).not.toContain('secret-typed-here');
      });

      it('answers htmx with just the form fragment, so the errors swap in place', async () => {
        const response = await new Browser(app).post('/register', { name: '', login: '', password: '' }, { 'hx-request': 'true' });
        expect(response.status).toBe(422);
        const html = await response.text();
        expect(html).toMatch(/^<form/);
        expect(html).not.toContain('<html');
        expect(response.headers.get('vary')).toContain('HX-Request');
      });
    });

    describe('login and logout', () => {
      it('logs in with the login and password fields, issues a new session id and remembers where to go next', async () => {
        await createUser(handle, { login: 'mother@example.com', name: '张妈妈' });
        const browser = new Browser(app);
        const oldSession = await signIn(handle, browser, await createUser(handle, { login: 'someone-else@example.com' }));
        const response = await browser.post('/login', { login: 'mother@example.com', password: FIXTURE_PASSWORD, next: '/account' });
        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toBe('/account');
        const newSession = browser.cookies.get('clubroll_session');
        expect(newSession).toBeTruthy();
        expect(newSession).not.toBe(oldSession);
        // The session this browser had before is gone from the server.
        expect(await handle.db.selectFrom('sessions').select('id').where('id', '=', oldSession).executeTakeFirst()).toBeUndefined();
        expect(await (await browser.get('/account')).text()).toContain('mother@example.com');
      });

      it('never sends a login to another site after login', async () => {
        await createUser(handle, { login: 'next-check@example.com' });
        const response = await new Browser(app).post('/login', { login: 'next-check@example.com', password: FIXTURE_PASSWORD, next: '//evil.example/' });
        expect(response.headers.get('location')).toBe('/');
      });

      it('says the same thing for a wrong password and an unknown account', async () => {
        await createUser(handle, { login: 'father@example.com' });
        const wrong = await new Browser(app, { address: '198.51.100.1' }).post('/login', { login: 'father@example.com', password: 'not-the-password' });
        const unknown = await new Browser(app, { address: '198.51.100.1' }).post('/login', { login: 'nobody@example.com', password: 'not-the-password' });
        expect(wrong.status).toBe(422);
        expect(unknown.status).toBe(422);
        const message = '账号或密码不正确';
        expect(await wrong.text()).toContain(message);
        expect(await unknown.text()).toContain(message);
      });

      it('logout ends the session on the server, not only in the browser', async () => {
        const browser = new Browser(app);
        const sessionId = await signIn(handle, browser, await createUser(handle, { login: 'leaving@example.com' }));
        const response = await browser.post('/logout', {});
        expect(response.status).toBe(303);
        expect(await handle.db.selectFrom('sessions').select('id').where('id', '=', sessionId).executeTakeFirst()).toBeUndefined();
        // Replaying the old cookie gets the signed-out page.
        const replay = new Browser(app);
        replay.cookies.set('clubroll_session', sessionId);
        expect((await replay.get('/account')).status).toBe(303);
      });
    });

    describe('registration does not hand out who is registered', () => {
      it('an address probing taken logins meets the login throttle after 100 answers, and then learns nothing about any login', async () => {
        const clock = fixedClock('2026-11-27T08:00:00Z');
        const clocked = buildApp(handle, { clock }).app;
        await createUser(handle, { login: '13700137000' });
        const prober = '203.0.113.99';
        const probe = (login: string) => new Browser(clocked, { address: prober }).post('/register', { name: '探测', login, password: 'rainbow-bridge-42' });
        const statuses: number[] = [];
        for (let i = 0; i < 100; i++) statuses.push((await probe('13700137000')).status);
        expect(statuses.every((status) => status === 422)).toBe(true);
        const before = await countRows(handle, 'users');
        const taken = await probe('13700137000');
        const free = await probe('13700137999');
        expect([taken.status, free.status]).toEqual([429, 429]);
        expect(Number(taken.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await free.text()).toContain('尝试次数过多');
        expect(await countRows(handle, 'users')).toBe(before);
        // Its logins wait too: one brake per address for every way of asking about an account.
        expect((await new Browser(clocked, { address: prober }).post('/login', { login: '13700137000', password: FIXTURE_PASSWORD })).status).toBe(429);
        // A school's parents behind another address register as usual, and so does this one after the wait.
        expect((await new Browser(clocked, { address: '100.64.7.7' }).post('/register', { name: '新家长', login: '13700137001', password: 'rainbow-bridge-42' })).status).toBe(303);
        clock.advance(61_000);
        expect((await probe('13700137002')).status).toBe(303);
      });

      it('registering new accounts from one school address is never throttled', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) statuses.push((await new Browser(app, { address: '100.64.8.8' }).post('/register', { name: `家长${i}`, login: `1360013${String(i).padStart(4, '0')}`, password: 'rainbow-bridge-42' })).status);
        expect(statuses.every((status) => status === 303)).toBe(true);
      });
    });

    describe('names and logins are normalised', () => {
      it('refuses a look-alike e-mail, a bidi override in a name and a zero-width character in a login, writing nothing', async () => {
        const before = await countRows(handle, 'users');
        const cases: [Record<string, string>, string][] = [
          [{ name: '家长', login: 'p\u0430rent@example.com', password: 'rainbow-bridge-42' }, 'may use only Latin letters'],
          [{ name: '林\u202e晓', login: 'bidi@example.com', password: 'rainbow-bridge-42' }, 'invisible characters'],
          [{ name: '林晓', login: 'zero\u200bwidth@example.com', password: 'rainbow-bridge-42' }, 'invisible characters'],
        ];
        for (const [fields, message] of cases) {
          const response = await new Browser(app, { lang: 'en' }).post('/register', fields);
          expect(response.status).toBe(422);
          expect(await response.text()).toContain(message);
        }
        expect(await countRows(handle, 'users')).toBe(before);
      });

      it('keeps a full-width name and phone number in their plain form, and a login that normalises to a taken one is taken', async () => {
        const first = await new Browser(app).post('/register', { name: 'Ｌｉｎ 晓', login: '１３９００１３９０００', password: 'rainbow-bridge-42' });
        expect(first.status).toBe(303);
        const stored = await handle.db.selectFrom('users').select(['name', 'phone']).where('phone', '=', '13900139000').executeTakeFirstOrThrow();
        expect(stored).toEqual({ name: 'Lin 晓', phone: '13900139000' });
        const before = await countRows(handle, 'users');
        await new Browser(app).post('/register', { name: '另一个', login: '139 0013 9000', password: 'rainbow-bridge-43' });
        expect(await countRows(handle, 'users')).toBe(before);
        // And the plain spelling logs in to the account made with the full-width one.
        expect((await new Browser(app, { address: '100.64.5.5' }).post('/login', { login: '13900139000', password: 'rainbow-bridge-42' })).status).toBe(303);
      });
    });

    describe('throttling', () => {
      it('five wrong passwords make that address wait for that account, while the owner elsewhere still logs in (no lockout on demand)', async () => {
        await createUser(handle, { login: 'target@example.com' });
        const stranger = '192.0.2.66';
        for (let attempt = 1; attempt <= 5; attempt++) {
          const response = await new Browser(app, { address: stranger }).post('/login', { login: 'target@example.com', password: `guess-${attempt}` });
          expect(response.status).toBe(422);
        }
        const blocked = await new Browser(app, { address: stranger }).post('/login', { login: 'target@example.com', password: FIXTURE_PASSWORD });
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await blocked.text()).toContain('尝试次数过多');
        const owner = await new Browser(app, { address: '100.64.9.9' }).post('/login', { login: 'target@example.com', password: FIXTURE_PASSWORD });
        expect(owner.status).toBe(303);
      });

      it('a wrong current password on the password-change form counts against the login throttle', async () => {
        const userId = await createUser(handle, { login: 'current-guess@example.com' });
        const thief = new Browser(app, { address: '192.0.2.77' });
        await signIn(handle, thief, userId);
        for (let attempt = 1; attempt <= 5; attempt++) {
          expect((await thief.post('/account/password', { current: `guess-${attempt}`, password: 'new-secret-phrase-8' })).status).toBe(422);
        }
        const sixth = await thief.post('/account/password', { current: FIXTURE_PASSWORD, password: 'new-secret-phrase-8' });
        expect(sixth.status).toBe(429);
        expect(await sixth.text()).toContain('尝试次数过多');
        // The same brake as a login's: from this address, this account's password cannot be tried either way.
        expect((await new Browser(app, { address: '192.0.2.77' }).post('/login', { login: 'current-guess@example.com', password: FIXTURE_PASSWORD })).status).toBe(429);
        const stored = await handle.db.selectFrom('users').select('password_changed_at').where('id', '=', userId).executeTakeFirstOrThrow();
        expect(stored.password_changed_at).not.toBe(null);
        expect((await new Browser(app, { address: '100.64.9.10' }).post('/login', { login: 'current-guess@example.com', password: FIXTURE_PASSWORD })).status).toBe(303);
      });

      it('forgets a throttle row once its window and wait are over: bogus logins do not add rows forever', async () => {
        const clock = fixedClock('2026-11-27T08:00:00Z');
        const clocked = buildApp(handle, { clock }).app;
        const bogus = () => handle.db.selectFrom('login_throttles').select('key').where('key', 'like', '%nobody%').execute();
        for (let i = 0; i < 20; i++) await new Browser(clocked, { address: `198.51.100.${i}` }).post('/login', { login: `nobody${i}@example.com`, password: 'whatever-1' });
        expect((await bogus()).length).toBeGreaterThanOrEqual(40); // each login alone, and from its address

        clock.advance(16 * 60 * 1000);
        await new Browser(clocked, { address: '198.51.100.200' }).post('/login', { login: 'late@example.com', password: 'whatever-1' });
        expect(await bogus()).toEqual([]);
      });

      it('lets 500 parents behind one school NAT address log in within a minute, though one in ten mistypes once', async () => {
        const nat = '100.64.0.1';
        const parents = 500;
        const values = Array.from({ length: parents }, (_, i) => ({ login: `nat${i}@example.com` }));
        for (let i = 0; i < parents; i += 100) await Promise.all(values.slice(i, i + 100).map((user) => createUser(handle, user)));
        const statuses: number[] = [];
        const started = performance.now();
        const parentLogsIn = async (i: number) => {
          const browser = new Browser(app, { address: nat });
          // Every tenth parent mistypes once before getting it right.
          if (i % 10 === 0) statuses.push((await browser.post('/login', { login: `nat${i}@example.com`, password: 'fixture-pasword-9' })).status);
          const response = await browser.post('/login', { login: `nat${i}@example.com`, password: FIXTURE_PASSWORD });
          statuses.push(response.status);
          return response.status === 303 && (await browser.get('/account')).status === 200;
        };
        const signedIn: boolean[] = [];
        // Twenty at a time, as a school's parents arrive in a rush.
        for (let i = 0; i < parents; i += 20) signedIn.push(...(await Promise.all(Array.from({ length: 20 }, (_, k) => parentLogsIn(i + k)))));
        const seconds = (performance.now() - started) / 1000;
        console.log(`NAT: ${statuses.length} login attempts from one address in ${seconds.toFixed(1)} s: ${statuses.filter((s) => s === 303).length} in, ${statuses.filter((s) => s === 422).length} mistyped, ${statuses.filter((s) => s === 429).length} throttled`);
        expect(signedIn.filter(Boolean)).toHaveLength(parents);
        expect(statuses.filter((status) => status === 422)).toHaveLength(50);
        expect(statuses.filter((status) => status === 429)).toHaveLength(0);
        expect(seconds).toBeLessThan(60);
      }, 120_000);

      it('backs off an account under a stuffing run from many addresses with a doubling wait of at most five minutes, and lets the owner in after it', async () => {
        const clock = fixedClock('2026-11-27T08:00:00Z');
        const clocked = buildApp(handle, { clock }).app;
        await createUser(handle, { login: 'stuffed@example.com' });
        let address = 0;
        const attempt = (password: string) => new Browser(clocked, { address: `198.18.${Math.floor(++address / 250)}.${address % 250}` }).post('/login', { login: 'stuffed@example.com', password });
        for (let i = 1; i <= 30; i++) expect((await attempt(`guess-${i}`)).status).toBe(422);
        const waits: number[] = [];
        for (let round = 0; round < 5; round++) {
          const blocked = await attempt(FIXTURE_PASSWORD); // even the right password waits
          expect(blocked.status).toBe(429);
          const wait = Number(blocked.headers.get('retry-after'));
          waits.push(wait);
          clock.advance(wait * 1000);
          if (round < 4) expect((await attempt(`guess-again-${round}`)).status).toBe(422);
        }
        console.log(`per account: ${address} attempts from ${address} addresses, Retry-After ${waits.join(' → ')} s`);
        expect(waits).toEqual([60, 120, 240, 300, 300]);
        // After the wait, the owner gets in and the slate is clean.
        expect((await attempt(FIXTURE_PASSWORD)).status).toBe(303);
        expect((await attempt('one-typo')).status).toBe(422);
        expect((await attempt(FIXTURE_PASSWORD)).status).toBe(303);
      });

      it('a run spread over many addresses does not keep the owner out where they logged in before', async () => {
        const clock = fixedClock('2026-11-27T08:00:00Z');
        const clocked = buildApp(handle, { clock }).app;
        await createUser(handle, { login: 'known-place@example.com' });
        const at = (address: string, password: string) => new Browser(clocked, { address }).post('/login', { login: 'known-place@example.com', password });
        expect((await at('100.64.20.1', FIXTURE_PASSWORD)).status).toBe(303); // the school, last week
        clock.advance(7 * 86_400_000);
        for (let i = 0; i < 40; i++) await at(`198.19.0.${i}`, `guess-${i}`);
        expect((await at('198.19.1.1', FIXTURE_PASSWORD)).status).toBe(429); // a new place waits (at most 5 minutes)
        expect((await at('100.64.20.1', FIXTURE_PASSWORD)).status).toBe(303);
      });

      it('backs off one address trying many accounts with a doubling wait, without locking out other addresses', async () => {
        const clock = fixedClock('2026-11-27T08:00:00Z');
        const clocked = buildApp(handle, { clock }).app;
        await createUser(handle, { login: 'bystander@example.com' });
        const stuffer = '203.0.113.66';
        let tried = 0;
        const guess = () => new Browser(clocked, { address: stuffer }).post('/login', { login: `victim${tried++}@example.com`, password: 'Password1!' });
        const statuses: number[] = [];
        for (let i = 0; i < 100; i++) statuses.push((await guess()).status);
        expect(statuses.filter((status) => status === 422)).toHaveLength(100);
        const waits: number[] = [];
        let refused = 0;
        for (let round = 0; round < 3; round++) {
          for (let i = 0; i < 5; i++) {
            const blocked = await guess();
            expect(blocked.status).toBe(429);
            refused += 1;
            if (i === 0) waits.push(Number(blocked.headers.get('retry-after')));
          }
          // A parent at another address is not affected.
          expect((await new Browser(clocked, { address: `192.0.2.${200 + round}` }).post('/login', { login: 'bystander@example.com', password: FIXTURE_PASSWORD })).status).toBe(303);
          clock.advance(waits[round]! * 1000);
          expect((await guess()).status).toBe(422); // one more failure after the wait doubles it
        }
        // A fourth round would wait five minutes, and never longer: a school's shared address is never shut out for more.
        const fourth = await guess();
        expect(Number(fourth.headers.get('retry-after'))).toBe(300);
        clock.advance(300_000);
        expect((await guess()).status).toBe(422);
        expect(Number((await guess()).headers.get('retry-after'))).toBe(300);
        console.log(`per address: ${tried} attempts, ${refused} refused with 429, Retry-After ${waits.join(' → ')} → 300 → 300 s`);
        expect(waits).toEqual([60, 120, 240]);
      });
    });

    describe('change password', () => {
      it('changes the password, ends every other session and keeps this browser signed in on a new session', async () => {
        const userId = await createUser(handle, { login: 'changer@example.com', name: '改密' });
        const phone = new Browser(app);
        const laptop = new Browser(app);
        const phoneSession = await signIn(handle, phone, userId);
        await signIn(handle, laptop, userId);
        const response = await laptop.post('/account/password', { current: FIXTURE_PASSWORD, password: 'new-secret-phrase-7' });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('密码已修改');
        expect((await phone.get('/account')).status).toBe(303);
        expect(await handle.db.selectFrom('sessions').select('id').where('id', '=', phoneSession).executeTakeFirst()).toBeUndefined();
        expect((await laptop.get('/account')).status).toBe(200);
        const again = await new Browser(app).post('/login', { login: 'changer@example.com', password: 'new-secret-phrase-7' });
        expect(again.status).toBe(303);
      });

      it('refuses a wrong current password and a weak new one with 422, changing nothing', async () => {
        const userId = await createUser(handle, { login: 'careful@example.com' });
        const browser = new Browser(app, { lang: 'en' });
        await signIn(handle, browser, userId);
        const before = await handle.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
        const wrong = await browser.post('/account/password', { current: 'wrong-password', password: 'new-secret-phrase-7' });
        expect(wrong.status).toBe(422);
        expect(await wrong.text()).toContain('The current password is not right.');
        const weak = await browser.post('/account/password', { current: FIXTURE_PASSWORD, password: 'password' });
        expect(weak.status).toBe(422);
        expect(await weak.text()).toContain('too common');
        const after = await handle.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
        expect(after.password_hash).toBe(before.password_hash);
      });
    });

    describe('role guards and staff accounts', () => {
      it('sends anonymous visitors to the login page and refuses parents and teachers with 403', async () => {
        const anonymous = await new Browser(app).get('/admin/staff');
        expect(anonymous.status).toBe(303);
        expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fstaff');
        for (const role of ['parent', 'teacher'] as const) {
          const browser = new Browser(app);
          await signIn(handle, browser, await createUser(handle, { login: `${role}-guard@example.com`, role, schoolId: role === 'teacher' ? schoolA : null }));
          const page = await browser.get('/admin/staff');
          expect(page.status).toBe(403);
          expect(await page.text()).toContain('没有权限');
          const post = await browser.post('/admin/staff', { name: '黑客', login: 'sneaky@example.com', role: 'school_admin', school: String(schoolA) });
          expect(post.status).toBe(403);
        }
        expect(await handle.db.selectFrom('users').select('id').where('email', '=', 'sneaky@example.com').executeTakeFirst()).toBeUndefined();
      });

      it('lets a school admin open teacher accounts in their own school only', async () => {
        const admin = new Browser(app);
        await signIn(handle, admin, await createUser(handle, { login: 'admin-a@example.com', role: 'school_admin', schoolId: schoolA }));
        const created = await admin.post('/admin/staff', { name: '刘老师', login: 'liu@example.com', role: 'teacher', school: String(schoolA) });
        expect(created.status).toBe(201);
        const html = await created.text();
        const temporary = /class="secret">([^<]+)</.exec(html)?.[1];
        expect(temporary).toMatch(/^[A-Za-z0-9]{12}$/);
        expect(created.headers.get('cache-control')).toBe('no-store');
        const login = await new Browser(app).post('/login', { login: 'liu@example.com', password: temporary! });
        expect(login.status).toBe(303);

        const otherSchool = await admin.post('/admin/staff', { name: '越权', login: 'other@example.com', role: 'teacher', school: String(schoolB) });
        expect(otherSchool.status).toBe(422);
        expect(await otherSchool.text()).toContain('只能在你管理的学校开设账号');
        const promotion = await admin.post('/admin/staff', { name: '越权', login: 'other@example.com', role: 'district_admin' });
        expect(promotion.status).toBe(422);
        expect(await handle.db.selectFrom('users').select('id').where('email', '=', 'other@example.com').executeTakeFirst()).toBeUndefined();
        const audit = await handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'staff.account_opened').execute();
        expect(audit.some((event) => event.school_id === schoolA)).toBe(true);
      });

      it('lets a district admin open a school admin at any school and lists staff of every school', async () => {
        const district = new Browser(app);
        await signIn(handle, district, await createUser(handle, { login: 'district@example.com', role: 'district_admin' }));
        const created = await district.post('/admin/staff', { name: '贝塔管理员', login: 'admin-b@example.com', role: 'school_admin', school: String(schoolB) });
        expect(created.status).toBe(201);
        const html = await created.text();
        expect(html).toContain('admin-b@example.com');
        expect(html).toContain('admin-a@example.com');
        const missingSchool = await district.post('/admin/staff', { name: '无校', login: 'noschool@example.com', role: 'teacher', school: '' });
        expect(missingSchool.status).toBe(422);
        expect(await missingSchool.text()).toContain('需要选择学校');
      });

      it("keeps a school admin's staff list to their own school", async () => {
        const admin = new Browser(app);
        await signIn(handle, admin, await createUser(handle, { login: 'admin-a2@example.com', role: 'school_admin', schoolId: schoolA }));
        const html = await (await admin.get('/admin/staff')).text();
        expect(html).toContain('liu@example.com');
        expect(html).not.toContain('admin-b@example.com');
      });
    });

    describe('ending sessions', () => {
      const sessionsOf = async (userId: number) =>
        Number((await handle.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);

      it('lets a parent log out everywhere else and stay signed in here', async () => {
        const userId = await createUser(handle, { login: 'many-devices@example.com' });
        const phone = new Browser(app);
        const tablet = new Browser(app);
        const laptop = new Browser(app, { lang: 'en' });
        for (const browser of [phone, tablet, laptop]) await signIn(handle, browser, userId);
        const page = await (await laptop.get('/account')).text();
        expect(page).toContain('You are signed in on 3 browsers or devices');
        const response = await laptop.post('/account/sessions/end-others', {});
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('Signed out on 2 other devices');
        expect((await phone.get('/account')).status).toBe(303);
        expect((await tablet.get('/account')).status).toBe(303);
        expect((await laptop.get('/account')).status).toBe(200);
        expect(await sessionsOf(userId)).toBe(1);
        const audit = await handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'account.other_sessions_ended').where('subject_id', '=', String(userId)).executeTakeFirstOrThrow();
        expect(typeof audit.detail === 'string' ? JSON.parse(audit.detail) : audit.detail).toEqual({ ended: 2 });
      });

      it('lets a school admin sign a teacher of their school out everywhere, after a confirm step, audited', async () => {
        const teacherId = await createUser(handle, { login: 'lost-phone@example.com', name: '丢手机老师', role: 'teacher', schoolId: schoolA });
        const teacherPhone = new Browser(app);
        const teacherPc = new Browser(app);
        await signIn(handle, teacherPhone, teacherId);
        await signIn(handle, teacherPc, teacherId);
        const admin = new Browser(app);
        await signIn(handle, admin, await createUser(handle, { login: 'admin-ends@example.com', role: 'school_admin', schoolId: schoolA }));

        const staffPage = await (await admin.get('/admin/staff')).text();
        expect(staffPage).toContain(`href="/admin/users/${teacherId}/sessions"`);
        const confirm = await admin.get(`/admin/users/${teacherId}/sessions`);
        expect(confirm.status).toBe(200);
        const confirmHtml = await confirm.text();
        expect(confirmHtml).toContain('让 丢手机老师 在所有设备上退出登录？');
        expect(confirmHtml).toContain('目前在 2 个浏览器或设备上登录');
        expect(await sessionsOf(teacherId)).toBe(2); // the confirm page ends nothing

        // A POST without the confirm page's "yes" only leads to that page.
        const unconfirmed = await admin.post(`/admin/users/${teacherId}/sessions/end`, {});
        expect(unconfirmed.status).toBe(303);
        expect(unconfirmed.headers.get('location')).toBe(`/admin/users/${teacherId}/sessions`);
        expect(await sessionsOf(teacherId)).toBe(2);

        const ended = await admin.post(`/admin/users/${teacherId}/sessions/end`, { confirm: 'yes' });
        expect(ended.status).toBe(200);
        expect(await ended.text()).toContain('已让 丢手机老师 在所有设备上退出登录（结束了 2 个登录）');
        expect(await sessionsOf(teacherId)).toBe(0);
        expect((await teacherPhone.get('/teach')).status).toBe(303);
        expect((await teacherPc.get('/teach')).status).toBe(303);
        const audit = await handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'account.sessions_ended').where('subject_id', '=', String(teacherId)).executeTakeFirstOrThrow();
        expect(audit.school_id).toBe(schoolA);
        expect(typeof audit.detail === 'string' ? JSON.parse(audit.detail) : audit.detail).toEqual({ ended: 2 });
        // The teacher can simply log in again.
        expect((await new Browser(app).post('/login', { login: 'lost-phone@example.com', password: FIXTURE_PASSWORD })).status).toBe(303);
      });

      it('refuses an admin of another school, a parent and a teacher, and ends nothing', async () => {
        const teacherId = await createUser(handle, { login: 'protected-teacher@example.com', role: 'teacher', schoolId: schoolA });
        await signIn(handle, new Browser(app), teacherId);
        const otherAdmin = new Browser(app, { lang: 'en' });
        await signIn(handle, otherAdmin, await createUser(handle, { login: 'admin-b-ends@example.com', role: 'school_admin', schoolId: schoolB }));
        const auditBefore = await countRows(handle, 'audit_events');
        expect((await otherAdmin.get(`/admin/users/${teacherId}/sessions`)).status).toBe(404);
        const refused = await otherAdmin.post(`/admin/users/${teacherId}/sessions/end`, { confirm: 'yes' });
        expect(refused.status).toBe(404);
        expect(await refused.text()).toContain('not found');
        expect(await (await otherAdmin.get('/admin/staff')).text()).not.toContain(`/admin/users/${teacherId}/sessions`);
        for (const role of ['parent', 'teacher'] as const) {
          const browser = new Browser(app);
          await signIn(handle, browser, await createUser(handle, { login: `${role}-ends@example.com`, role, schoolId: role === 'teacher' ? schoolA : null }));
          expect((await browser.post(`/admin/users/${teacherId}/sessions/end`, { confirm: 'yes' })).status).toBe(403);
        }
        for (const bad of ['0', '99999999', 'abc', '1e3']) {
          expect((await otherAdmin.post(`/admin/users/${bad}/sessions/end`, { confirm: 'yes' })).status).toBe(404);
        }
        expect(await sessionsOf(teacherId)).toBe(1);
        expect(await countRows(handle, 'audit_events')).toBe(auditBefore);
      });

      it('lets the district admin sign a parent out everywhere, and points them to their own account page for themselves', async () => {
        const parentId = await createUser(handle, { login: 'district-target@example.com' });
        await signIn(handle, new Browser(app), parentId);
        const district = new Browser(app, { lang: 'en' });
        const districtId = await createUser(handle, { login: 'district-ends@example.com', role: 'district_admin' });
        await signIn(handle, district, districtId);
        const ended = await district.post(`/admin/users/${parentId}/sessions/end`, { confirm: 'yes' });
        expect(ended.status).toBe(200);
        expect(await sessionsOf(parentId)).toBe(0);
        const self = await district.post(`/admin/users/${districtId}/sessions/end`, { confirm: 'yes' });
        expect(self.status).toBe(422);
        expect(await self.text()).toContain('This is your own account');
        expect(await sessionsOf(districtId)).toBe(1);
      });
    });

    it('shows the header school name for staff', async () => {
      const teacher = new Browser(app);
      await signIn(handle, teacher, await createUser(handle, { login: 'header@example.com', role: 'teacher', schoolId: schoolB }));
      expect(await (await teacher.get('/account')).text()).toContain('beta学校');
      expect(await (await teacher.get('/account?lang=en')).text()).toContain('beta School');
    });

    describe('session lifetime', () => {
      const minute = 60_000;
      const hour = 60 * minute;
      const day = 24 * hour;

      async function loggedIn(login: string, role: 'parent' | 'teacher' = 'parent') {
        await createUser(handle, { login, role, schoolId: role === 'teacher' ? schoolA : null });
        const clock = fixedClock('2026-11-27T08:00:00Z');
        const browser = new Browser(buildApp(handle, { clock }).app);
        expect((await browser.post('/login', { login, password: FIXTURE_PASSWORD })).status).toBe(303);
        const sessionId = browser.cookies.get('clubroll_session')!;
        return { clock, browser, sessionId };
      }
      const signedIn = async (browser: Browser) => (await browser.get('/account')).status === 200;
      const sessionRow = (id: string) => handle.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

      it('keeps a parent signed in after 29 quiet days, and signs them out after 30 days without use', async () => {
        const { clock, browser, sessionId } = await loggedIn('quiet-parent@example.com');
        clock.advance(29 * day);
        expect(await signedIn(browser)).toBe(true);
        clock.advance(30 * day - minute);
        expect(await signedIn(browser)).toBe(true);
        clock.advance(30 * day);
        const response = await browser.get('/account');
        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toBe('/login?next=%2Faccount');
        expect(browser.cookies.has('clubroll_session')).toBe(false);
        expect(await sessionRow(sessionId)).toBeUndefined();
      });

      it('signs a teacher out after 8 hours without use, but not during a working day of use', async () => {
        const { clock, browser, sessionId } = await loggedIn('idle-teacher@example.com', 'teacher');
        for (let i = 0; i < 3; i++) {
          clock.advance(7 * hour);
          expect(await signedIn(browser)).toBe(true);
        }
        clock.advance(8 * hour);
        expect(await signedIn(browser)).toBe(false);
        expect(await sessionRow(sessionId)).toBeUndefined();
      });

      it('ends a session 90 days after its login even when it was used every week', async () => {
        const { clock, browser, sessionId } = await loggedIn('busy-parent@example.com');
        for (let week = 1; week <= 12; week++) {
          clock.advance(7 * day);
          expect(await signedIn(browser), `week ${week}`).toBe(true);
        }
        clock.set(new Date(new Date('2026-11-27T08:00:00Z').getTime() + 90 * day));
        expect(await signedIn(browser)).toBe(false);
        expect(await sessionRow(sessionId)).toBeUndefined();
        // Logging in again starts a new 90 days.
        expect((await browser.post('/login', { login: 'busy-parent@example.com', password: FIXTURE_PASSWORD })).status).toBe(303);
        expect(await signedIn(browser)).toBe(true);
      });

      it('writes the last use down at most once a minute, not on every page', async () => {
        const { clock, browser, sessionId } = await loggedIn('counted@example.com');
        const first = (await sessionRow(sessionId))!.last_seen_at;
        expect(first).toBe('2026-11-27T08:00:00.000Z');
        for (let i = 0; i < 5; i++) {
          clock.advance(10_000);
          await browser.get('/account');
        }
        expect((await sessionRow(sessionId))!.last_seen_at).toBe(first);
        clock.advance(10_000);
        await browser.get('/account');
        expect((await sessionRow(sessionId))!.last_seen_at).toBe('2026-11-27T08:01:00.000Z');
      });

      it('never lets the cookie outlive the 90-day limit', async () => {
        const { browser } = await loggedIn('cookie-life@example.com');
        const response = await browser.post('/login', { login: 'cookie-life@example.com', password: FIXTURE_PASSWORD });
        const cookie = response.headers.getSetCookie().find((line) => line.startsWith('clubroll_session='))!;
        const expires = new Date(/Expires=([^;]+)/i.exec(cookie)![1]!);
        expect(expires.getTime()).toBeLessThanOrEqual(new Date('2026-11-27T08:00:00Z').getTime() + 90 * day);
      });
    });

    it('expires a session by the clock: an old session no longer signs anyone in', async () => {
      const userId = await createUser(handle, { login: 'expired@example.com' });
      await handle.db
        .insertInto('sessions')
        .values({ id: 'expired-session-id', user_id: userId, expires_at: '2020-01-01T00:00:00.000Z', created_at: '2019-12-01T00:00:00.000Z' })
        .execute();
      const browser = new Browser(buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z') }).app);
      browser.cookies.set('clubroll_session', 'expired-session-id');
      const response = await browser.get('/account');
      expect(response.status).toBe(303);
      expect(browser.cookies.has('clubroll_session')).toBe(false);
    });
  });
}
