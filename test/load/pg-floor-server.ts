// The PostgreSQL enrol floor (issue 25): POST /offerings/:id/enrollments done the least costly correct way on
// PostgreSQL, with the app's pool settings (src/db/connect.ts: 10 connections, the server's 1 s wait) and as many
// worker processes as the app gets — URLSearchParams over the raw body (read as the app reads it), the session by a
// named statement, then one function call: the conditional seat update, or the offering's lock and the next
// waitlist place, and the insert. A fixed fragment. No rules, outbox or audit; no transaction round trips.
// Usage: node dist/pg-floor-server.js <postgres url> [workers]   (prints "listening on <port>")
import cluster from 'node:cluster';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';

const url = process.argv[2];
const workers = Number(process.argv[3] ?? 1);
if (!url) throw new Error('usage: pg-floor-server.ts <postgres url> [workers]');

/** The floor's one call per enrolment, created on its own copy of the data. */
const FLOOR_FUNCTION = `
create or replace function clubroll_floor_enrol(p_offering integer, p_child integer, p_at timestamptz) returns text
language plpgsql volatile as $$
declare
  v_position integer;
begin
  update offerings set seats_taken = seats_taken + 1 where id = p_offering and seats_taken < capacity;
  if found then
    insert into enrollments (offering_id, child_id, status, waitlist_position, created_at, updated_at) values (p_offering, p_child, 'enrolled', null, p_at, p_at);
    return 'enrolled';
  end if;
  perform 1 from offerings where id = p_offering for update;
  select coalesce(max(waitlist_position), 0) + 1 into v_position from enrollments where offering_id = p_offering and status = 'waitlisted';
  insert into enrollments (offering_id, child_id, status, waitlist_position, created_at, updated_at) values (p_offering, p_child, 'waitlisted', v_position, p_at, p_at);
  return 'waitlisted';
end
$$`;

async function primary() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(FLOOR_FUNCTION);
  await client.end();
  if (workers <= 1) return serve();
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
}

function serve() {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 1000 });
  pool.on('error', () => {});
  const app = new Hono();
  app.get('/ok', (c) => c.text('ok'));
  // No connection free within the wait: "busy", as the app answers it (nothing was written).
  app.onError((_error, c) => c.text('busy', 503));
  app.post('/offerings/:id/enrollments', async (c) => {
    const child = Number(new URLSearchParams(await c.req.text()).get('child'));
    const session = /clubroll_session=([^;]+)/.exec(c.req.header('cookie') ?? '')?.[1];
    const now = new Date().toISOString();
    if (!session) return c.text('login', 401);
    const user = await pool.query({ name: 'floor_session', text: 'select user_id from sessions where id = $1 and expires_at > $2', values: [session, now] });
    if (user.rowCount === 0) return c.text('login', 401);
    const placed = await pool.query<{ status: string }>({ name: 'floor_enrol', text: 'select clubroll_floor_enrol($1, $2, $3) as status', values: [Number(c.req.param('id')), child, now] });
    return c.html(placed.rows[0]!.status === 'enrolled' ? '<li class="enrol-row enrol-row--enrolled">enrolled</li>' : '<li class="enrol-row enrol-row--waitlisted">waitlisted</li>');
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  server.listen(0, '127.0.0.1', 2048, () => {
    const address = server.address();
    if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`listening on ${typeof address === 'object' && address ? address.port : 0}`);
  });
  process.on('SIGTERM', () => {
    setTimeout(() => process.exit(0), 2000).unref();
    server.close(() => void pool.end().then(() => process.exit(0)));
  });
}

if (cluster.isPrimary) await primary();
else serve();
