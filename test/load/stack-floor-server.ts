// The benchmark's third reference: the enrol floor's seat claim behind Clubroll's own stack. The production app
// (every middleware: security headers, metrics, load shedding, the session check, language, CSRF guard, body
// limit) served as src/main.ts serves it (request turns, deep accept queue), plus one route,
// POST /floor/offerings/:id/enrollments, that does what the floor does — the body through URLSearchParams, the
// conditional seat update, the waitlist position and the insert — inside the app's own transaction layer (group
// commits), with no rules, outbox, audit or rendering. Set beside the enrol floor and the rush, it shows how much
// of the gap is the stack and how much is the enrolment's own work.
// Usage: tsx test/load/stack-floor-server.ts <sqlite file>   (prints "listening on <port>")
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { CompiledQuery } from 'kysely';
import { createApp } from '../../src/app.ts';
import { createSessionUseRecorder } from '../../src/auth/session-use.ts';
import { requireRole } from '../../src/http/guards.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/connect.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { createTurns } from '../../src/http/turns.ts';
import { createMetrics } from '../../src/metrics/metrics.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: stack-floor-server.ts <sqlite file>');
const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: `sqlite:${file}`, SEED_DEMO: '0', LOG_REQUESTS: '0' });
const turns = createTurns();
const handle = await connect(config.database, { sqliteSynchronous: config.sqliteSynchronous, backgroundCheckpoints: true, transactionsComing: turns.accepting });
const sessionUse = createSessionUseRecorder({ db: handle.db, delayMs: 2000 });
const app = createApp({ db: handle.db, clock: systemClock, config, sessionUse, kickDelivery: () => {}, metrics: createMetrics({ db: handle.db, now: () => systemClock.now() }) });

const TAKE_SEAT = 'update offerings set seats_taken = seats_taken + 1 where id = ? and seats_taken < capacity';
const LAST_POSITION = `select coalesce(max(waitlist_position), 0) as last from enrollments where offering_id = ? and status = 'waitlisted'`;
const INSERT = 'insert into enrollments (offering_id, child_id, status, waitlist_position, created_at, updated_at) values (?, ?, ?, ?, ?, ?)';

app.post(
  '/floor/offerings/:id/enrollments',
  requireRole(['parent'], (c, status) => c.text('forbidden', status)),
  async (c) => {
    const child = Number(new URLSearchParams(await c.req.text()).get('child'));
    const offering = Number(c.req.param('id'));
    const now = new Date().toISOString();
    const seated = await inTransaction(handle.db, async (trx) => {
      const taken = (await trx.executeQuery(CompiledQuery.raw(TAKE_SEAT, [offering]))).numAffectedRows === 1n;
      const position = taken ? null : (await trx.executeQuery<{ last: number }>(CompiledQuery.raw(LAST_POSITION, [offering]))).rows[0]!.last + 1;
      await trx.executeQuery(CompiledQuery.raw(INSERT, [offering, child, taken ? 'enrolled' : 'waitlisted', position, now, now]));
      return taken;
    });
    return c.html(seated ? '<li class="enrol-row enrol-row--enrolled">enrolled</li>' : '<li class="enrol-row enrol-row--waitlisted">waitlisted</li>');
  },
);

const server = createAdaptorServer({ fetch: (request: Request, env: object) => turns.run((queuedMs) => app.fetch(request, { ...env, queuedMs })) }) as Server;
server.on('connection', () => turns.connected());
server.listen(0, '127.0.0.1', 2048, () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () =>
  server.close(async () => {
    await sessionUse.flush();
    await handle.close();
    process.exit(0);
  }),
);
