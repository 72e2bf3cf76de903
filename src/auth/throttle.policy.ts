// Pure login-throttling rules: how many failures a key may have, and how long it then waits (exponential back-off).
export interface ThrottleLimit {
  /** Failures inside one window; the last of them starts the back-off. */
  readonly freeFailures: number;
  readonly windowSeconds: number;
  readonly firstBlockSeconds: number;
  readonly maxBlockSeconds: number;
}

export interface ThrottleState {
  readonly failures: number;
  readonly windowStartedAt: Date;
  readonly blockedUntil: Date | null;
}

/**
 * One account from one address: a handful of typos, then doubling waits. Keyed by the pair, so a stranger who
 * fails on someone's login from their own address makes only themselves wait, never the owner elsewhere.
 */
export const ACCOUNT_LIMIT: ThrottleLimit = { freeFailures: 5, windowSeconds: 15 * 60, firstBlockSeconds: 30, maxBlockSeconds: 15 * 60 };
/**
 * One account from every address together: the brake on a guessing run spread over many addresses. Wide, and
 * never longer than five minutes, so it cannot be used to keep the owner out for more than minutes at a time.
 */
export const ACCOUNT_EVERYWHERE_LIMIT: ThrottleLimit = { freeFailures: 30, windowSeconds: 15 * 60, firstBlockSeconds: 60, maxBlockSeconds: 5 * 60 };
/**
 * One client address: a whole school's parents share one NAT address, so only failures count and the
 * allowance is wide; a credential-stuffing run from one address still meets the back-off quickly. The wait
 * stops at five minutes: whoever shares a school's address cannot lock that school out for longer.
 */
export const ADDRESS_LIMIT: ThrottleLimit = { freeFailures: 100, windowSeconds: 15 * 60, firstBlockSeconds: 60, maxBlockSeconds: 5 * 60 };

/** When a key's state no longer matters (its window and any wait are over): the row may then be deleted. */
export function throttleExpiry(state: ThrottleState, limit: ThrottleLimit): Date {
  const windowEnd = state.windowStartedAt.getTime() + limit.windowSeconds * 1000;
  return new Date(Math.max(windowEnd, state.blockedUntil?.getTime() ?? 0));
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function checkThrottle(state: ThrottleState | null, now: Date): ThrottleDecision {
  if (!state?.blockedUntil || state.blockedUntil <= now) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000) };
}

export function recordFailure(state: ThrottleState | null, now: Date, limit: ThrottleLimit): ThrottleState {
  const windowOver = !state || now.getTime() - state.windowStartedAt.getTime() > limit.windowSeconds * 1000;
  const stillBlocked = state?.blockedUntil !== null && state?.blockedUntil !== undefined && state.blockedUntil > now;
  const base = windowOver && !stillBlocked ? { failures: 0, windowStartedAt: now } : state!;
  const failures = base.failures + 1;
  // The failure that uses up the allowance starts the first wait; each one after doubles it.
  const over = failures - limit.freeFailures;
  const blockSeconds = over >= 0 ? Math.min(limit.firstBlockSeconds * 2 ** over, limit.maxBlockSeconds) : 0;
  return {
    failures,
    windowStartedAt: base.windowStartedAt,
    blockedUntil: blockSeconds > 0 ? new Date(now.getTime() + blockSeconds * 1000) : null,
  };
}
