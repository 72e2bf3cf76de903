// The real server process with request logging on: a session's id never shows up in what it prints, in the
// metrics or in the audit log; and a chunked upload (no Content-Length) over the limit is refused on the socket.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/server.ts';

const folder = mkdtempSync(join(tmpdir(), 'clubroll-secrecy-'));
const file = join(folder, 'clubroll.db');
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ DATABASE_URL: `sqlite:${file}`, SEED_DEMO: '0', LOG_REQUESTS: '1', BODY_LIMIT_KB: '64', METRICS_TOKEN: 'secrecy-metrics-token-0123456789' });
}, 90_000);
afterAll(async () => {
  if (server) await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

function sessionFrom(response: Response): string | undefined {
  const line = response.headers.getSetCookie().find((one) => one.startsWith('clubroll_session='));
  return line?.split(';')[0]?.split('=')[1] || undefined;
}

function post(path: string, fields: Record<string, string>, cookie?: string, origin = server.url) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie: `clubroll_session=${cookie}` } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

function get(path: string, cookie?: string) {
  return fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie: `clubroll_session=${cookie}` } : {} });
}

function usersNamed(login: string): number {
  const database = new SQLite(file, { readonly: true });
  try {
    return (database.prepare('select count(*) as n from users where email = ?').get(login) as { n: number }).n;
  } finally {
    database.close();
  }
}

describe('the real server', () => {
  it('never prints, counts or audits a session id, through login, pages, refusals, logout and a replayed cookie', async () => {
    const seen: string[] = [];
    const registered = await post('/register', { name: '日志家长', login: 'logs@example.com', password: 'rainbow-bridge-47' });
    expect(registered.status).toBe(303);
    const first = sessionFrom(registered)!;
    seen.push(first);
    expect((await get('/account', first)).status).toBe(200);
    expect((await get('/account?lang=en', first)).status).toBe(200);
    expect((await get('/admin/staff', first)).status).toBe(403);
    expect((await get('/no/such/page', first)).status).toBe(404);
    expect((await post('/children', { name: '', school: 'x', grade: '99' }, first)).status).toBe(422);
    expect((await post('/logout', {}, first, 'https://evil.example')).status).toBe(403);
    expect((await post('/account/sessions/end-others', {}, first)).status).toBe(200);
    expect((await post('/login', { login: 'logs@example.com', password: 'wrong-password-1' }, first)).status).toBe(422);
    const again = await post('/login', { login: 'logs@example.com', password: 'rainbow-bridge-47' }, first);
    expect(again.status).toBe(303);
    const second = sessionFrom(again)!;
    expect(second).not.toBe(first);
    seen.push(second);
    expect((await get('/account', first)).status).toBe(303); // the old id ended at login
    expect((await post('/account/password', { current: 'rainbow-bridge-47', password: 'rainbow-bridge-48' }, second)).status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer secrecy-metrics-token-0123456789' } })).text();
    expect((await post('/logout', {}, second)).status).toBe(303);
    expect((await get('/account', second)).status).toBe(303); // replayed after logout

    const output = server.output();
    // The logs are really there (so their silence about sessions means something): one JSON line per request.
    const lines = output.split('\n').filter((line) => line.startsWith('{"time"'));
    expect(lines.length).toBeGreaterThanOrEqual(14);
    expect(lines.some((line) => line.includes('"route":"/account"') && line.includes('"status":200'))).toBe(true);
    expect(metrics).toContain('http_request_duration_seconds');
    const database = new SQLite(file, { readonly: true });
    const audit = JSON.stringify(database.prepare('select * from audit_events').all());
    database.close();
    expect(audit).toContain('account.password_changed');
    for (const id of seen) {
      expect(id).toMatch(/^[a-z0-9]{20,}$/);
      expect(output).not.toContain(id);
      expect(metrics).not.toContain(id);
      expect(audit).not.toContain(id);
    }
    expect(output).not.toContain('clubroll_session=');
  });

  it('refuses a chunked body over the limit with 413 before reading it all, and writes nothing', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const upload = request(`${server.url}/register`, {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      });
      let answered = false;
      upload.on('response', (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      upload.on('error', (error) => {
        if (!answered) reject(error);
      });
      upload.write('login=chunked%40example.com&password=rainbow-bridge-49&name=');
      // 256 KB in 16 KB chunks against a 64 KB limit; stop once the server has answered.
      const chunk = 'x'.repeat(16 * 1024);
      let sent = 0;
      const sendMore = () => {
        while (!answered && sent < 16) {
          sent += 1;
          if (!upload.write(chunk)) return void upload.once('drain', sendMore);
        }
        upload.end();
      };
      sendMore();
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('提交的内容太大');
    expect(usersNamed('chunked@example.com')).toBe(0);

    // The same form, small and chunked, still goes through.
    const small = await fetch(`${server.url}/register`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new Blob([new URLSearchParams({ name: '分块', login: 'chunked-small@example.com', password: 'rainbow-bridge-50' }).toString()]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(small.status).toBe(303);
    expect(usersNamed('chunked-small@example.com')).toBe(1);
  });
});
