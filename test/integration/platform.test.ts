// The platform around the features: security headers and CSRF, body limit, languages, health, error pages.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { Browser, ORIGIN, buildApp, countRows, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { readInPlace } from '../../src/db/read-aside.ts';

for (const dialect of DIALECTS) {
  describe(`platform on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle).app;
    });
    afterAll(() => handle.drop());

    describe('cross-site requests', () => {
      const fields = { name: '跨站', login: 'csrf@example.com', password: 'rainbow-bridge-45' };
      const attempts: [string, Record<string, string>][] = [
        ['a form posted from another site', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }],
        ['a request with no Origin at all', { 'content-type': 'application/x-www-form-urlencoded' }],
        ['a text/plain body from our own origin', { origin: ORIGIN, 'content-type': 'text/plain' }],
        ['a body with no Content-Type', { origin: ORIGIN }],
        ['a sandboxed page (Origin: null) that claims to be cross-site', { origin: 'null', 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }],
      ];
      for (const [what, headers] of attempts) {
        it(`refuses ${what} with 403 and writes nothing`, async () => {
          const before = await countRows(handle, 'users');
          const response = await app.request('/register', { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
          expect(response.status).toBe(403);
          expect(await response.text()).toContain('请求被拒绝');
          expect(await countRows(handle, 'users')).toBe(before);
        });
      }

      it('accepts the same form from our own origin', async () => {
        const response = await new Browser(app).post('/register', fields);
        expect(response.status).toBe(303);
      });

      it('protects logout too, so another site cannot sign a parent out', async () => {
        const browser = new Browser(app);
        const sessionId = await signIn(handle, browser, await createUser(handle, { login: 'stay@example.com' }));
        const response = await app.request('/logout', {
          method: 'POST',
          headers: { origin: 'https://evil.example', cookie: `clubroll_session=${sessionId}`, 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(response.status).toBe(403);
        expect(await handle.db.selectFrom('sessions').select('id').where('id', '=', sessionId).executeTakeFirst()).toBeDefined();
      });
    });

    describe('headers on every response', () => {
      it('sends a strict CSP and the other protective headers', async () => {
        for (const path of ['/', '/login', '/no-such-page']) {
          const response = await app.request(path);
          const csp = response.headers.get('content-security-policy') ?? '';
          expect(csp).toContain("object-src 'none'");
          expect(csp).toContain("base-uri 'none'");
          expect(csp).toContain("frame-ancestors 'none'");
          expect(csp).toContain("script-src 'self'");
          expect(csp).not.toContain('unsafe-inline');
          expect(csp).not.toContain('unsafe-eval');
          expect(response.headers.get('x-content-type-options')).toBe('nosniff');
          expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
          expect(response.headers.get('strict-transport-security')).toBeNull();
        }
      });

      it('adds HSTS and Secure cookies when served over HTTPS', async () => {
        const https = buildApp(handle, { publicOrigin: 'https://clubroll.example.cn' }).app;
        const home = await https.request('/');
        expect(home.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
        await createUser(handle, { login: 'secure@example.com' });
        const login = await https.request('/login', {
          method: 'POST',
          headers: { origin: 'https://clubroll.example.cn', 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login: 'secure@example.com', password: 'fixture-password-9' }).toString(),
        });
        expect(login.status).toBe(303);
        const cookie = login.headers.getSetCookie().find((line) => line.startsWith('clubroll_session='));
        expect(cookie).toMatch(/; Secure/);
        expect(cookie).toMatch(/HttpOnly/);
      });

      it('serves htmx 2 and our stylesheet from this server', async () => {
        const htmx = await app.request('/static/htmx.min.js');
        expect(htmx.status).toBe(200);
        expect(await htmx.text()).toContain('2.0');
        const css = await app.request('/static/app.css');
        expect(css.status).toBe(200);
        expect(css.headers.get('content-type')).toContain('text/css');
        const page = await (await app.request('/')).text();
        expect(page).toContain('<script src="/static/htmx.min.js"');
        expect(page).toContain('&quot;selfRequestsOnly&quot;:true');
        expect(page).not.toMatch(/<script>|<style>| style="/);
      });
    });

    it('answers an oversized body with 413 and writes nothing', async () => {
      const before = await countRows(handle, 'users');
      const response = await new Browser(app).post('/register', { name: 'x'.repeat(70 * 1024), login: 'big@example.com', password: 'rainbow-bridge-46' });
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('提交的内容太大');
      expect(await countRows(handle, 'users')).toBe(before);
    });

    it('answers an oversized streamed body without Content-Length (chunked) with 413 and writes nothing', async () => {
      const before = await countRows(handle, 'users');
      const encoder = new TextEncoder();
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // 8 KB at a time, 256 KB in all, against the 64 KB limit.
          if (pulled === 0) controller.enqueue(encoder.encode('login=stream%40example.com&password=rainbow-bridge-51&name='));
          if (pulled++ >= 32) return controller.close();
          controller.enqueue(encoder.encode('x'.repeat(8 * 1024)));
        },
      });
      const response = await app.request('/register', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('提交的内容太大');
      expect(pulled).toBeLessThan(32); // refused once over the limit, not after reading it all
      expect(await countRows(handle, 'users')).toBe(before);
    });

    describe('languages', () => {
      it('speaks Chinese by default, English when the browser prefers it', async () => {
        const chinese = await app.request('/login');
        expect(chinese.headers.get('content-language')).toBe('zh-CN');
        expect(await chinese.text()).toContain('<html lang="zh-CN">');
        const english = await app.request('/login', { headers: { 'accept-language': 'en-GB,en;q=0.9,zh-CN;q=0.5' } });
        expect(await english.text()).toContain('<html lang="en">');
      });

      it('switches with ?lang= on any page and remembers the choice in a cookie', async () => {
        const browser = new Browser(app);
        const switched = await browser.get('/register?lang=en');
        expect(await switched.text()).toContain('Parent registration');
        expect(browser.cookies.get('lang')).toBe('en');
        expect(await (await browser.get('/login')).text()).toContain('<html lang="en">');
        await browser.get('/?lang=zh-CN');
        expect(await (await browser.get('/login')).text()).toContain('<html lang="zh-CN">');
      });

      it('a GET with ?lang= sets only the cookie: the signed-in user’s stored language stays as it was', async () => {
        const browser = new Browser(app);
        const userId = await createUser(handle, { login: 'getter@example.com' });
        await signIn(handle, browser, userId);
        const page = await browser.get('/account?lang=en');
        expect(await page.text()).toContain('<html lang="en">');
        expect(browser.cookies.get('lang')).toBe('en');
        const user = await handle.db.selectFrom('users').select('lang').where('id', '=', userId).executeTakeFirstOrThrow();
        expect(user.lang).toBe('zh-CN');
      });

      it('remembers a signed-in user’s switch (a POST from the header’s switch) on their account for later messages', async () => {
        const browser = new Browser(app);
        const userId = await createUser(handle, { login: 'switcher@example.com' });
        await signIn(handle, browser, userId);
        const header = await (await browser.get('/account')).text();
        expect(header).toContain('action="/account/language"');
        const switched = await browser.post('/account/language', { lang: 'en', back: '/account' });
        expect(switched.status).toBe(303);
        expect(switched.headers.get('location')).toBe('/account');
        expect(browser.cookies.get('lang')).toBe('en');
        const user = await handle.db.selectFrom('users').select('lang').where('id', '=', userId).executeTakeFirstOrThrow();
        expect(user.lang).toBe('en');
      });

      it('offers a visible switch whose links keep the page', async () => {
        const html = await (await app.request('/login?next=%2Faccount')).text();
        expect(html).toContain('href="/login?next=%2Faccount&amp;lang=en"');
      });
    });

    describe('error pages', () => {
      it('shows a friendly 404 in both languages', async () => {
        const chinese = await app.request('/no/such/page');
        expect(chinese.status).toBe(404);
        expect(await chinese.text()).toContain('找不到这个页面');
        const english = await app.request('/no/such/page?lang=en');
        expect(english.status).toBe(404);
        expect(await english.text()).toContain('Page not found');
      });
    });

    it('reports health 200 while the database answers', async () => {
      const response = await app.request('/healthz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
    });
  });
}

describe('when the database cannot be reached', () => {
  it('healthz answers 503 and pages show the friendly 500 page, with no stack trace', async () => {
    // A PostgreSQL pool aimed at a closed port: every query fails the way an outage does.
    const pool = new pg.Pool({ host: '127.0.0.1', port: 9, connectionTimeoutMillis: 1000 });
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const { app, errors } = buildApp({ db, dialect: 'postgres', description: 'unreachable', readAside: readInPlace(db), close: () => db.destroy() });
    const health = await app.request('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', database: 'down' });
    const page = await app.request('/?lang=en');
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain('Something went wrong');
    expect(html).not.toContain('ECONNREFUSED');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
    expect(errors.length).toBeGreaterThan(0);
    await db.destroy();
  });
});
