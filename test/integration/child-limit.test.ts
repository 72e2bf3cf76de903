// One account holds at most a bounded number of children (6 by default, MAX_CHILDREN_PER_ACCOUNT): one new
// account once added 50 made-up children and took the only seat and every waitlist place of a course.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const CODE = /([A-Z0-9]{4}-[A-Z0-9]{4})/;

for (const dialect of DIALECTS) {
  describe(`the children of one account on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let hoarder: Browser;
    let hoarderId: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      ({ app } = buildApp(handle));
      await createSchool(handle, 'limit');
      hoarder = new Browser(app, { lang: 'en' });
      hoarderId = await createUser(handle, { login: 'hoarder@example.com' });
      await signIn(handle, hoarder, hoarderId);
    });
    afterAll(() => handle.drop());

    const childrenOf = async (userId: number) => (await handle.db.selectFrom('guardianships').select('child_id').where('user_id', '=', userId).execute()).length;
    const add = (browser: Browser, name: string) => browser.post('/children', { name, school: 'limit', grade: '3', consent: CONSENT_VERSION });

    it('adds six children, then refuses the seventh with a clear 422 and writes nothing', async () => {
      for (const name of ['一', '二', '三', '四', '五', '六']) expect((await add(hoarder, `孩子${name}`)).status).toBe(303);
      const children = await handle.db.selectFrom('children').select('id').execute();
      const seventh = await add(hoarder, '孩子七');
      expect(seventh.status).toBe(422);
      expect(await seventh.text()).toContain('at most 6 children');
      expect(await childrenOf(hoarderId)).toBe(6);
      expect(await handle.db.selectFrom('children').select('id').execute()).toEqual(children);
    });

    it('refuses to add, by invitation code, a child to an account that already has six', async () => {
      const other = new Browser(app);
      await signIn(handle, other, await createUser(handle, { login: 'other-parent@example.com' }));
      expect((await add(other, '别人家的孩子')).status).toBe(303);
      const child = (await handle.db.selectFrom('children').select('id').where('name', '=', '别人家的孩子').executeTakeFirstOrThrow()).id;
      const code = CODE.exec(await (await other.post(`/children/${child}/invites`, {})).text())![1]!;
      const joined = await hoarder.post('/family/join', { code, consent: CONSENT_VERSION });
      expect(joined.status).toBe(422);
      expect(await joined.text()).toContain('at most 6 children');
      expect(await childrenOf(hoarderId)).toBe(6);
    });

    it('takes the limit from the settings', async () => {
      const strict = buildApp(handle, { childLimit: 1 }).app;
      const parent = new Browser(strict, { lang: 'zh-CN' });
      await signIn(handle, parent, await createUser(handle, { login: 'one-child@example.com' }));
      expect((await add(parent, '独生子')).status).toBe(303);
      const second = await add(parent, '老二');
      expect(second.status).toBe(422);
      expect(await second.text()).toContain('最多 1 个孩子');
    });
  });
}
