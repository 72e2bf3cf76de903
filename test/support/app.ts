// Builds the app on a test database and drives it like a browser would: forms with our Origin, cookies kept.
import { generateIdFromEntropySize } from 'lucia';
import { createApp, type AppDeps } from '../../src/app.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import type { Database, Role } from '../../src/db/schema.ts';

export const ORIGIN = 'http://localhost';
export const FIXTURE_PASSWORD = 'fixture-password-9';

export function buildApp(handle: DatabaseHandle, overrides: Partial<AppDeps['config']> & { clock?: AppDeps['clock']; metrics?: AppDeps['metrics'] } = {}) {
  const { clock, metrics, ...config } = overrides;
  const errors: unknown[] = [];
  const app = createApp({
    db: handle.db,
    readAside: handle.readAside,
    clock: clock ?? fixedClock('2026-11-27T08:00:00Z'),
    config: {
      env: 'test',
      publicOrigin: undefined,
      trustProxy: 1, // tests name the client address with X-Forwarded-For
      bodyLimitBytes: 64 * 1024,
      sessionDays: 30,
      staffIdleMinutes: 480,
      sessionMaxDays: 90,
      timeZone: 'Asia/Shanghai',
      districtName: { zh: '测试学区', en: 'Test District' },
      mail: undefined,
      webhookUrl: undefined,
      maxInFlight: 256,
      maxQueueMs: 1000,
      logRequests: false,
      catalogueCacheMs: 0,
      ...config,
    },
    logError: (error) => errors.push(error),
    ...(metrics ? { metrics } : {}),
  });
  return { app, errors };
}

type App = ReturnType<typeof buildApp>['app'];

/** A tiny cookie jar for one browser. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(
    private readonly app: App,
    private readonly defaults: { lang?: string; address?: string } = {},
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.defaults.address ?? '203.0.113.7', ...extra };
    if (this.defaults.lang) headers['accept-language'] = this.defaults.lang;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return headers;
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async get(path: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.request(path, { headers: this.headers(headers) }));
  }

  async post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
    return this.remember(
      await this.app.request(path, {
        method: 'POST',
        body,
        headers: this.headers({ origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers }),
      }),
    );
  }
}

let fixtureHash: Promise<string> | undefined;

/** Inserts a user whose password is FIXTURE_PASSWORD (hashed once per file). */
export async function createUser(
  handle: DatabaseHandle,
  user: { name?: string; login: string; role?: Role; schoolId?: number | null },
): Promise<number> {
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  const now = new Date().toISOString();
  const row = await handle.db
    .insertInto('users')
    .values({
      name: user.name ?? '测试用户',
      email: user.login.includes('@') ? user.login : null,
      phone: user.login.includes('@') ? null : user.login,
      password_hash: await fixtureHash,
      role: user.role ?? 'parent',
      school_id: user.schoolId ?? null,
      created_at: now,
      password_changed_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createSchool(handle: DatabaseHandle, slug: string, kind: 'primary' | 'middle' = 'primary'): Promise<number> {
  const row = await handle.db
    .insertInto('schools')
    .values({
      slug,
      name_zh: `${slug}学校`,
      name_en: `${slug} School`,
      kind,
      grade_min: kind === 'primary' ? 1 : 7,
      grade_max: kind === 'primary' ? 6 : 9,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A fixture session's login and last use lie in the far future, so tests that move their clock days or months
 * ahead keep their users signed in; tests of the idle and absolute limits log in through POST /login instead.
 */
const FIXTURE_SESSION_START = '9999-01-01T00:00:00.000Z';

/** Signs a browser in by writing the session row directly (no password hashing in every test). */
export async function signIn(handle: DatabaseHandle, browser: Browser, userId: number): Promise<string> {
  const id = generateIdFromEntropySize(25);
  await handle.db
    .insertInto('sessions')
    .values({ id, user_id: userId, expires_at: new Date(Date.now() + 86_400_000).toISOString(), created_at: FIXTURE_SESSION_START, last_seen_at: FIXTURE_SESSION_START })
    .execute();
  browser.cookies.set('clubroll_session', id);
  return id;
}

export async function countRows(handle: DatabaseHandle, table: keyof Database): Promise<number> {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
