// Behind a proxy the client address is the hop the proxy added (TRUST_PROXY=1: the right-most X-Forwarded-For
// entry): a client who writes its own X-Forwarded-For neither escapes the login throttle by rotating it nor
// locks a school out by naming the school's address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, FIXTURE_PASSWORD, buildApp, createUser } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const SCHOOL = '198.51.100.20';
const ATTACKER = '203.0.113.66';

for (const dialect of DIALECTS) {
  describe(`the client address behind one trusted proxy on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      ({ app } = buildApp(handle, { trustProxy: 1 }));
      await createUser(handle, { login: 'rotate@example.com' });
      await createUser(handle, { login: 'school-parent@example.com' });
    });
    afterAll(() => handle.drop());

    /** A login as the proxy passes it on: whatever the client wrote, then the address the proxy saw. */
    const viaProxy = (written: string, real: string, login: string, password: string) =>
      new Browser(app).post('/login', { login, password }, { 'x-forwarded-for': `${written}, ${real}` });

    it('rotating the first X-Forwarded-For hop does not escape the throttle', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) statuses.push((await viaProxy(`10.0.${i}.1`, ATTACKER, 'rotate@example.com', `wrong-${i}`)).status);
      expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
    });

    it('naming the school’s address in X-Forwarded-For does not lock the school’s parents out', async () => {
      for (let i = 0; i < 8; i += 1) await viaProxy(SCHOOL, ATTACKER, 'school-parent@example.com', `wrong-${i}`);
      const parent = await new Browser(app).post('/login', { login: 'school-parent@example.com', password: FIXTURE_PASSWORD }, { 'x-forwarded-for': SCHOOL });
      expect(parent.status).toBe(303);
    });
  });
}
