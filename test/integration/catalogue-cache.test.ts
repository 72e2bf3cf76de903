// CATALOGUE_CACHE_MS: a school's catalogue read is shared for that long, then read afresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildApp, createSchool } from '../support/app.ts';
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

  it('reads every time with 0', async () => {
    const visitor = new Browser(buildApp(handle, { catalogueCacheMs: 0 }).app);
    await handle.db.updateTable('offerings').set({ seats_taken: 5 }).where('id', '=', offering).execute();
    expect(await (await visitor.get('/s/yew')).text()).toContain('剩余 5 个名额');
    await handle.db.updateTable('offerings').set({ seats_taken: 7 }).where('id', '=', offering).execute();
    expect(await (await visitor.get('/s/yew')).text()).toContain('剩余 3 个名额');
  });
});
