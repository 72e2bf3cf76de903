import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.ts';
import { shedLoad } from './load-shedding.ts';

function appWithGate(maxInFlight: number) {
  const waiting: (() => void)[] = [];
  const app = new Hono<AppEnv>();
  app.use(shedLoad({ maxInFlight, retryAfterSeconds: 2, busy: (c) => c.text('busy', 503) }));
  app.get('/slow', async (c) => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return c.text('done');
  });
  return { app, release: () => waiting.splice(0).forEach((resolve) => resolve()), waiting };
}

describe('load shedding', () => {
  it('answers at once with 503 and Retry-After beyond the requests in flight, and serves again after', async () => {
    const { app, release, waiting } = appWithGate(2);
    const first = app.request('/slow');
    const second = app.request('/slow');
    await expect.poll(() => waiting.length).toBe(2);
    const third = await app.request('/slow');
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('2');
    release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    const fourth = app.request('/slow');
    await expect.poll(() => waiting.length).toBe(1);
    release();
    expect((await fourth).status).toBe(200);
  });

  it('frees the place of a request that failed', async () => {
    const app = new Hono<AppEnv>();
    app.use(shedLoad({ maxInFlight: 1, retryAfterSeconds: 1, busy: (c) => c.text('busy', 503) }));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/ok', (c) => c.text('ok'));
    expect((await app.request('/boom')).status).toBe(500);
    expect((await app.request('/ok')).status).toBe(200);
  });

  it('answers busy at once to a request that already waited too long for its turn', async () => {
    const app = new Hono<AppEnv>();
    let served = 0;
    app.use(shedLoad({ maxInFlight: 10, maxQueueMs: 1000, retryAfterSeconds: 2, busy: (c) => c.text('busy', 503) }));
    app.get('/', (c) => {
      served += 1;
      return c.text('ok');
    });
    const late = await app.request('/', {}, { queuedMs: 1001 });
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('2');
    expect(served).toBe(0);
    expect((await app.request('/', {}, { queuedMs: 999 })).status).toBe(200);
    expect((await app.request('/')).status).toBe(200); // no turns (tests, other servers): never refused for waiting
    expect(served).toBe(2);
  });

  it('refuses a nonsensical limit when it is built', () => {
    expect(() => shedLoad({ maxInFlight: 0, retryAfterSeconds: 1, busy: (c) => c.text('busy', 503) })).toThrow(/maxInFlight/);
  });
});
