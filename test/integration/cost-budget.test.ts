// Every request's cost is bounded by its size, linearly: for every route, bodies built to be expensive (many
// repeats, many distinct fields, long strings, many cookies and headers) are timed against the same shape ten
// times smaller, measured in the same run; ten times the size may cost at most thirty times the time. While the
// largest run, /healthz keeps answering. Ratios of CPU time only, so neither the machine's speed nor its load matters.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN } from '../support/app.ts';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';
import { type Actor, MATRIX, RULES, matrixWorld } from '../support/route-matrix.ts';

/** Names the app's forms read: long values go into each of them. */
const FIELD_NAMES = ['child', 'mark', 'note', 'name', 'school', 'grade', 'class', 'code', 'reason', 'to', 'confirm', 'status', 'term', 'public_value', 'q', 'category', 'weekday', 'login', 'password', 'next', 'title_zh', 'csv', 'lang'];

interface Shape {
  name: string;
  /** The small size; the large one is ten times it. */
  size: number;
  /** For a GET, whose query must fit, even at ten times this, in the 16 KB Node's HTTP parser allows. */
  getSize?: number;
  build(size: number, fields: Record<string, string>): { query: string; body: string; headers: Record<string, string> };
}

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const joined = (base: Record<string, string>, extra: string) => [encode(base), extra].filter(Boolean).join('&');

