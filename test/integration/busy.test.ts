// The app under more requests than it serves at once: the rest get a fast, translated "busy" with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildApp } from '../support/app.ts';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';

describe('busy answers', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
  });
  afterAll(() => handle.drop());

  it('answers requests beyond MAX_IN_FLIGHT with 503, Retry-After and a message in the browser language', async () => {
    const { app } = buildApp(handle, { maxInFlight: 1 });
    const parent = new Browser(app, { lang: 'en' });
    const [first, second, third] = await Promise.all([parent.get('/'), parent.get('/'), parent.get('/', { 'hx-request': 'true' })]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('2');
    expect(await second.text()).toContain('Many people are enrolling right now');
    expect(third.status).toBe(503);
    expect(await third.text()).toMatch(/^<p class="notice notice--info" role="status">/);
    // Once the first is answered, the next is served again.
    expect((await parent.get('/')).status).toBe(200);
  });
});
