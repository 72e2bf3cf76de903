// npm run bench [-- --quick] [--children N] [--database postgres://…] [--workers N]
// The enrolment rush, measured: floors (and the floor's claim behind the app's own stack), catalogue reads, the
// rush through the real route (taking turns with the floors), a cold burst, overload, invariants afterwards, and
// how the rush scales with the district's size. Prints a table and writes bench-results/latest.json. Everything
// listens on 127.0.0.1 and every phase is bounded in time.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashPassword } from '../../src/auth/password.ts';
import { openPostgres } from '../../src/db/connect.ts';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { SERVER_ENTRY, bundle } from '../../src/ops/build.ts';
import { npmStartArgs } from '../support/server.ts';
import { type ScaleDistrict, seedScale } from './seed-scale.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Options {
  quick: boolean;
  children: number;
  database: string | null;
  workers: number;
  scaling: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const children = Number(value('--children') ?? (quick ? 8000 : 20000));
  const workers = Number(value('--workers') ?? 1);
  // Each parent enrols once: the warm-up, the rush rounds, the burst and the overload need about 8,000.
  if (!Number.isInteger(children) || children < 8000) throw new Error('--children must be a whole number of at least 8000');
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) throw new Error('--workers must be 1–16');
  return { quick, children, database: value('--database') ?? null, workers, scaling: !quick && !argv.includes('--no-scaling') && !value('--database') };
}

interface Phase {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  cpu?: number;
  rssMb?: number;
  /** The app's own p99 for the phase (ms, the upper bound of its /metrics histogram bucket): time inside the app. */
  serverP99?: number;
}

/** What a phone's browser says it accepts. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

/**
 * Enrolments sent to each floor and to the app before it is measured, so all are compared warm. The floor's few
 * lines are at full speed after a few hundred; the app's route, with its rules, ran at about half speed for its
 * first 2,000 and reached its steady rate only after about 3,000 (V8 optimises its code as it runs).
 */
function warmUpCount(options: Options): number {
  return options.quick ? 1000 : 3000;
}

// ---------------------------------------------------------------- processes

interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<Server & { match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not start in 60 s:\n${output}`));
    }, 60_000);
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve({
          url: '',
          child,
          match,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!ready.exec(output)) reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Every server the bench measures runs built, as `npm start` runs the app (dist/, see src/ops/build.ts): the
 * floors too, so that all sides are compared alike.
 */
async function buildServers(): Promise<void> {
  await bundle({
    ...SERVER_ENTRY,
    'floor-server': 'test/load/floor-server.ts',
    'pg-floor-server': 'test/load/pg-floor-server.ts',
    'stack-floor-server': 'test/load/stack-floor-server.ts',
    'socket-floor': 'test/load/socket-floor.ts',
  });
}

/** Node's options as `npm start` gives them (package.json), without the entry. */
const startOptions = () => npmStartArgs().slice(0, -1);

/** What the benchmark's app takes as METRICS_TOKEN, so its phases can read the app's own times. */
const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789';

async function startApp(database: string, workers: number): Promise<Server> {
  const server = await startProcess(
    [...startOptions(), 'dist/main.js'],
    { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database, SEED_DEMO: '0', WORKERS: String(workers), LOG_REQUESTS: '0', METRICS_TOKEN: BENCH_METRICS_TOKEN },
    /running at http:\/\/[^:]+:(\d+)/,
  );
  return { ...server, url: `http://127.0.0.1:${server.match[1]}` };
}

async function startFloor(file: string): Promise<Server> {
  const server = await startProcess(['dist/floor-server.js', file], {}, /listening on (\d+)/);
  return { ...server, url: `http://127.0.0.1:${server.match[1]}` };
}

/** The PostgreSQL enrol floor (test/load/pg-floor-server.ts) on its own copy of the data, with the app's worker count. */
async function startPgFloor(url: string, workers: number): Promise<Server> {
  const server = await startProcess(['dist/pg-floor-server.js', url, String(workers)], {}, /listening on (\d+)/);
  return { ...server, url: `http://127.0.0.1:${server.match[1]}` };
}

