// Where the app sends a browser after a login, and the links it derives from the request path: never off the site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, FIXTURE_PASSWORD, buildApp, createUser } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`redirects and derived links on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle).app;
      await createUser(handle, { login: 'next@example.com' });
    });
    afterAll(() => handle.drop());

    it.each([
      ['a tab the browser drops', '/\t/evil.example'],
      ['a dot segment before two slashes', '/.//evil.example/'],
      ['a backslash', '/\\evil.example'],
      ['a newline', '/\n/evil.example'],
      ['a carriage return and line feed', '/family\r\nSet-Cookie: stolen=1'],
    ])('a parent logging in with next = %s lands on this site, never on evil.example and never a 500', async (_, next) => {
      const browser = new Browser(app, { address: '198.51.100.30' });
      const response = await browser.post('/login', { login: 'next@example.com', password: FIXTURE_PASSWORD, next });
      expect(response.status).toBe(303);
      const location = response.headers.get('location') ?? '';
      expect(new URL(location, 'https://clubroll.example.cn').origin).toBe('https://clubroll.example.cn');
      expect(location).toMatch(/^\/(?![/\\])/);
    });

    it('keeps a genuine local next', async () => {
      const browser = new Browser(app, { address: '198.51.100.31' });
      const response = await browser.post('/login', { login: 'next@example.com', password: FIXTURE_PASSWORD, next: '/family?tab=week' });
      expect(response.headers.get('location')).toBe('/family?tab=week');
    });

    it('the 404 page for //evil.example links its language switch to a local path', async () => {
      const response = await new Browser(app).get('//evil.example');
      expect(response.status).toBe(404);
      const page = await response.text();
      expect(page).not.toMatch(/href="\/\/evil/);
      expect(page).toContain('href="/evil.example?lang=en"');
    });
  });
}
