import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_EVERYWHERE_LIMIT, ACCOUNT_LIMIT, ADDRESS_LIMIT, type ThrottleState, checkThrottle, recordFailure, throttleExpiry } from './throttle.policy.ts';

const start = new Date('2026-11-28T08:00:00Z');
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function failures(count: number, limit = ACCOUNT_LIMIT, at = start): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < count; i++) state = recordFailure(state, at, limit);
  return state;
}

describe('login throttling', () => {
  it('lets an account get its password wrong four times without waiting', () => {
    expect(checkThrottle(failures(4), start)).toEqual({ allowed: true });
  });

  it('makes an account wait 30 s after the fifth failure, then doubles the wait', () => {
    expect(checkThrottle(failures(5), start)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(checkThrottle(failures(6), start)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(checkThrottle(failures(8), start)).toEqual({ allowed: false, retryAfterSeconds: 240 });
  });

  it('lets a row go when its window is over, or its wait if that ends later', () => {
    expect(throttleExpiry(failures(1)!, ACCOUNT_LIMIT)).toEqual(later(15 * 60));
    expect(throttleExpiry(failures(40)!, ACCOUNT_LIMIT)).toEqual(later(15 * 60));
    expect(throttleExpiry({ failures: 9, windowStartedAt: start, blockedUntil: later(3600) }, ACCOUNT_LIMIT)).toEqual(later(3600));
  });

  it('never shuts an address or an account everywhere out for more than five minutes', () => {
    expect(checkThrottle(failures(1000, ADDRESS_LIMIT), start)).toEqual({ allowed: false, retryAfterSeconds: 300 });
    expect(checkThrottle(failures(1000, ACCOUNT_EVERYWHERE_LIMIT), start)).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });

  it('never makes anyone wait longer than the cap', () => {
    expect(checkThrottle(failures(40), start)).toEqual({ allowed: false, retryAfterSeconds: ACCOUNT_LIMIT.maxBlockSeconds });
  });

  it('forgets old failures once the window has passed', () => {
    const state = failures(4);
    const fresh = recordFailure(state, later(ACCOUNT_LIMIT.windowSeconds + 1), ACCOUNT_LIMIT);
    expect(fresh.failures).toBe(1);
    expect(checkThrottle(fresh, later(ACCOUNT_LIMIT.windowSeconds + 1))).toEqual({ allowed: true });
  });

  it('allows one address a hundred failures: a school NAT full of parents with typos', () => {
    expect(checkThrottle(failures(99, ADDRESS_LIMIT), start)).toEqual({ allowed: true });
    expect(checkThrottle(failures(100, ADDRESS_LIMIT), start).allowed).toBe(false);
  });

  it('always lets the person in once the wait is over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (count) => {
        const state = failures(count)!;
        const waitEnds = state.blockedUntil ?? start;
        expect(checkThrottle(state, new Date(waitEnds.getTime() + 1))).toEqual({ allowed: true });
      }),
    );
  });
});
