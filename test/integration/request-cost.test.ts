// What one request may cost: a form has at most 1,000 fields, and every route's work grows linearly with what it
// is sent (issue 20: 20,000 repeats of one field froze the whole server for ten seconds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, buildApp, createUser } from '../support/app.ts';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';

/** A URL-encoded body: `pairs` first, then `extra` as it is (already encoded). */
function formBody(pairs: Record<string, string>, extra: string): string {
  return `${new URLSearchParams(pairs)}&${extra}`;
}

describe('form fields are capped', () => {
  let handle: TestDatabase;
  let app: ReturnType<typeof buildApp>['app'];

  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    app = buildApp(handle, { bodyLimitBytes: 1024 * 1024 }).app; // the production default: the cap, not the size, refuses
    await createUser(handle, { login: 'cap@example.com' });
  });
  afterAll(() => handle.drop());

  async function login(extra: string, lang = 'en') {
    return app.request('/login', {
      method: 'POST',
      body: formBody({ login: 'cap@example.com', password: FIXTURE_PASSWORD }, extra),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'accept-language': lang, 'x-forwarded-for': '198.51.100.1' },
    });
  }

  it('a form of 1,000 fields is read as usual (a login with 998 stray fields signs in)', async () => {
    const response = await login(Array.from({ length: 998 }, (_, i) => `f${i}=x`).join('&'));
    expect(response.status).toBe(303);
  });

  it('1,001 fields, repeated or distinct, are refused with 413 and a translated message', async () => {
    const repeated = await login('a&'.repeat(999));
    expect(repeated.status).toBe(413);
    expect(await repeated.text()).toContain('more than 1,000 fields');
    const distinct = await login(Array.from({ length: 999 }, (_, i) => `f${i}=x`).join('&'), 'zh-CN');
    expect(distinct.status).toBe(413);
    expect(await distinct.text()).toContain('字段超过 1000 个');
  });

  it('a multipart form of 1,001 fields is refused the same way', async () => {
    const form = new FormData();
    for (let i = 0; i < 1001; i += 1) form.append('step', 'preview');
    const response = await app.request('/login', { method: 'POST', body: form, headers: { origin: 'http://localhost', 'accept-language': 'en', 'x-forwarded-for': '198.51.100.2' } });
    expect(response.status).toBe(413);
  });
});
