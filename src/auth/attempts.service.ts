// Throttled attempts for any feature that lets people guess a secret (login, invitation codes): the login_throttles table behind a small service.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import * as accounts from './auth.repository.ts';
import { type ThrottleDecision, type ThrottleLimit, checkThrottle, recordFailure } from './throttle.policy.ts';

export function createAttemptsService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  return {
    /** Whether the key may try now, or how long it must wait. */
    async check(key: string): Promise<ThrottleDecision> {
      return checkThrottle(await accounts.readThrottle(db, key), clock.now());
    },

    async recordFailure(key: string, limit: ThrottleLimit): Promise<void> {
      await accounts.writeThrottle(db, key, recordFailure(await accounts.readThrottle(db, key), clock.now(), limit));
    },

    async clear(key: string): Promise<void> {
      await accounts.clearThrottle(db, key);
    },
  };
}

export type AttemptsService = ReturnType<typeof createAttemptsService>;
