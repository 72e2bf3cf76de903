// Overload: beyond a number of requests in flight, or for a request that already waited too long for its turn,
// answer at once "busy, try again in a moment" (503 with Retry-After, which the page's script retries) rather
// than queueing until every answer is late.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

type Busy = <E extends AppEnv>(c: Context<E>) => Response | Promise<Response>;

/** The fast "busy": 503 with Retry-After (which the page's script honours), never cached; `busy` writes the body. */
export function answerBusy<E extends AppEnv>(c: Context<E>, retryAfterSeconds: number, busy: Busy): Response | Promise<Response> {
  c.header('Retry-After', String(retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  return busy(c);
}

export function shedLoad(options: { maxInFlight: number; maxQueueMs?: number; retryAfterSeconds: number; busy: Busy }): MiddlewareHandler<AppEnv> {
  if (!Number.isInteger(options.maxInFlight) || options.maxInFlight < 1) throw new Error('shedLoad: maxInFlight must be a whole number ≥ 1');
  const maxQueueMs = options.maxQueueMs ?? Number.POSITIVE_INFINITY;
  let inFlight = 0;
  return async function shedLoad(c, next) {
    if (inFlight >= options.maxInFlight || (c.env?.queuedMs ?? 0) > maxQueueMs) return answerBusy(c, options.retryAfterSeconds, options.busy);
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  };
}
