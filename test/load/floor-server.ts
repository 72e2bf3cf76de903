// The two floors the benchmark compares Clubroll against, on the same machine and a copy of the same data:
// GET /ok, a bare Hono route; and POST /offerings/:id/enrollments done the least costly correct way —
// URLSearchParams over the raw body (read from the socket as the app reads it), the session by a prepared
// statement, the conditional seat update and the insert as prepared statements in one IMMEDIATE transaction,
// a fixed fragment. No rules, outbox or audit.
// Usage: tsx test/load/floor-server.ts <sqlite file>   (prints "listening on <port>")
import { createAdaptorServer } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';

const file = process.argv[2];
if (!file) throw new Error('usage: floor-server.ts <sqlite file>');
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');

const sessionUser = db.prepare<[string, string], { user_id: number }>('select user_id from sessions where id = ? and expires_at > ?');
const takeSeat = db.prepare('update offerings set seats_taken = seats_taken + 1 where id = ? and seats_taken < capacity');
const lastPosition = db.prepare<[number], { last: number }>(
  `select coalesce(max(waitlist_position), 0) as last from enrollments where offering_id = ? and status = 'waitlisted'`,
);
const insert = db.prepare(
  'insert into enrollments (offering_id, child_id, status, waitlist_position, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
);
const begin = db.prepare('begin immediate');
const commit = db.prepare('commit');
const rollback = db.prepare('rollback');

const app = new Hono();
app.get('/ok', (c) => c.text('ok'));
app.post('/offerings/:id/enrollments', async (c) => {
  const child = Number(new URLSearchParams(await c.req.text()).get('child'));
  const session = /clubroll_session=([^;]+)/.exec(c.req.header('cookie') ?? '')?.[1];
  const now = new Date().toISOString();
  if (!session || !sessionUser.get(session, now)) return c.text('login', 401);
  const offering = Number(c.req.param('id'));
  begin.run();
  try {
    const seated = takeSeat.run(offering).changes === 1;
    const position = seated ? null : lastPosition.get(offering)!.last + 1;
    insert.run(offering, child, seated ? 'enrolled' : 'waitlisted', position, now, now);
    commit.run();
    return c.html(seated ? '<li class="enrol-row enrol-row--enrolled">enrolled</li>' : '<li class="enrol-row enrol-row--waitlisted">waitlisted</li>');
  } catch (error) {
    rollback.run();
    throw error;
  }
});

const server = createAdaptorServer({ fetch: app.fetch });
server.listen(0, '127.0.0.1', 2048, () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
