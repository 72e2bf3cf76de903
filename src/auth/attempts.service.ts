// Throttled attempts for any feature that lets people guess a secret (login, current password, invitation codes):
// the login_throttles table behind a small service. Rows expire; the expired ones are swept at most once a minute.
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.ts';
import type { Database } from '../db/schema.ts';
import * as accounts from './auth.repository.ts';
import { type ThrottleDecision, type ThrottleLimit, checkThrottle, recordFailure, throttleExpiry } from './throttle.policy.ts';

/** A throttled key and the limit it counts against. */
export interface ThrottleKey {
  readonly key: string;
  readonly limit: ThrottleLimit;
}

const SWEEP_EVERY_MS = 60_000;

export function createAttemptsService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  let sweptAt = Number.NEGATIVE_INFINITY;

  async function sweep(now: Date) {
    if (now.getTime() - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now.getTime();
    await accounts.deleteExpiredThrottles(db, now);
  }

  async function failed(key: string, limit: ThrottleLimit): Promise<void> {
    const now = clock.now();
    const state = recordFailure(await accounts.readThrottle(db, key), now, limit);
    await accounts.writeThrottle(db, key, state, throttleExpiry(state, limit));
    await sweep(now);
  }

  return {
    /** Whether the key may try now, or how long it must wait. */
    async check(key: string): Promise<ThrottleDecision> {
      return checkThrottle(await accounts.readThrottle(db, key), clock.now());
    },

    /** Whether every one of the keys may try now, or how long the first that may not must wait. */
    async checkAll(keys: readonly ThrottleKey[]): Promise<ThrottleDecision> {
      const now = clock.now();
      for (const { key } of keys) {
        const decision = checkThrottle(await accounts.readThrottle(db, key), now);
        if (!decision.allowed) return decision;
      }
      return { allowed: true };
    },

    recordFailure: failed,

    async recordFailures(keys: readonly ThrottleKey[]): Promise<void> {
      for (const { key, limit } of keys) await failed(key, limit);
    },

    /** Notes that `key` (e.g. an account from one address) succeeded, for `days`: a row with no failures. */
    async remember(key: string, days: number): Promise<void> {
      const now = clock.now();
      await accounts.writeThrottle(db, key, { failures: 0, windowStartedAt: now, blockedUntil: null }, new Date(now.getTime() + days * 86_400_000));
    },

    /** Whether `key` was remembered and has not expired. */
    async remembered(key: string): Promise<boolean> {
      const row = await accounts.readThrottleExpiry(db, key);
      return row !== null && row > clock.now();
    },

    async clear(key: string): Promise<void> {
      await accounts.clearThrottle(db, key);
    },
  };
}

export type AttemptsService = ReturnType<typeof createAttemptsService>;