/** A bare socket answering at once (test/load/socket-floor.ts): the cold burst's floor below every server. */
async function startSocketFloor(): Promise<Server> {
  const server = await startProcess(['dist/socket-floor.js'], {}, /listening on (\d+)/);
  return { ...server, url: `http://127.0.0.1:${server.match[1]}` };
}

/** The floor's claim behind the app's middleware and transaction layer, with the app's Node options (startApp). */
async function startStackFloor(file: string): Promise<Server> {
  const server = await startProcess([...startOptions(), 'dist/stack-floor-server.js', file], { METRICS_TOKEN: BENCH_METRICS_TOKEN }, /listening on (\d+)/);
  return { ...server, url: `http://127.0.0.1:${server.match[1]}` };
}

/** The process and its children (cluster workers): CPU seconds so far and resident memory now. */
function processTree(pid: number): number[] {
  try {
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((child) => child > 0);
    return [pid, ...children.flatMap((child) => processTree(child))];
  } catch {
    return [pid];
  }
}

function usage(pid: number): { cpuSeconds: number; rssMb: number; peakMb: number } {
  let cpuSeconds = 0;
  let rssMb = 0;
  let peakMb = 0;
  const ticks = 100;
  for (const one of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${one}/stat`, 'utf8').split(') ')[1]!.split(' ');
      cpuSeconds += (Number(stat[11]) + Number(stat[12])) / ticks;
      const status = readFileSync(`/proc/${one}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      rssMb = Math.max(rssMb, kb('VmRSS') / 1024);
      peakMb = Math.max(peakMb, kb('VmHWM') / 1024);
    } catch {
      // a process that just ended
    }
  }
  return { cpuSeconds, rssMb, peakMb };
}

// ---------------------------------------------------------------- load

/**
 * Whether phases read the app's own p99 from its /metrics. Not with several worker processes: /metrics is per
 * process, and the scrapes before and after a phase may reach different ones.
 */
let scrapeAppTimes = true;

/** Requests the app has timed so far, by histogram bucket (seconds → count), all routes together (none on a floor). */
async function serverDurations(url: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })).text();
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(/^http_request_duration_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\} (\d+)/gm)) {
    const le = match[1] === '+Inf' ? Infinity : Number(match[1]);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(match[2]));
  }
  return buckets;
}

/** The smallest bucket bound holding 99 % of the requests timed between two scrapes, in ms. */
function serverP99(before: Map<number, number>, after: Map<number, number>): number | undefined {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  if (total <= 0) return undefined;
  const bound = bounds.find((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0) >= total * 0.99);
  return bound === undefined || bound === Infinity ? undefined : Math.round(bound * 1000);
}

type Request = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

async function run(
  name: string,
  url: string,
  options: {
    connections: number;
    duration?: number;
    amount?: number;
    next: () => Request;
    onAnswer?: (request: Request, status: number, body: string, headers: Record<string, string>) => void;
    timeout?: number;
    /** Stops the run early when it settles (a load alongside another, for as long as that one lasts). */
    until?: Promise<unknown>;
  },
  pid?: number,
): Promise<Phase> {
  const before = pid ? usage(pid) : null;
  const timed = pid && scrapeAppTimes ? await serverDurations(url) : null;
  const started = Date.now();
  // From the first request sent to the last answer: autocannon ends a run on its one-second tick, which for a
  // run of a fixed number of requests would count up to a second of nothing.
  let firstSent = 0;
  let lastAnswer = 0;
  const instance = autocannon({
    // A run ends on autocannon's sampling tick after its last answer (or `stop`): every 0.1 s rather than 1 s.
    sampleInt: 100,
    url,
    connections: options.connections,
    ...(options.duration ? { duration: options.duration } : {}),
    ...(options.amount ? { amount: options.amount } : {}),
    timeout: options.timeout ?? 10,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
          firstSent ||= performance.now();
          const next = options.next();
          context.current = next;
          return { ...request, method: next.method, path: next.path, headers: { ...(next.headers ?? {}) }, body: next.body };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => {
          lastAnswer = performance.now();
          options.onAnswer?.(context.current as Request, status, body, headers ?? {});
        },
      },
    ],
  } as autocannon.Options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  void options.until?.then(() => instance.stop());
  const result = await instance;
  const seconds = lastAnswer > firstSent ? (lastAnswer - firstSent) / 1000 : (Date.now() - started) / 1000;
  const after = pid ? usage(pid) : null;
  const server = timed ? serverP99(timed, await serverDurations(url)) : undefined;
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = Number((stat as { count: number }).count);
  const requests = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    name,
    rps: Math.round(requests / Math.max(0.001, seconds)),
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p97_5 ?? result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests,
    errors: result.errors + result.timeouts,
    statuses,
    ...(before && after ? { cpu: Math.round(((after.cpuSeconds - before.cpuSeconds) / Math.max(0.001, seconds)) * 100), rssMb: Math.round(after.peakMb) } : {}),
    ...(server === undefined ? {} : { serverP99: server }),
  };
}

