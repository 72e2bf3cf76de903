// Overload: beyond a number of requests in flight, or for a request that already waited too long for its turn,
// answer at once "busy, try again in a moment" (503 with Retry-After, which the page's script retries) rather
// than queueing until every answer is late.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

export function shedLoad(options: { maxInFlight: number; maxQueueMs?: number; retryAfterSeconds: number; busy: Parameters<MiddlewareHandler<AppEnv>>[0] extends infer C ? (c: C) => Response | Promise<Response> : never }): MiddlewareHandler<AppEnv> {
  if (!Number.isInteger(options.maxInFlight) || options.maxInFlight < 1) throw new Error('shedLoad: maxInFlight must be a whole number ≥ 1');
  const maxQueueMs = options.maxQueueMs ?? Number.POSITIVE_INFINITY;
  let inFlight = 0;
  return async function shedLoad(c, next) {
    if (inFlight >= options.maxInFlight || (c.env?.queuedMs ?? 0) > maxQueueMs) {
      c.header('Retry-After', String(options.retryAfterSeconds));
      c.header('Cache-Control', 'no-store');
      return options.busy(c);
    }
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  };
}
