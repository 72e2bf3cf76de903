// Bad input everywhere: every route of the app gets random fields or query values (huge, empty, unicode,
// markup, htmx attributes, repeated, wrong types) from someone allowed to use it. Never a 500; a 4xx answer
// writes nothing; text a user typed renders inert.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type buildApp, countRows } from '../support/app.ts';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';
import { type Actor, type Ids, MATRIX, RULES, matrixWorld } from '../support/route-matrix.ts';

const FIELD_NAMES = ['child', 'mark', 'note', 'undo', 'name', 'school', 'grade', 'class', 'code', 'reason', 'to', 'override', 'confirm', 'status', 'term', 'public_value', 'q', 'category', 'weekday', 'before', 'from', 'login', 'password', 'next', 'kind', 'title_zh', 'capacity', 'slot_weekday', 'slot_start', 'csv', 'lang', 'free'];
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1', '2', '99999999999', '1e9', 'NaN', 'yes', 'present', '2026-13-45', '../../etc/passwd', '%00', '\u0000'),
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '" hx-get="/admin" hx-trigger="load', "'; drop table users; --"),
  fc.integer({ min: 1000, max: 70_000 }).map((length) => '字'.repeat(length)),
);
const fields = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ minLength: 1, maxLength: 10 })), fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })), { maxKeys: 6 });

const TABLES = ['users', 'sessions', 'children', 'guardianships', 'enrollments', 'offerings', 'terms', 'meetings', 'attendance_marks', 'notifications', 'guardian_invites', 'calendar_feeds', 'audit_events'] as const;

describe('fuzzing every route', () => {
  let handle: TestDatabase;
  let app: ReturnType<typeof buildApp>['app'];
  let errors: unknown[];
  let browsers: Map<Actor, Browser>;
  let ids: Ids;

  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    ({ app, errors, browsers, ids } = await matrixWorld(handle));
  });
  afterAll(() => handle.drop());

  async function counts() {
    const out: number[] = [];
    for (const table of TABLES) out.push(await countRows(handle, table));
    return out.join(',');
  }

  it('never answers 500, and a refused input writes nothing', async () => {
    let tried = 0;
    const problems: string[] = [];
    for (const [route, line] of Object.entries(MATRIX)) {
      if (route === 'POST /logout') continue;
      const [method] = route.split(' ') as ['GET' | 'POST'];
      const actor = (RULES[line.allowed] as readonly Actor[]).find((one) => one !== 'anonymous') ?? 'anonymous';
      const browser = browsers.get(actor)!;
      await fc.assert(
        fc.asyncProperty(fields, fc.boolean(), async (input, htmx) => {
          tried += 1;
          const before = await counts();
          const cookies = new Map(browser.cookies);
          const headers: Record<string, string> = htmx ? { 'hx-request': 'true' } : {};
          let response: Response;
          if (method === 'GET') {
            const query = new URLSearchParams();
            for (const [name, one] of Object.entries(input)) for (const item of [one].flat()) query.append(name, item.slice(0, 2000));
            response = await browser.get(`${line.path(ids)}${line.path(ids).includes('?') ? '&' : '?'}${query}`, headers);
          } else {
            response = await browser.post(line.path(ids), input, headers);
          }
          browser.cookies = cookies;
          if (response.status >= 500) problems.push(`${route} as ${actor}: ${response.status} for ${JSON.stringify(input).slice(0, 200)}`);
          if (response.status >= 400 && method === 'POST' && (await counts()) !== before) problems.push(`${route} as ${actor}: ${response.status} but something was written`);
        }),
        { numRuns: 12 },
      );
    }
    expect(errors.map(String)).toEqual([]);
    expect(problems).toEqual([]);
    expect(tried).toBeGreaterThan(800);
    console.log(`fuzz: ${tried} inputs over ${Object.keys(MATRIX).length - 1} routes, no 500, nothing written on a refusal`);
  }, 180_000);

  it('renders text a user typed as text, never as markup', async () => {
    // Names refuse markup outright; a roll note takes any text, and must come back as text.
    const teacher = browsers.get('teacherX')!;
    const note = '<i>迟到</i> hx-get="/admin" hx-trigger="load"';
    const saved = await teacher.post(`/teach/meetings/${ids.meeting}/marks`, { child: String(ids.child), mark: 'late', note });
    expect(saved.status).toBe(303);
    const page = await (await teacher.get(`/teach/meetings/${ids.meeting}`)).text();
    expect(page).toContain('&lt;i&gt;迟到&lt;/i&gt; hx-get=&quot;/admin&quot; hx-trigger=&quot;load&quot;');
    expect(page).not.toContain('<i>迟到</i>');
    expect(page).not.toContain('hx-get="/admin"');
  });
});