const SHAPES: Shape[] = [
  // The attack: one field repeated (the old parser copied the array on every repeat).
  { name: 'repeats', size: 2_000, getSize: 600, build: (n, base) => ({ query: 'a&'.repeat(n), body: joined(base, 'a&'.repeat(n)), headers: {} }) },
  { name: 'repeated named field', size: 2_000, getSize: 300, build: (n, base) => ({ query: 'q=x&'.repeat(n), body: joined(base, 'name=x&'.repeat(n)), headers: {} }) },
  // Under the field cap, so the route itself handles them.
  { name: 'distinct fields', size: 90, build: (n, base) => ({ query: Array.from({ length: n }, (_, i) => `f${i}=x`).join('&'), body: joined(base, Array.from({ length: n }, (_, i) => `f${i}=x`).join('&')), headers: {} }) },
  { name: 'distinct fields over the cap', size: 2_000, getSize: 150, build: (n, base) => ({ query: Array.from({ length: n }, (_, i) => `f${i}=x`).join('&'), body: joined(base, Array.from({ length: n }, (_, i) => `f${i}=x`).join('&')), headers: {} }) },
  {
    name: 'long strings',
    size: 1_000,
    getSize: 400,
    build: (n, base) => {
      const long = Object.fromEntries(FIELD_NAMES.map((name, i) => [name, `${'/\t<a&'[i % 5]}${'a字 ,;='.repeat(n / 8)}`]));
      return { query: encode({ q: long.q!, next: long.next!, lang: long.lang! }), body: encode({ ...long, ...base }), headers: {} };
    },
  },
  {
    name: 'many cookies',
    size: 100,
    build: (n, base) => ({ query: '', body: encode(base), headers: { cookie: Array.from({ length: n }, (_, i) => `c${i}=v${i}`).join('; ') } }),
  },
  {
    name: 'many headers and a long Accept-Language',
    size: 50,
    build: (n, base) => ({
      query: '',
      body: encode(base),
      headers: { ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-h${i}`, 'v'.repeat(10)])), 'accept-language': Array.from({ length: n }, (_, i) => `x${i};q=0.${i % 9}`).join(',') },
    }),
  },
];

const RUNS = 2;

/**
 * The process's CPU time since `started`, in milliseconds: what the server spent, untouched by the machine's load
 * (a load of 20 on two cores stretches a 10 ms request to 100 ms of wall time, a 1 ms one hardly at all).
 */
function cpuMs(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
const RETRIES = 3;
const RATIO = 30;

describe('the cost budget: every request costs linearly in its size', () => {
  let handle: TestDatabase;
  let world: Awaited<ReturnType<typeof matrixWorld>>;

  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    // The production body limit (1 MB), so the large bodies reach the parser.
    world = await matrixWorld(handle, { bodyLimitBytes: 1024 * 1024 });
  });
  afterAll(() => handle.drop());

  function send(route: string, actor: Actor, shape: Shape, size: number) {
    const { app, browsers, ids } = world;
    const line = MATRIX[route]!;
    const [method] = route.split(' ') as ['GET' | 'POST'];
    const browser = browsers.get(actor)!;
    const built = shape.build(method === 'GET' ? (size / shape.size) * (shape.getSize ?? shape.size) : size, line.fields?.(ids) ?? {});
    const cookieHeader = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers: Record<string, string> = {
      'x-forwarded-for': '198.51.100.9',
      ...built.headers,
      cookie: [built.headers.cookie, cookieHeader].filter(Boolean).join('; '),
    };
    const path = line.path(ids);
    if (method === 'GET') {
      return app.request(built.query ? `${path}${path.includes('?') ? '&' : '?'}${built.query}` : path, { headers });
    }
    return app.request(path, { method: 'POST', body: built.body, headers: { ...headers, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async function timed(route: string, actor: Actor, shape: Shape, size: number): Promise<{ ms: number; status: number }> {
    const started = process.cpuUsage();
    const response = await send(route, actor, shape, size);
    await response.arrayBuffer();
    return { ms: cpuMs(started), status: response.status };
  }

  /** The smallest of a few runs of each size, interleaved, so a pause in one run does not decide. */
  async function pair(route: string, actor: Actor, shape: Shape) {
    let small = Infinity;
    let large = Infinity;
    let status = 0;
    for (let run = 0; run < RUNS; run += 1) {
      small = Math.min(small, (await timed(route, actor, shape, shape.size)).ms);
      const answer = await timed(route, actor, shape, shape.size * 10);
      large = Math.min(large, answer.ms);
      status = answer.status;
    }
    return { small, large, status };
  }

  it('ten times the size costs at most thirty times the time, on every route, and never a 500', async () => {
    const problems: string[] = [];
    const worst: { route: string; shape: string; ms: number; small: number; status: number }[] = [];
    let requests = 0;
    for (const [route, line] of Object.entries(MATRIX)) {
      if (route === 'POST /logout') continue;
      const actor = (RULES[line.allowed] as readonly Actor[]).find((one) => one !== 'anonymous') ?? 'anonymous';
      let routeWorst = { route, shape: '', ms: 0, small: 0, status: 0 };
      for (const shape of SHAPES) {
        let measured = await pair(route, actor, shape);
        // A pause on a busy machine can spoil a pair (seen: 136 times at a load of 18 on two cores): measure again
        // before calling it a failure, unless it is far off (the quadratic parser: 5,000 times, a minute a request).
        const noisy = (one: { small: number; large: number }) => one.large > RATIO * one.small && one.large < 10 * RATIO * one.small;
        for (let retry = 0; retry < RETRIES && noisy(measured); retry += 1) measured = await pair(route, actor, shape);
        requests += 2 * RUNS;
        if (measured.status >= 500) problems.push(`${route} (${shape.name}): ${measured.status}`);
        if (measured.large > RATIO * measured.small) {
          problems.push(`${route} (${shape.name}): ${measured.small.toFixed(2)} ms at ${shape.size}, ${measured.large.toFixed(2)} ms at ${shape.size * 10}`);
          break; // one superlinear route is enough to fail; its other shapes would only make the run long
        }
        if (measured.large > routeWorst.ms) routeWorst = { route, shape: shape.name, ms: measured.large, small: measured.small, status: measured.status };
      }
      worst.push(routeWorst);
      if (problems.length > 0) break;
    }
    worst.sort((a, b) => b.ms - a.ms);
    console.log(
      `cost budget: ${requests}+ requests over ${worst.length} routes × ${SHAPES.length} shapes; worst large-size server CPU time per route:\n` +
        worst.map((one) => `  ${one.ms.toFixed(2).padStart(8)} ms  (small ${one.small.toFixed(2)} ms, ${one.status})  ${one.route}  [${one.shape}]`).join('\n'),
    );
    expect(world.errors.map(String)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('answers /healthz while the largest requests run', async () => {
    const slow: string[] = [];
    const alone = await timedHealth();
    const largest = ['POST /login', 'POST /register', 'POST /admin/terms/:termId/offerings', 'GET /'];
    for (const route of largest) {
      for (const shape of SHAPES) {
        const actor = (RULES[MATRIX[route]!.allowed] as readonly Actor[]).find((one) => one !== 'anonymous') ?? 'anonymous';
        // The best of three tries each, up to nine while it fails, so a pause of a busy machine does not decide.
        let small = Infinity;
        let waited = Infinity;
        for (let run = 0; run < 3 || (run < 9 && waited > RATIO * (small + alone)); run += 1) {
          small = Math.min(small, (await timed(route, actor, shape, shape.size)).ms);
          const started = process.cpuUsage();
          const running = Promise.resolve(send(route, actor, shape, shape.size * 10)).then((response) => response.arrayBuffer());
          await nextTurn();
          const health = await world.app.request('/healthz');
          waited = Math.min(waited, cpuMs(started));
          expect(health.status).toBe(200);
          await running;
        }
        if (waited > RATIO * (small + alone)) slow.push(`${route} (${shape.name}): /healthz answered after ${waited.toFixed(1)} ms of CPU (the small request: ${small.toFixed(1)} ms)`);
      }
    }
    expect(slow).toEqual([]);

    async function timedHealth() {
      let best = Infinity;
      for (let run = 0; run < 5; run += 1) {
        const started = process.cpuUsage();
        await (await world.app.request('/healthz')).arrayBuffer();
        best = Math.min(best, cpuMs(started));
      }
      return best;
    }
  }, 60_000);

});
