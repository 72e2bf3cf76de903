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
    const page = await second.text();
    expect(page).toContain('Many people are enrolling right now');
    // A page asked for with GET reloads itself after the wait, counting it down on screen.
    expect(page).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(page).toContain('data-countdown="2" data-template="Trying again in {seconds} s…">Trying again in 2 s…</p>');
    expect(third.status).toBe(503);
    expect(await third.text()).toMatch(/^<p class="notice notice--info" role="status">/);
    // Once the first is answered, the next is served again.
    expect((await parent.get('/')).status).toBe(200);
  });

  it('answers a plain form posted while busy with a page that says nothing changed and leads back, never reloading a POST', async () => {
    const { app } = buildApp(handle, { maxInFlight: 1 });
    const parent = new Browser(app);
    const [, busy] = await Promise.all([parent.get('/'), parent.post('/login', { login: 'a@example.com', password: 'x' }, { referer: 'http://localhost/login?next=%2Ffamily' })]);
    expect(busy.status).toBe(503);
    const page = await busy.text();
    expect(page).toContain('刚才的提交没有处理，什么也没有改动');
    expect(page).toContain('<a class="button button--primary" href="/login?next=%2Ffamily">返回上一页</a>');
    expect(page).not.toContain('http-equiv="refresh"');
  });
});
