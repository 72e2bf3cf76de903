// Prometheus metrics (prom-client) and structured request logs: request durations by route, the wait for a
// turn before them, enrolment outcomes, the notification outbox's backlog and age. No personal data: routes
// are patterns, not paths.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Kysely } from 'kysely';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/schema.ts';

export type EnrollmentOutcome = 'enrolled' | 'waitlisted' | 'refused' | 'choice';

/** All the measuring needs of a request: on the Node server, how long it waited for its turn (src/http/turns.ts). */
interface MeasuredEnv {
  Bindings: { queuedMs?: number };
}

export function createMetrics(deps: { db: Kysely<Database>; now: () => Date }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const queued = new Histogram({
    name: 'clubroll_request_queue_seconds',
    help: 'Time a request waited for its turn on the event loop before the app started on it.',
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2],
    registers: [registry],
  });
  const enrollments = new Counter({
    name: 'clubroll_enrollments_total',
    help: 'Answers to enrol requests, by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'clubroll_outbox_backlog',
    help: 'Notification deliveries (e-mail, webhook) waiting to be sent.',
    registers: [registry],
    async collect() {
      const row = await deps.db
        .selectFrom('notification_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .executeTakeFirstOrThrow();
      this.set(Number(row.count));
    },
  });
  new Gauge({
    name: 'clubroll_outbox_oldest_seconds',
    help: 'Age of the oldest notification delivery still waiting (0 when none).',
    registers: [registry],
    async collect() {
      const row = await deps.db
        .selectFrom('notification_deliveries')
        .innerJoin('notifications', 'notifications.id', 'notification_deliveries.notification_id')
        .select((eb) => eb.fn.min('notifications.created_at').as('oldest'))
        .where('notification_deliveries.sent_at', 'is', null)
        .where('notification_deliveries.failed_at', 'is', null)
        .executeTakeFirst();
      const oldest = row?.oldest ? new Date(String(row.oldest)).getTime() : null;
      this.set(oldest === null ? 0 : Math.max(0, (deps.now().getTime() - oldest) / 1000));
    },
  });

  return {
    registry,
    recordEnrollment(outcome: EnrollmentOutcome) {
      enrollments.inc({ outcome });
    },
    /** Times every request by its route pattern (/offerings/:id/enrollments), and logs it as one JSON line if asked. */
    middleware(options: { log: boolean }): MiddlewareHandler<MeasuredEnv> {
      return async function measure(c, next) {
        const started = performance.now();
        if (c.env?.queuedMs !== undefined) queued.observe(c.env.queuedMs / 1000);
        try {
          await next();
        } finally {
          const seconds = (performance.now() - started) / 1000;
          const pattern = routePath(c);
          const route = pattern && pattern !== '/*' ? pattern : 'other';
          const status = c.res.status;
          duration.observe({ method: c.req.method, route, status: String(status) }, seconds);
          if (options.log) {
            process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), method: c.req.method, route, status, ms: Math.round(seconds * 10000) / 10 })}\n`);
          }
        }
      };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Whether an Authorization header carries this bearer token, compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
