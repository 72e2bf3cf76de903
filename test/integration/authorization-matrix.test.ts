// Invariant 5, for every route the app has: each route is run as anonymous, parent A, parent B, the teacher
// of X, the teacher of Y, an admin of school S, an admin of school T and the district admin, with ids that
// belong to parent A / teacher X / school S. Whoever may not act gets the login page, 403 or 404, and nothing
// changes. A route added to the app without a line in test/support/route-matrix.ts fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type buildApp, countRows } from '../support/app.ts';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';
import { ACTORS, type Actor, type Ids, MATRIX, NOTHING_TO_ACT_ON, RULES, matrixWorld } from '../support/route-matrix.ts';

const TABLES = ['users', 'sessions', 'children', 'guardianships', 'enrollments', 'offerings', 'terms', 'meetings', 'attendance_marks', 'absence_reports', 'child_collectors', 'child_care_notes', 'notifications', 'guardian_invites', 'calendar_feeds', 'pupils'] as const;

describe('authorization matrix', () => {
  let handle: TestDatabase;
  let app: ReturnType<typeof buildApp>['app'];
  let errors: unknown[];
  let browsers: Map<Actor, Browser>;
  let ids: Ids;

  async function snapshot() {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = await countRows(handle, table);
    const offering = await handle.db.selectFrom('offerings').select(['seats_taken', 'capacity', 'status', 'updated_at']).where('id', '=', ids.offering).executeTakeFirstOrThrow();
    const meeting = await handle.db.selectFrom('meetings').select(['status', 'unlocked_until']).where('id', '=', ids.meeting).executeTakeFirstOrThrow();
    const enrollment = await handle.db.selectFrom('enrollments').select(['status']).where('id', '=', ids.enrollment).executeTakeFirstOrThrow();
    const child = await handle.db.selectFrom('children').select(['name', 'grade', 'pupil_id']).where('id', '=', ids.child).executeTakeFirstOrThrow();
    return JSON.stringify({ counts, offering, meeting, enrollment, child });
  }

  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    ({ app, errors, browsers, ids } = await matrixWorld(handle));
  });
  afterAll(() => handle.drop());

  it('has a line for every route the app serves, and none for a route it does not', () => {
    const served = new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`));
    expect([...served].filter((route) => !(route in MATRIX)), 'routes without a line in the matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !served.has(route)), 'lines for routes that do not exist').toEqual([]);
  });

  it('refuses everyone not allowed (login, 403 or 404) and changes nothing; lets the allowed through', async () => {
    const problems: string[] = [];
    let refusals = 0;
    for (const [route, line] of Object.entries(MATRIX)) {
      const [method] = route.split(' ') as ['GET' | 'POST'];
      const path = line.path(ids);
      const allowed = NOTHING_TO_ACT_ON.has(route) ? [] : (RULES[line.allowed] as readonly Actor[]);
      // Refused actors first, so nothing an allowed one does can mask a change.
      for (const actor of [...ACTORS.filter((one) => !allowed.includes(one)), ...ACTORS.filter((one) => allowed.includes(one))]) {
        if (route === 'POST /logout' || route === 'POST /account/password') continue; // would end the session used by the rest
        const browser = browsers.get(actor)!;
        const before = allowed.includes(actor) ? null : await snapshot();
        const cookies = new Map(browser.cookies);
        const response = method === 'GET' ? await browser.get(path) : await browser.post(path, line.fields?.(ids) ?? {});
        browser.cookies = cookies;
        const status = response.status;
        if (status >= 500) problems.push(`${route} as ${actor}: ${status}`);
        if (allowed.includes(actor)) {
          if ([401, 403, 404].includes(status) || (status === 303 && (response.headers.get('location') ?? '').startsWith('/login'))) problems.push(`${route} as ${actor}: refused (${status}) but allowed`);
        } else {
          refusals += 1;
          const toLogin = actor === 'anonymous' && status === 303 && (response.headers.get('location') ?? '').startsWith('/login');
          if (!toLogin && ![403, 404].includes(status)) problems.push(`${route} as ${actor}: ${status}, expected to be refused`);
          if ((await snapshot()) !== before) problems.push(`${route} as ${actor}: refused but something changed`);
        }
      }
    }
    expect(errors.map((error) => (error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)))).toEqual([]);
    expect(problems).toEqual([]);
    expect(refusals).toBeGreaterThan(250);
    console.log(`authorization matrix: ${Object.keys(MATRIX).length} routes × ${ACTORS.length} actors, ${refusals} refusals, nothing changed by any`);
  }, 120_000);
});
