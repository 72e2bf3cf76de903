// CATALOGUE_CACHE_MS: a school's catalogue read is shared for that long, then read afresh.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';

describe('catalogue read sharing', () => {
  let handle: TestDatabase;
  let offering: number;
  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    const school = await createSchool(handle, 'yew');
    offering = await createOffering(handle, await createTerm(handle, school), { code: 'C1', title_zh: '缓存课', capacity: 10 });
  });
  afterAll(() => handle.drop());

  it('serves the same read within the window and a fresh one after it', async () => {
    const visitor = new Browser(buildApp(handle, { catalogueCacheMs: 300 }).app);
    expect(await (await visitor.get('/s/yew')).text()).toContain('剩余 10 个名额');
    await handle.db.updateTable('offerings').set({ seats_taken: 4 }).where('id', '=', offering).execute();
    expect(await (await visitor.get('/s/yew?grade=3')).text()).toContain('剩余 10 个名额'); // filters use the shared read
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await (await visitor.get('/s/yew')).text()).toContain('剩余 6 个名额');
  });

  it('shares the rendered list within the window, but each visitor keeps their own header and language', async () => {
    const { app } = buildApp(handle, { catalogueCacheMs: 60_000 });
    const parent = new Browser(app);
    await signIn(handle, parent, await createUser(handle, { name: '缓存家长', login: '13900001111' }));
    const anonymous = new Browser(app);
    const english = new Browser(app, { lang: 'en' });
    await handle.db.updateTable('offerings').set({ seats_taken: 2 }).where('id', '=', offering).execute();
    const first = await (await anonymous.get('/s/yew')).text();
    await handle.db.updateTable('offerings').set({ seats_taken: 9 }).where('id', '=', offering).execute();
    const signedIn = await (await parent.get('/s/yew')).text();
    expect(first).toContain('剩余 8 个名额');
    expect(signedIn).toContain('剩余 8 个名额'); // the same read, rendered once
    expect(signedIn).toContain('缓存家长');
    expect(first).not.toContain('缓存家长');
    expect(await (await anonymous.get('/s/yew')).text()).not.toContain('缓存家长'); // nor after the parent's visit
    const inEnglish = await (await english.get('/s/yew')).text();
    expect(inEnglish).toMatch(/8 seats left/i);
    expect(inEnglish).not.toContain('剩余');
    // A visitor's page is kept whole, but per address: the login link comes back to the page it was on.
    expect(await (await anonymous.get('/s/yew?grade=3')).text()).toContain(`/login?next=${encodeURIComponent('/s/yew?grade=3')}`);
    expect(await (await anonymous.get('/s/yew')).text()).toContain(`/login?next=${encodeURIComponent('/s/yew')}"`);
    // A fragment for htmx is the list alone, from the same read.
    const fragment = await (await parent.get('/s/yew?grade=3', { 'hx-request': 'true' })).text();
    expect(fragment).toContain('剩余 8 个名额');
    expect(fragment).not.toContain('<html');
  });

  it('gives catalogue.json a new ETag once a fresh read changed it, and 304 while it has not', async () => {
    const visitor = new Browser(buildApp(handle, { catalogueCacheMs: 200 }).app);
    const first = await visitor.get('/s/yew/catalogue.json');
    const tag = first.headers.get('etag')!;
    expect((await visitor.get('/s/yew/catalogue.json', { 'if-none-match': tag })).status).toBe(304);
    await handle.db.updateTable('offerings').set({ seats_taken: 1 }).where('id', '=', offering).execute();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const changed = await visitor.get('/s/yew/catalogue.json', { 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    expect((await changed.json()).offerings[0].enrolled).toBe(1);
  });

  it('sends the shared page, list and open data gzipped to a browser that accepts it, the same bytes unzipped', async () => {
    const visitor = new Browser(buildApp(handle, { catalogueCacheMs: 60_000 }).app);
    for (const [path, headers] of [['/s/yew', {}], ['/s/yew?grade=3', { 'hx-request': 'true' }], ['/s/yew/catalogue.json', {}]] as const) {
      const plain = await visitor.get(path, headers);
      expect(plain.headers.get('content-encoding')).toBeNull();
      const zipped = await visitor.get(path, { ...headers, 'accept-encoding': 'gzip, deflate, br' });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('vary')).toMatch(/Accept-Encoding/);
      const bytes = Buffer.from(await zipped.arrayBuffer());
      expect(gunzipSync(bytes).toString()).toBe(await plain.text());
      expect(bytes.length).toBeLessThan(gunzipSync(bytes).length);
    }
  });

  it('reads every time with 0', async () => {
    const visitor = new Browser(buildApp(handle, { catalogueCacheMs: 0 }).app);
    await handle.db.updateTable('offerings').set({ seats_taken: 5 }).where('id', '=', offering).execute();
    expect(await (await visitor.get('/s/yew')).text()).toContain('剩余 5 个名额');
    await handle.db.updateTable('offerings').set({ seats_taken: 7 }).where('id', '=', offering).execute();
    expect(await (await visitor.get('/s/yew')).text()).toContain('剩余 3 个名额');
  });
});
