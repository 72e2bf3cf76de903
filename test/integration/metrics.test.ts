// GET /metrics in Prometheus text: request durations by route pattern, enrolment outcomes, the outbox backlog;
// and one JSON log line per request without personal data.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createMetrics } from '../../src/metrics/metrics.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';

const TOKEN = 'prometheus-scrape-token-0123456789';

for (const dialect of DIALECTS) {
  describe(`metrics on ${dialect}`, () => {
    let handle: TestDatabase;
    let offering: number;
    const clock = fixedClock('2026-11-27T08:00:00Z');

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const school = await createSchool(handle, 'oak');
      const term = await createTerm(handle, school);
      offering = await createOffering(handle, term, { code: 'M1', title_zh: '指标课', capacity: 1 });
    });
    afterAll(() => handle.drop());
    afterEach(() => vi.restoreAllMocks());

    it('counts requests by route pattern and enrolments by outcome, and reports the outbox', async () => {
      const metrics = createMetrics({ db: handle.db, now: () => clock.now() });
      const { app } = buildApp(handle, { clock, metrics, metricsToken: TOKEN, mail: { url: 'smtp://127.0.0.1:1', from: 'x <x@example.com>' } });
      const parent = new Browser(app);
      await signIn(handle, parent, await createUser(handle, { login: 'metrics-parent@example.com' }));
      const add = async (name: string) => Number(/added=(\d+)/.exec((await parent.post('/children', { name, school: 'oak', grade: '3', consent: CONSENT_VERSION })).headers.get('location')!)![1]);
      const first = await add('一号');
      const second = await add('二号');
      await parent.post(`/offerings/${offering}/enrollments`, { child: String(first) }, { 'hx-request': 'true' });
      await parent.post(`/offerings/${offering}/enrollments`, { child: String(second) }, { 'hx-request': 'true' });
      await parent.get('/s/oak');

      // On the Node server each request says how long it waited for its turn.
      await app.request('/healthz', {}, { queuedMs: 3 });
      const response = await new Browser(app).get('/metrics', { authorization: `Bearer ${TOKEN}` });
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/offerings\/:id\/enrollments",status="200"\} 2/);
      expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/s\/:school",status="200"\} 1/);
      expect(text).toContain('clubroll_request_queue_seconds_bucket{le="0.005"} 1');
      expect(text).toContain('clubroll_request_queue_seconds_count 1');
      expect(text).toContain('clubroll_enrollments_total{outcome="enrolled"} 1');
      expect(text).toContain('clubroll_enrollments_total{outcome="waitlisted"} 1');
      // The seat confirmation waits to be mailed: one delivery in the backlog.
      expect(text).toContain('clubroll_outbox_backlog 1');
      expect(text).toMatch(/clubroll_outbox_oldest_seconds \d/);
      expect(text).not.toContain('一号');
    });

    it('/metrics is not there for anyone without METRICS_TOKEN: 404 without it, with a wrong one, or when none is set', async () => {
      const metrics = createMetrics({ db: handle.db, now: () => clock.now() });
      const guarded = buildApp(handle, { clock, metrics, metricsToken: TOKEN }).app;
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
        const response = await new Browser(guarded).get('/metrics', authorization ? { authorization } : {});
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain('http_request_duration_seconds');
      }
      const open = await new Browser(buildApp(handle, { clock, metrics: createMetrics({ db: handle.db, now: () => clock.now() }) }).app).get('/metrics');
      expect(open.status).toBe(404);
      const allowed = await new Browser(guarded).get('/metrics', { authorization: `Bearer ${TOKEN}` });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('cache-control')).toBe('no-store');
    });

    it('logs one JSON line per request with the route pattern, never the path or a cookie', async () => {
      const lines: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
      const { app } = buildApp(handle, { clock, metrics: createMetrics({ db: handle.db, now: () => clock.now() }), logRequests: true });
      await new Browser(app).get(`/offerings/${offering}?secret=abc`);
      vi.restoreAllMocks();
      const entry = JSON.parse(lines.find((line) => line.includes('"route"'))!);
      expect(entry).toMatchObject({ method: 'GET', route: '/offerings/:id', status: 200 });
      expect(typeof entry.ms).toBe('number');
      expect(lines.join('')).not.toContain('secret');
      expect(lines.join('')).not.toContain('clubroll_session');
    });
  });
}