/** Each call the next parent's enrolment of their child into one of the hot courses (by the child's id). */
interface EnrollmentJob {
  parent: { session: string; childId: number };
  offering: number;
}

/** Each parent enrolling their child into the hot course its number picks. */
function enrollments(parents: readonly { session: string; childId: number }[], hot: readonly number[], origin: string, prefix = ''): () => Request {
  return enrollmentsTo(parents.map((parent) => ({ parent, offering: hot[parent.childId % hot.length]! })), origin, prefix);
}

/** `prefix` comes before the enrol path (the stack floor's route is /floor/offerings/:id/enrollments). */
function enrollmentsTo(jobs: readonly EnrollmentJob[], origin: string, prefix = ''): () => Request {
  let index = 0;
  return () => {
    const { parent, offering } = jobs[index++ % jobs.length]!;
    return {
      method: 'POST',
      path: `${prefix}/offerings/${offering}/enrollments`,
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded', cookie: `clubroll_session=${parent.session}`, 'hx-request': 'true' },
      body: `child=${parent.childId}`,
    };
  };
}

// ---------------------------------------------------------------- the database

interface Bench {
  url: string;
  close(): Promise<void>;
  verify(acknowledged: Map<number, number>): Promise<Checks>;
  /** A copy of the seeded data for a floor to write to: a file on SQLite, a database's URL on PostgreSQL (made once, for the enrol floor). */
  copyForFloor(label: string): string | null;
}

async function prepareDatabase(options: Options, folder: string, children: number, passwordHash: string, name: string): Promise<{ bench: Bench; district: ScaleDistrict }> {
  if (options.database) {
    const admin = new pg.Client({ connectionString: options.database });
    await admin.connect();
    const database = `clubroll_bench_${name}_${process.pid}`;
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    await admin.end();
    const target = new URL(options.database);
    target.pathname = `/${database}`;
    const seeding = await openPostgres(target.toString());
    await migrateToLatest(seeding.db);
    const district = await seeding.db.transaction().execute((trx) => seedScale(trx, { children, passwordHash }));
    await seeding.close();
    // The enrol floor's copy, made while nothing is connected to the seeded database (CREATE DATABASE … TEMPLATE).
    const floorDatabase = `${database}_floor`;
    const copier = new pg.Client({ connectionString: options.database });
    await copier.connect();
    await copier.query(`drop database if exists ${floorDatabase}`);
    await copier.query(`create database ${floorDatabase} template ${database}`);
    await copier.end();
    const floorTarget = new URL(options.database);
    floorTarget.pathname = `/${floorDatabase}`;
    const handle = await openPostgres(target.toString());
    return {
      district,
      bench: {
        url: target.toString(),
        copyForFloor: (label) => (label === 'floor' ? floorTarget.toString() : null),
        verify: (acknowledged) => verifyInvariants(async (text) => (await import('kysely')).sql.raw(text).execute(handle.db).then((result) => result.rows as Record<string, unknown>[]), acknowledged),
        close: async () => {
          await handle.close();
          const dropper = new pg.Client({ connectionString: options.database! });
          await dropper.connect();
          await dropper.query(`drop database if exists ${database}`);
          await dropper.query(`drop database if exists ${floorDatabase} with (force)`);
          await dropper.end();
        },
      },
    };
  }
  const file = join(folder, `${name}.db`);
  const handle = openSqlite(file);
  await migrateToLatest(handle.db);
  const district = await handle.db.transaction().execute((trx) => seedScale(trx, { children, passwordHash }));
  await handle.close();
  return {
    district,
    bench: {
      url: `sqlite:${file}`,
      copyForFloor: (label) => {
        const copy = join(folder, `${name}-${label}.db`);
        copyFileSync(file, copy);
        return copy;
      },
      verify: async (acknowledged) => {
        const reader = openSqlite(file);
        try {
          const { sql } = await import('kysely');
          return await verifyInvariants(async (text) => (await sql.raw(text).execute(reader.db)).rows as Record<string, unknown>[], acknowledged);
        } finally {
          await reader.close();
        }
      },
      close: async () => {},
    },
  };
}

