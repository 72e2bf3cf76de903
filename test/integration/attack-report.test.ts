// The outside test of issue 20, replayed: each attack it found, tried again with its count, and the outcome the
// server gives now, printed as one line per attack (the closing note's table) and asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';
import { Browser, FIXTURE_PASSWORD, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const tally = (statuses: number[]) =>
  [...statuses.reduce((counts, status) => counts.set(status, (counts.get(status) ?? 0) + 1), new Map<number, number>())]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count}× ${status}`)
    .join(', ');

for (const dialect of DIALECTS) {
  describe(`issue 20's attacks, tried again, on ${dialect}`, () => {
    let handle: TestDatabase;
    const clock = fixedClock('2026-11-27T08:00:00Z');
    let app: ReturnType<typeof buildApp>['app'];
    const report: string[] = [];
    const note = (attack: string, count: number, outcome: string) => report.push(`${attack} | ${count} | ${outcome}`);

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock, bodyLimitBytes: 1024 * 1024, trustProxy: 1 }).app;
      await createUser(handle, { login: 'victim@example.com' });
      await createUser(handle, { login: '13500135000' });
    });
    afterAll(async () => {
      console.log(`attack report (${dialect}) — attack | count | outcome\n${report.join('\n')}`);
      await handle.drop();
    });

    const login = (fields: Record<string, string>, address = '203.0.113.1', extra = '') =>
      app.request('/login', {
        method: 'POST',
        body: `${new URLSearchParams(fields)}${extra}`,
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
      });

    it('1. repeated fields: one request no longer freezes the server', async () => {
      for (const repeats of [20_000, 200_000]) {
        const started = performance.now();
        const response = await login({ login: 'victim@example.com', password: 'x' }, '203.0.113.2', '&' + 'a&'.repeat(repeats));
        const ms = performance.now() - started;
        note(`POST /login with 'a&' × ${repeats} (${Math.round((repeats * 2) / 1024)} KB)`, 1, `${response.status} in ${ms.toFixed(0)} ms`);
        expect(response.status).toBe(413);
        expect(ms).toBeLessThan(2000);
      }
    });

    it('2. open redirect and control characters in next; the 404 language link', async () => {
      const nexts = ['/\t/evil.example', '/\n/evil.example', '/family\r\nSet-Cookie: x=1', '//evil.example', '/\\evil.example', '/.//evil.example', 'https://evil.example/'];
      const locations: string[] = [];
      const statuses: number[] = [];
      for (const [i, next] of nexts.entries()) {
        const response = await login({ login: 'victim@example.com', password: FIXTURE_PASSWORD, next }, `198.51.100.${i + 1}`);
        statuses.push(response.status);
        locations.push(response.headers.get('location') ?? '');
      }
      const offSite = locations.filter((location) => new URL(location, 'https://clubroll.example.cn').origin !== 'https://clubroll.example.cn');
      note('login with a hostile next (tab, LF, CRLF, //, \\, /.//, https:)', nexts.length, `${tally(statuses)}; off-site targets: ${offSite.length}`);
      expect(statuses.every((status) => status === 303)).toBe(true);
      expect(offSite).toEqual([]);
      const page = await (await app.request('//evil.example')).text();
      const links = [...page.matchAll(/href="([^"]*lang=[^"]*)"/g)].map((match) => match[1]!);
      note('GET //evil.example: the 404 page\'s language links', links.length, links.join(' '));
      expect(links.every((href) => href.startsWith('/') && !href.startsWith('//'))).toBe(true);
    });

    it('3. spreadsheet formulas in every CSV export', async () => {
      const school = await createSchool(handle, 'formula');
      const term = await createTerm(handle, school);
      await createOffering(handle, term, { code: 'F1', title_zh: '=HYPERLINK("http://evil.example","点我")', room: "+cmd|' /C calc'!A0", description_zh: '@SUM(1+1)', status: 'published' });
      const admin = new Browser(app);
      await signIn(handle, admin, await createUser(handle, { login: 'formula-admin@example.com', role: 'school_admin', schoolId: school }));
      const exports = [`/s/formula/catalogue.csv`, `/admin/terms/${term}/catalogue.csv`];
      let risky = 0;
      let cells = 0;
      for (const path of exports) {
        const text = await (await admin.get(path)).text();
        for (const cell of text.replace(/^\uFEFF/, '').split(/[,\n]/)) {
          cells += 1;
          if (/^"?[=+\-@\t\r]/.test(cell)) risky += 1;
        }
      }
      note('formula-like titles, rooms, descriptions in the public and admin catalogue CSV', exports.length, `${cells} cells, ${risky} starting with = + - @ tab CR`);
      expect(risky).toBe(0);
    });

    it('4. account enumeration through registration', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) {
        const response = await new Browser(app, { address: '203.0.113.44' }).post('/register', { name: '探测', login: '13500135000', password: 'x' });
        statuses.push(response.status);
      }
      const free = await new Browser(app, { address: '203.0.113.44' }).post('/register', { name: '探测', login: '13500135999', password: 'x' });
      note('POST /register probing one taken phone number from one address, then a free one', 201, `${tally(statuses)}; the free one: ${free.status}`);
      // After 100 "already registered" answers the address learns nothing: taken and free both wait.
      expect(statuses.filter((status) => status === 422)).toHaveLength(100);
      expect(free.status).toBe(429);
    });

    it('5. a client-chosen X-Forwarded-For behind one trusted proxy', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const response = await app.request('/login', {
          method: 'POST',
          body: new URLSearchParams({ login: 'victim@example.com', password: `wrong-${i}` }),
          headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.9.${i}.1, 203.0.113.55` },
        });
        statuses.push(response.status);
      }
      note('20 wrong passwords, each with a new client-written first X-Forwarded-For hop', 20, tally(statuses));
      expect(statuses.filter((status) => status === 429).length).toBe(15);
    });

    it('6. seats hoarded with made-up children', async () => {
      const school = await createSchool(handle, 'hoard');
      const parent = new Browser(app);
      await signIn(handle, parent, await createUser(handle, { login: 'hoarder@example.com' }));
      const statuses: number[] = [];
      for (let i = 0; i < 50; i++) statuses.push((await parent.post('/children', { name: `孩子${i}`, school: 'hoard', grade: '3', consent: CONSENT_VERSION })).status);
      const kept = await handle.db.selectFrom('children').select('id').where('school_id', '=', school).execute();
      note('POST /children from one new account', 50, `${tally(statuses)}; ${kept.length} children kept`);
      expect(kept.length).toBe(6);
    });

    it('7. lockout on demand, throttle rows forever, /metrics, the current password, GET side effects', async () => {
      const single: number[] = [];
      for (let i = 0; i < 50; i++) single.push((await login({ login: 'victim@example.com', password: `lock-${i}` }, '203.0.113.100')).status);
      const owner = await login({ login: 'victim@example.com', password: FIXTURE_PASSWORD }, '100.64.1.1');
      note("50 wrong passwords on a parent's login from one address, then the parent from the school", 51, `${tally(single)}; the parent: ${owner.status}`);
      expect(owner.status).toBe(303);

      const spread: number[] = [];
      for (let i = 0; i < 50; i++) spread.push((await login({ login: 'victim@example.com', password: `lock-${i}` }, `203.0.113.${110 + (i % 10)}`)).status);
      const waiting = await login({ login: 'victim@example.com', password: FIXTURE_PASSWORD }, '100.64.1.2');
      const wait = Number(waiting.headers.get('retry-after'));
      const atSchool = await login({ login: 'victim@example.com', password: FIXTURE_PASSWORD }, '100.64.1.1');
      clock.advance(wait * 1000);
      const after = await login({ login: 'victim@example.com', password: FIXTURE_PASSWORD }, '100.64.1.2');
      note("50 wrong passwords on a parent's login from 10 addresses, then the parent", 52, `${tally(spread)}; the parent at the school (logged in there before): ${atSchool.status}; from a new address: ${waiting.status} for ${wait} s, then ${after.status}`);
      expect(atSchool.status).toBe(303);
      expect(waiting.status).toBe(429);
      expect(wait).toBeLessThanOrEqual(300);
      expect(after.status).toBe(303);

      for (let i = 0; i < 100; i++) await login({ login: `bogus${i}@example.com`, password: 'x-1' }, `192.0.2.${i}`);
      // Rows that only remember where an account logged in (for 90 days) are not the failures' rows.
      const failureRows = async () => (await handle.db.selectFrom('login_throttles').select('key').where('key', 'not like', 'known:%').execute()).length;
      const grown = await failureRows();
      clock.advance(16 * 60 * 1000);
      await login({ login: 'after@example.com', password: 'x-1' }, '192.0.2.251');
      const left = await failureRows();
      note('bogus logins, then 16 minutes', 100, `login_throttles ${grown} rows → ${left} after the sweep`);
      expect(left).toBeLessThanOrEqual(3);

      const metrics = await app.request('/metrics');
      note('GET /metrics without a token', 1, String(metrics.status));
      expect(metrics.status).toBe(404);

      const thief = new Browser(app, { address: '203.0.113.77' });
      await signIn(handle, thief, await createUser(handle, { login: 'stolen-session@example.com' }));
      const guesses: number[] = [];
      for (let i = 0; i < 20; i++) guesses.push((await thief.post('/account/password', { current: `guess-${i}`, password: 'new-secret-phrase-9' })).status);
      note('POST /account/password guessing the current password from a stolen session', 20, tally(guesses));
      expect(guesses.filter((status) => status === 429)).toHaveLength(15);

      const names = ['林\u202e晓', '林\u200b晓', '林\u200d晓'];
      const logins = ['p\u0430rent@example.com', 'zero\u200bwidth@example.com', '135\u202e00135001'];
      const refused: number[] = [];
      for (const [i, name] of names.entries()) refused.push((await new Browser(app, { address: `100.64.2.${i}` }).post('/register', { name, login: `bidi${i}@example.com`, password: 'rainbow-bridge-42' })).status);
      for (const [i, one] of logins.entries()) refused.push((await new Browser(app, { address: `100.64.3.${i}` }).post('/register', { name: '家长', login: one, password: 'rainbow-bridge-42' })).status);
      note('registration with bidi overrides, zero-width characters, a Cyrillic а', refused.length, tally(refused));
      expect(refused.every((status) => status === 422)).toBe(true);

      const reader = new Browser(app);
      const readerId = await createUser(handle, { login: 'get-lang@example.com' });
      await signIn(handle, reader, readerId);
      await reader.get('/?lang=en');
      const stored = await handle.db.selectFrom('users').select('lang').where('id', '=', readerId).executeTakeFirstOrThrow();
      note('GET /?lang=en signed in', 1, `users.lang stays ${stored.lang}`);
      expect(stored.lang).toBe('zh-CN');
    }, 180_000);
  });
}
