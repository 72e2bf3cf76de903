// A database with no room for a request just now — PostgreSQL's pool has no connection free, SQLite's write
// lock is held by another process — is not a failure: the parent gets the same fast, translated "busy" as
// load shedding gives (503, Retry-After), nothing is written, nothing is logged as an error, and the same
// click succeeds once the database is free.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.ts';
import { type DatabaseHandle, isDatabaseBusy } from '../../src/db/handle.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';
import { Browser, buildApp, countRows, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`a database with no room for the request, on ${dialect}`, () => {
    let handle: TestDatabase;
    /** The app's own connection: one PostgreSQL connection and short waits, so that one holder fills it. */
    let tight: DatabaseHandle;
    let app: ReturnType<typeof buildApp>;
    let parent: Browser;
    let offering: number;
    let child: number;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      tight = await connect(handle.target, { poolSize: 1, poolWaitMs: 200, sqliteBusyTimeoutMs: 200 });
      app = buildApp(tight);
      const school = await createSchool(handle, 'birch');
      offering = await createOffering(handle, await createTerm(handle, school), { code: 'BUSY', title_zh: '忙时的课', capacity: 5, grade_min: 1, grade_max: 6 });
      parent = new Browser(app.app);
      await signIn(handle, parent, await createUser(handle, { login: 'busy@example.com' }));
      const added = await parent.post('/children', { name: '小雨', school: 'birch', grade: '3', consent: CONSENT_VERSION });
      child = Number(/added=(\d+)/.exec(added.headers.get('location') ?? '')?.[1]);
      expect(child).toBeGreaterThan(0);
    });
    afterAll(async () => {
      await tight?.close();
      await handle?.drop();
    });

    /** Keeps the database busy for the app until the returned function is called. */
    async function occupy(): Promise<() => Promise<void>> {
      if (handle.target.dialect === 'sqlite') {
        const other = new SQLite(handle.target.path);
        other.exec('begin immediate');
        return async () => {
          other.exec('rollback');
          other.close();
        };
      }
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let taken!: () => void;
      const holding = new Promise<void>((resolve) => (taken = resolve));
      const done = tight.db.connection().execute(async () => {
        taken();
        await held;
      });
      await holding;
      return async () => {
        release();
        await done;
      };
    }

    it('answers an enrolment "busy" with 503 and Retry-After, writes nothing, and enrols on the retry', async () => {
      const free = await occupy();
      let fragment: Response;
      let page: Response;
      try {
        fragment = await parent.post(`/offerings/${offering}/enrollments`, { child: String(child) }, { 'hx-request': 'true' });
        page = await parent.post(`/offerings/${offering}/enrollments`, { child: String(child) });
      } finally {
        await free();
      }
      expect(fragment.status).toBe(503);
      expect(fragment.headers.get('retry-after')).toBe('2');
      expect(fragment.headers.get('cache-control')).toBe('no-store');
      expect(await fragment.text()).toBe('<p class="notice notice--info" role="status">此刻报名的人很多，请稍等几秒，页面会自动重试。</p>');
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('2');
      const html = await page.text();
      expect(html).toContain('人有点多');
      expect(html).toContain('<html');
      expect(await countRows(handle, 'enrollments')).toBe(0);
      expect(app.errors).toEqual([]);

      const retry = await parent.post(`/offerings/${offering}/enrollments`, { child: String(child) }, { 'hx-request': 'true' });
      expect(retry.status).toBe(200);
      expect(await retry.text()).toContain('小雨 已报名');
      expect(await countRows(handle, 'enrollments')).toBe(1);
    });
  });
}

describe('isDatabaseBusy', () => {
  it("knows SQLite's busy lock, pg-pool's wait and PostgreSQL's too-many-connections, and nothing else", () => {
    const folder = mkdtempSync(join(tmpdir(), 'clubroll-busy-'));
    const file = join(folder, 'busy.db');
    const first = new SQLite(file);
    const second = new SQLite(file, { timeout: 0 });
    try {
      first.exec('create table if not exists t (x); begin immediate; insert into t values (1)');
      let caught: unknown;
      try {
        second.exec('begin immediate');
      } catch (error) {
        caught = error;
      }
      expect(isDatabaseBusy(caught)).toBe(true);
      first.exec('rollback');
    } finally {
      first.close();
      second.close();
      rmSync(folder, { recursive: true, force: true });
    }
    expect(isDatabaseBusy(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseBusy(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isDatabaseBusy(new Error('boom'))).toBe(false);
    expect(isDatabaseBusy('timeout exceeded when trying to connect')).toBe(false);
  });
});