interface Checks {
  oversold: number;
  count_mismatch: number;
  waitlist_gaps: number;
  duplicates: number;
  lost_acknowledged: number;
  acknowledged: number;
}

/** After the rush: nothing oversold, counts agree, waitlists gap-free, every 2xx answer's enrollment present. */
async function verifyInvariants(query: (text: string) => Promise<Record<string, unknown>[]>, acknowledged: Map<number, number>): Promise<Checks> {
  const one = async (text: string) => Number(Object.values((await query(text))[0] ?? { n: 0 })[0]);
  const oversold = await one('select count(*) as n from offerings where seats_taken > capacity');
  const drift = await one(
    `select count(*) as n from offerings o where o.seats_taken <> (select count(*) from enrollments e where e.offering_id = o.id and e.status = 'enrolled')`,
  );
  const gaps = await one(
    `select count(*) as n from (select offering_id, count(*) as c, max(waitlist_position) as m from enrollments where status = 'waitlisted' group by offering_id) w where c <> m`,
  );
  const twice = await one(`select count(*) as n from (select offering_id, child_id from enrollments group by offering_id, child_id having count(*) > 1) d`);
  const rows = await query(`select offering_id, child_id from enrollments where status in ('enrolled', 'waitlisted')`);
  const present = new Set(rows.map((row) => `${row.offering_id}:${row.child_id}`));
  let lost = 0;
  for (const [child, offering] of acknowledged) if (!present.has(`${offering}:${child}`)) lost += 1;
  return { oversold, count_mismatch: drift, waitlist_gaps: gaps, duplicates: twice, lost_acknowledged: lost, acknowledged: acknowledged.size };
}

// ---------------------------------------------------------------- the run

