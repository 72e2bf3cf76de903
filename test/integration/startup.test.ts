// The real process: start-up on a fresh SQLite file with the demo, one-line failures, clean shutdown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runToEnd, startServer } from '../support/server.ts';

const folder = mkdtempSync(join(tmpdir(), 'clubroll-start-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm start', () => {
  it('migrates and seeds a fresh SQLite file, prints the URL and one demo login per role, and stops cleanly on SIGTERM', async () => {
    const file = join(folder, 'fresh', 'clubroll.db');
    const server = await startServer({ DATABASE_URL: `sqlite:${file}` });
    try {
      const output = server.output();
      expect(output).toMatch(/Clubroll is running at http:\/\/localhost:\d+/);
      for (const login of ['parent@clubroll.demo', 'teacher@clubroll.demo', 'admin@clubroll.demo', 'district@clubroll.demo']) {
        expect(output).toContain(login);
      }
      expect(output).toContain('clubroll-demo');
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      const home = await (await fetch(`${server.url}/`)).text();
      expect(home).toContain('63 个社团');
      const login = await (await fetch(`${server.url}/login`)).text();
      expect(login).toContain('teacher@clubroll.demo');
      // Served by Node, the security headers and the language go onto Node's response (src/http/security.ts):
      // every answer still carries them, a page, an error page, a static file and a JSON answer alike.
      for (const [path, status] of [['/', 200], ['/no-such-page', 404], ['/static/htmx.min.js', 200], ['/healthz', 200]] as const) {
        const response = await fetch(`${server.url}${path}?lang=en`);
        expect(response.status, path).toBe(status);
        expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
        expect(response.headers.get('strict-transport-security'), path).toBeNull();
      }
      const english = await fetch(`${server.url}/?lang=en`);
      expect(english.headers.get('content-language')).toBe('en');
      expect(english.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).toContain('stopped cleanly');
    const database = new SQLite(file, { readonly: true });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.prepare('select count(*) as n from schools').get()).toEqual({ n: expect.any(Number) });
    database.close();
  });

  it('runs WORKERS=2 processes on one port over one database, seeded once, and stops them all', async () => {
    const file = join(folder, 'cluster.db');
    const server = await startServer({ DATABASE_URL: `sqlite:${file}`, WORKERS: '2' });
    try {
      expect(server.output()).toMatch(/Clubroll is running at http:\/\/localhost:\d+ \(SQLite .*, 2 worker processes\)/);
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.url}/healthz`).then((response) => response.status)));
      expect(answers.every((status) => status === 200)).toBe(true);
      expect(await (await fetch(`${server.url}/`)).text()).toContain('63 个社团');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const database = new SQLite(file, { readonly: true });
    expect(database.prepare('select count(*) as n from schools').get()).toEqual({ n: 5 });
    database.close();
  });

  it('does not seed when SEED_DEMO=0 (and behind HTTPS says so with HSTS)', async () => {
    const file = join(folder, 'empty.db');
    const server = await startServer({ DATABASE_URL: `sqlite:${file}`, SEED_DEMO: '0', PUBLIC_ORIGIN: 'https://clubroll.example' });
    try {
      expect(server.output()).not.toContain('parent@clubroll.demo');
      const login = await fetch(`${server.url}/login`);
      expect(await login.text()).not.toContain('parent@clubroll.demo');
      expect(login.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('lets requests in flight finish when told to stop', async () => {
    const server = await startServer({ DATABASE_URL: `sqlite:${join(folder, 'inflight.db')}`, SEED_DEMO: '0' });
    const requests = Array.from({ length: 20 }, () => fetch(`${server.url}/`).then((response) => response.status));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exit = server.stop();
    const statuses = await Promise.allSettled(requests);
    expect(await exit).toBe(0);
    // Whatever the server had accepted it answered in full; nothing got a 5xx.
    const answered = statuses.filter((result) => result.status === 'fulfilled').map((result) => (result as PromiseFulfilledResult<number>).value);
    expect(answered.every((status) => status === 200)).toBe(true);
  });
});

describe('npm run seed', () => {
  it('builds a fresh demo district, refuses a second run, and starts the demo over with --replace', async () => {
    const file = join(folder, 'seeded.db');
    const env = { DATABASE_URL: `sqlite:${file}` };
    const first = await runToEnd('src/seed/cli.ts', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/clubs: 63/);
    const database = new SQLite(file);
    database.prepare("update users set name = 'changed by hand' where email = 'parent@clubroll.demo'").run();
    database.close();
    const refused = await runToEnd('src/seed/cli.ts', env);
    expect(refused.code).toBe(1);
    const second = await runToEnd('src/seed/cli.ts', env, 60_000, ['--replace']);
    expect(second.code).toBe(0);
    const reopened = new SQLite(file, { readonly: true });
    expect(reopened.prepare("select name from users where email = 'parent@clubroll.demo'").get()).not.toEqual({ name: 'changed by hand' });
    expect(reopened.prepare("select count(*) as n from offerings where kind = 'club'").get()).toEqual({ n: 63 });
    reopened.close();
  }, 120_000);
});

describe('start-up failures end in one clear line', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a bad PORT', { PORT: 'abc' }, /^clubroll: configuration error: PORT: must be a whole number from 0 to 65535 \(got "abc"\)$/],
    ['an unknown DATABASE_URL scheme', { DATABASE_URL: 'mysql://u:p@127.0.0.1/x' }, /^clubroll: configuration error: DATABASE_URL: unsupported scheme "mysql:"/],
    ['an unreachable PostgreSQL', { DATABASE_URL: 'postgres://u:p@127.0.0.1:9/clubroll' }, /^clubroll: cannot reach PostgreSQL 127\.0\.0\.1:9\/clubroll: connect ECONNREFUSED/],
  ];
  for (const [what, env, message] of cases) {
    it(`for ${what}`, async () => {
      const result = await runToEnd('src/main.ts', env);
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  }
});