async function main() {
  const options = parseOptions(process.argv.slice(2));
  scrapeAppTimes = options.workers === 1;
  const started = Date.now();
  const folder = mkdtempSync(join(tmpdir(), 'clubroll-bench-'));
  const seconds = options.quick ? 3 : 6;
  const passwordHash = await hashPassword('bench-password-1');
  const phases: Phase[] = [];
  const say = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);
  try {
    await buildServers();
    say(`seeding ${options.children} children (${options.database ? 'PostgreSQL' : 'SQLite'})`);
    const { bench, district } = await prepareDatabase(options, folder, options.children, passwordHash, 'main');
    const parents = district.parents;
    // Parents are used once each: a share for the floor, the rush, the burst and the overload.
    let cursor = 0;
    const take = (count: number) => {
      const slice = parents.slice(cursor, cursor + count);
      cursor += slice.length;
      return slice;
    };

    // The floors run beside the app, each on its own copy of the same data, so that they and the rush can take
    // turns below. On PostgreSQL the enrol floor is PostgreSQL's own (one function call per enrolment, with the
    // app's pool settings and worker count); the stack floor is SQLite's only.
    const floorCopy = bench.copyForFloor('floor');
    const floor = floorCopy ? await (options.database ? startPgFloor(floorCopy, options.workers) : startFloor(floorCopy)) : null;
    const stackFile = options.database ? null : bench.copyForFloor('stack-floor');
    const stack = stackFile ? await startStackFloor(stackFile) : null;
    const app = await startApp(bench.url, options.workers);
    const pid = app.child.pid!;
    const acknowledged = new Map<number, number>();
    let okFloor: Phase | null = null;
    let floorEnroll: Phase | null = null;
    let stackFloor: Phase | null = null;
    let rushPhase: Phase;
    let rushWithReads: Phase;
    let burst: Phase;
    let floorBurst: Phase | null = null;
    let socketBurst: Phase;
    let peakRssMb: number;
    try {
      if (floor) {
        okFloor = await run('ok floor', floor.url, { connections: 50, duration: seconds, next: () => ({ method: 'GET', path: '/ok' }) }, floor.child.pid);
        phases.push(okFloor);
      }
      const catalogue = `/s/${district.slug}`;
      // Catalogue reads ask for gzip, as every browser does (and the ok floor's two bytes need no compressing).
      const gzip = { 'accept-encoding': BROWSER_ENCODINGS };
      phases.push(await run('catalogue page', app.url, { connections: 50, duration: seconds, next: () => ({ method: 'GET', path: catalogue, headers: gzip }) }, pid));
      phases.push(await run('catalogue fragment', app.url, { connections: 50, duration: seconds, next: () => ({ method: 'GET', path: `${catalogue}?grade=3`, headers: { ...gzip, 'hx-request': 'true' } }) }, pid));
      phases.push(await run('catalogue.json', app.url, { connections: 50, duration: seconds, next: () => ({ method: 'GET', path: `${catalogue}/catalogue.json`, headers: gzip }) }, pid));
      say('catalogue measured');

      const record = (request: Request, status: number) => {
        if (status >= 200 && status < 300 && request.body) acknowledged.set(Number(request.body.slice(6)), Number(/offerings\/(\d+)/.exec(request.path)![1]));
      };
      const etags = new Map<string, string>();
      let readIndex = 0;
      /** A parent's browser refreshing: a quarter the catalogue page, the rest a hot course's seat badge, both by ETag. */
      const reading = {
        connections: 10,
        next: (): Request => {
          const path = readIndex++ % 4 === 0 ? catalogue : `/offerings/${district.hot[readIndex % district.hot.length]}/seats`;
          const etag = etags.get(path);
          const headers: Record<string, string> = etag ? { 'if-none-match': etag, 'accept-encoding': BROWSER_ENCODINGS } : { 'accept-encoding': BROWSER_ENCODINGS };
          return { method: 'GET', path, headers };
        },
        onAnswer: (request: Request, _status: number, _body: string, headers: Record<string, string>) => {
          if (headers.etag) etags.set(request.path, headers.etag);
        },
      };

      // Every side is measured warm: unmeasured enrolments (and, on the app, seat reads) first. The warm-up's
      // places count in the checks afterwards.
      const warm = warmUpCount(options);
      const warmParents = take(warm);
      for (const [side, prefix] of [[floor, ''], [stack, '/floor']] as const) {
        if (side) await run('warm-up', side.url, { connections: 50, amount: warm, next: enrollments(warmParents, district.hot, side.url, prefix) });
      }
      await Promise.all([
        run('warm-up', app.url, { connections: 50, amount: warm, next: enrollments(warmParents, district.hot, app.url), onAnswer: record }),
        run('warm-up', app.url, { ...reading, amount: Math.round(warm / 5) }),
      ]);

      // The floors and the rush take turns, round after round, so that the machine's drift over the minute falls
      // on all of them alike. The floors enrol the rush's parents again, on their own copies. Each round has two
      // rushes by different parents: one alone, as the floors run (the ratio's like for like), and a shorter one
      // with parents refreshing seat counts alongside it, for as long as it lasts.
      const [rounds, perRound, withReads] = options.quick ? [3, 800, 400] : [5, 1400, 600];
      const measured: Record<'floor' | 'stack' | 'rush' | 'rushWithReads' | 'reads', Phase[]> = { floor: [], stack: [], rush: [], rushWithReads: [], reads: [] };
      for (let round = 0; round < rounds; round++) {
        const these = take(perRound);
        if (floor) measured.floor.push(await run('enrol floor', floor.url, { connections: 50, amount: these.length, next: enrollments(these, district.hot, floor.url) }, floor.child.pid));
        if (stack) measured.stack.push(await run('stack floor', stack.url, { connections: 50, amount: these.length, next: enrollments(these, district.hot, stack.url, '/floor') }, stack.child.pid));
        measured.rush.push(await run('rush', app.url, { connections: 50, amount: these.length, next: enrollments(these, district.hot, app.url), onAnswer: record }, pid));
        const others = take(withReads);
        let rushDone!: () => void;
        const rushOver = new Promise<void>((resolve) => (rushDone = resolve));
        let answered = 0;
        const onAnswer = (request: Request, status: number) => {
          record(request, status);
          if (++answered === others.length) rushDone();
        };
        const [rush, reads] = await Promise.all([
          run('rush with reads', app.url, { connections: 50, amount: others.length, next: enrollments(others, district.hot, app.url), onAnswer }, pid).finally(() => rushDone()),
          run('reads during rush', app.url, { ...reading, duration: 60, until: rushOver }),
        ]);
        measured.rushWithReads.push(rush);
        measured.reads.push(reads);
      }
      if (floor) phases.push((floorEnroll = combine('enrol floor', measured.floor)));
      if (stack) phases.push((stackFloor = combine('stack floor', measured.stack)));
      rushPhase = combine('rush', measured.rush);
      rushWithReads = combine('rush with reads', measured.rushWithReads);
      phases.push(rushPhase, rushWithReads, combine('reads during rush', measured.reads));
      say(`floors and rush measured, ${rounds} rounds each`);

      // A cold burst: 1,000 parents, each on a new connection, at once; first against a bare socket (what the load
      // generator and the kernel take by themselves) and the enrol floor (its copy), so that the app's figure can
      // be set beside what this machine does with no work and with the least possible work.
      const burstParents = take(1000);
      const coldBurst = (name: string, server: Server, onAnswer?: (request: Request, status: number) => void) =>
        run(name, server.url, { connections: burstParents.length, amount: burstParents.length, timeout: 10, next: enrollments(burstParents, district.hot, server.url), ...(onAnswer ? { onAnswer } : {}) }, server.child.pid);
      const socket = await startSocketFloor();
      try {
        socketBurst = await coldBurst('bare socket burst', socket);
        phases.push(socketBurst);
      } finally {
        await socket.stop();
      }
      if (floor) {
        floorBurst = await coldBurst('enrol floor burst', floor);
        phases.push(floorBurst);
      }
      await floor?.stop();
      await stack?.stop();
      burst = await coldBurst('cold burst (1,000)', app, record);
      phases.push(burst);

      // Overload: ten times the concurrency; every answer within 2 s, a fast 503 + Retry-After when busy.
      const overloadParents = take(parents.length - cursor);
      let busyWithoutRetryAfter = 0;
      const overload = await run(
        'overload (500 conns)',
        app.url,
        {
          connections: 500,
          amount: Math.min(overloadParents.length, options.quick ? 1500 : 5000),
          timeout: 5,
          next: enrollments(overloadParents, district.hot, app.url),
          onAnswer: (request, status, _body, headers) => {
            record(request, status);
            if (status === 503 && !headers['retry-after']) busyWithoutRetryAfter += 1;
          },
        },
        pid,
      );
      phases.push(overload);
      if (busyWithoutRetryAfter > 0) console.warn(`${busyWithoutRetryAfter} busy answers without Retry-After`);
      say('burst and overload measured');
      // The app's peak RSS over the whole run (VmHWM; with workers, the largest process's).
      peakRssMb = Math.round(usage(pid).peakMb);
      Object.assign(rushPhase, { rssMb: peakRssMb });
      Object.assign(rushWithReads, { rssMb: peakRssMb });
    } finally {
      await app.stop();
      await floor?.stop();
      await stack?.stop();
    }
    const checks = await bench.verify(acknowledged);
    await bench.close();
    say('invariants checked');

    // Scaling: the same rush at 1,000, 20,000 and 100,000 children. The three servers run side by side and take
    // turns, round after round, so that the machine's drift over a minute falls on every size alike; each size
    // reports its median round.
    const scaling: { children: number; rps: number; p99: number }[] = [];
    if (options.scaling) {
      const sizes = [1000, 20000, 100000];
      // Every child can enrol twice without a clash: first in its hot course, then in one at the other hour.
      // Each size runs the same 2,000 enrolments (its first 1,000 children, twice: 200 warm-up, then 3 rounds
      // of 600), so the sizes differ only in how much data the queries look through.
      const [warm, rounds, perRound] = [200, 3, 600];
      const districts: { children: number; server: Server; close: () => Promise<void>; jobs: EnrollmentJob[]; results: Phase[] }[] = [];
      try {
        for (const children of sizes) {
          const { bench: scaled, district: scaledDistrict } = await prepareDatabase(options, folder, children, passwordHash, `scale${children}`);
          const server = await startApp(scaled.url, options.workers);
          const jobs = [0, 1].flatMap((pass) => scaledDistrict.parents.slice(0, sizes[0]).map((parent) => ({ parent, offering: scaledDistrict.hot[(parent.childId + pass) % scaledDistrict.hot.length]! })));
          districts.push({ children, server, close: () => scaled.close(), jobs, results: [] });
          await run('warm-up', server.url, { connections: 10, amount: warm, next: enrollmentsTo(jobs.slice(0, warm), server.url) });
          say(`scaling district of ${children} ready`);
        }
        for (let round = 0; round < rounds; round++) {
          for (const one of districts) {
            const jobs = one.jobs.slice(warm + round * perRound, warm + (round + 1) * perRound);
            one.results.push(await run('scaling', one.server.url, { connections: 50, amount: jobs.length, next: enrollmentsTo(jobs, one.server.url) }));
          }
        }
        for (const one of districts) scaling.push({ children: one.children, rps: median(one.results.map((r) => r.rps)), p99: median(one.results.map((r) => r.p99)) });
      } finally {
        for (const one of districts) {
          await one.server.stop();
          await one.close();
        }
      }
      say('scaling measured');
    }

    // The floors first, then the app's phases in the order they ran.
    const floorsFirst = (phase: Phase) => ['ok floor', 'enrol floor', 'stack floor'].indexOf(phase.name) + 1 || 4;
    phases.sort((one, other) => floorsFirst(one) - floorsFirst(other));
    const find = (name: string) => phases.find((phase) => phase.name === name);
    const summary = {
      when: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      options,
      phases: Object.fromEntries(phases.map((phase) => [phase.name, phase])),
      rush_over_floor: floorEnroll ? round(rushPhase.rps / floorEnroll.rps) : null,
      /** Which enrol floor rush_over_floor is measured against: SQLite's, or PostgreSQL's own (--database). */
      enrol_floor_database: floorEnroll ? (options.database ? 'postgres' : 'sqlite') : null,
      rush_with_reads_over_floor: floorEnroll ? round(rushWithReads.rps / floorEnroll.rps) : null,
      stack_floor_over_floor: floorEnroll && stackFloor ? round(stackFloor.rps / floorEnroll.rps) : null,
      catalogue_over_ok: okFloor ? round((find('catalogue page')?.rps ?? 0) / okFloor.rps) : null,
      burst_p99_ms: burst.p99,
      floor_burst_p99_ms: floorBurst?.p99 ?? null,
      socket_burst_p99_ms: socketBurst.p99,
      burst_over_floor_burst: floorBurst ? round(burst.p99 / Math.max(1, floorBurst.p99)) : null,
      peak_rss_mb: peakRssMb,
      oversold: checks.oversold,
      lost_acknowledged: checks.lost_acknowledged,
      checks,
      scaling,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    printTable(phases, summary, scaling);
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-results', 'latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`\nwritten to bench-results/latest.json in ${summary.seconds} s`);
    const failed = checks.oversold + checks.count_mismatch + checks.waitlist_gaps + checks.duplicates + checks.lost_acknowledged;
    if (failed > 0) process.exitCode = 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Rounds of one phase as one: requests and time summed, the median round's percentiles, the worst maximum. */
function combine(name: string, rounds: Phase[]): Phase {
  const seconds = rounds.map((one) => one.requests / Math.max(1, one.rps));
  const total = seconds.reduce((sum, one) => sum + one, 0);
  const statuses: Record<string, number> = {};
  for (const one of rounds) for (const [code, count] of Object.entries(one.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  const cpu = rounds.every((one) => one.cpu !== undefined) ? Math.round(rounds.reduce((sum, one, i) => sum + one.cpu! * seconds[i]!, 0) / Math.max(0.001, total)) : undefined;
  const servers = rounds.flatMap((one) => (one.serverP99 === undefined ? [] : [one.serverP99]));
  const requests = rounds.reduce((sum, one) => sum + one.requests, 0);
  return {
    name,
    rps: Math.round(requests / Math.max(0.001, total)),
    p50: median(rounds.map((one) => one.p50)),
    p95: median(rounds.map((one) => one.p95)),
    p99: median(rounds.map((one) => one.p99)),
    max: Math.max(...rounds.map((one) => one.max)),
    requests,
    errors: rounds.reduce((sum, one) => sum + one.errors, 0),
    statuses,
    ...(cpu === undefined ? {} : { cpu }),
    ...(rounds.some((one) => one.rssMb !== undefined) ? { rssMb: Math.max(...rounds.map((one) => one.rssMb ?? 0)) } : {}),
    ...(servers.length > 0 ? { serverP99: Math.max(...servers) } : {}),
  };
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function printTable(
  phases: Phase[],
  summary: {
    rush_over_floor: number | null;
    enrol_floor_database: string | null;
    rush_with_reads_over_floor: number | null;
    stack_floor_over_floor: number | null;
    catalogue_over_ok: number | null;
    burst_p99_ms: number;
    floor_burst_p99_ms: number | null;
    socket_burst_p99_ms: number;
    burst_over_floor_burst: number | null;
    peak_rss_mb: number;
    checks: Checks;
  },
  scaling: { children: number; rps: number; p99: number }[],
) {
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  console.log(`\n${'phase'.padEnd(22)}${pad('req/s', 9)}${pad('p50', 7)}${pad('p95', 7)}${pad('p99', 7)}${pad('max', 7)}${pad('app p99', 9)}${pad('requests', 10)}${pad('errors', 8)}${pad('cpu%', 6)}${pad('rss MB', 8)}  statuses`);
  for (const phase of phases) {
    console.log(
      `${phase.name.padEnd(22)}${pad(phase.rps, 9)}${pad(phase.p50, 7)}${pad(phase.p95, 7)}${pad(phase.p99, 7)}${pad(phase.max, 7)}${pad(phase.serverP99 === undefined ? '' : `≤${phase.serverP99}`, 9)}${pad(phase.requests, 10)}${pad(phase.errors, 8)}${pad(phase.cpu ?? '', 6)}${pad(phase.rssMb ?? '', 8)}  ${JSON.stringify(phase.statuses)}`,
    );
  }
  const rush = phases.find((phase) => phase.name === 'rush');
  const postgresFloor = summary.enrol_floor_database === 'postgres';
  const floorTarget = postgresFloor ? "PostgreSQL's enrol floor" : 'enrol floor';
  console.log(`\nrush ÷ ${floorTarget}: ${summary.rush_over_floor ?? 'n/a'}, p99 ${rush?.p99 ?? 'n/a'} ms (target ${postgresFloor ? '≥ 0.5 with two workers' : '≥ 0.8 with p99 ≤ 50 ms at 50 connections'})   catalogue ÷ ok floor: ${summary.catalogue_over_ok ?? 'n/a'} (target ≥ 0.3)`);
  console.log(`rush with reads ÷ enrol floor: ${summary.rush_with_reads_over_floor ?? 'n/a'}   stack floor ÷ enrol floor: ${summary.stack_floor_over_floor ?? 'n/a'} (the floor's claim behind the app's stack, no rules)`);
  const floorBurst = summary.floor_burst_p99_ms === null ? '' : `, the enrol floor's ${summary.floor_burst_p99_ms} ms: ${summary.burst_over_floor_burst}× (target ≤ 1.3×)`;
  // A busy answer (503) is fast, so a burst with many of them has a p99 that flatters the app.
  const busy = phases.find((phase) => phase.name === 'cold burst (1,000)')?.statuses['503'] ?? 0;
  console.log(`cold burst p99: ${summary.burst_p99_ms} ms${floorBurst}${busy > 0 ? ` (${busy} answered busy, 503)` : ''}; a bare socket's ${summary.socket_burst_p99_ms} ms (the load generator's own share)`);
  console.log(`peak RSS of the app: ${summary.peak_rss_mb} MB (target ≤ 200 MB)`);
  console.log(`after the rush (target: nothing oversold or lost): ${Object.entries(summary.checks).map(([key, value]) => `${key} ${value}`).join(', ')}`);
  if (scaling.length > 0) console.log(`scaling (rush req/s, p99 ms): ${scaling.map((row) => `${row.children} children: ${row.rps} req/s, ${row.p99} ms`).join('; ')}`);
}

await main();
