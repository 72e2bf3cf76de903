import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ThrottleState, checkThrottle, recordFailure } from '../auth/throttle.policy.ts';
import {
  INVITE_ALPHABET,
  INVITE_GUESS_LIMIT,
  formatInviteCode,
  generateInviteCode,
  guardianRemovalRefusal,
  hashInviteCode,
  inviteExpiry,
  inviteState,
  normaliseInviteCode,
} from './invite.policy.ts';

const bytes = (...values: number[]) => {
  let next = 0;
  return (size: number) => Uint8Array.from({ length: size }, () => values[next++ % values.length]!);
};

describe('invitation codes', () => {
  it('draws eight characters from an alphabet without 0, O, 1, I or L', () => {
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (seed) => {
        let offset = 0;
        const code = generateInviteCode((size) => {
          const out = Uint8Array.from({ length: size }, (_, i) => seed[(offset + i) % seed.length]! % 248);
          offset += size;
          return out;
        });
        expect(code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{8}$`));
      }),
    );
  });

  it('skips bytes that would bias the draw towards the first characters', () => {
    // 248..255 would map onto 0..7 a second time; they are thrown away.
    expect(generateInviteCode(bytes(255, 0, 250, 1, 2, 3, 4, 5, 6, 7))).toBe('23456789');
  });

  it('is shown as two groups of four', () => {
    expect(formatInviteCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });

  it('reads a typed code regardless of case, spaces, dashes and full-width characters', () => {
    for (const typed of ['ABCD-EFGH', 'abcd-efgh', ' abcd efgh ', 'AB-CD-EF-GH', 'ＡＢＣＤ－ＥＦＧＨ', 'abcd—efgh']) {
      expect(normaliseInviteCode(typed), typed).toBe('ABCDEFGH');
    }
  });

  it('rejects what cannot be a code without looking it up', () => {
    for (const typed of ['', 'ABCD-EFG', 'ABCD-EFGHJ', 'ABCD-EFG0', 'ABCD-EFGI', '<script>', '1'.repeat(500)]) {
      expect(normaliseInviteCode(typed), typed).toBeNull();
    }
  });

  it('is stored as its SHA-256, the same for every way of typing it', () => {
    const hash = hashInviteCode(normaliseInviteCode('abcd efgh')!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashInviteCode(normaliseInviteCode('ABCD-EFGH')!));
    expect(hash).not.toContain('ABCD');
  });
});

describe('an invitation over its life', () => {
  const now = new Date('2026-11-27T08:00:00Z');

  it('lasts seven days from its making', () => {
    expect(inviteExpiry(now).toISOString()).toBe('2026-12-04T08:00:00.000Z');
  });

  it('can be used until it expires, and only once', () => {
    const expiresAt = inviteExpiry(now).toISOString();
    expect(inviteState({ expiresAt, usedAt: null }, now)).toBe('usable');
    expect(inviteState({ expiresAt, usedAt: null }, new Date('2026-12-04T07:59:59Z'))).toBe('usable');
    expect(inviteState({ expiresAt, usedAt: null }, new Date('2026-12-04T08:00:00Z'))).toBe('expired');
    expect(inviteState({ expiresAt, usedAt: now.toISOString() }, now)).toBe('used');
  });

  it('lets a parent get the code wrong ten times in an hour, then makes them wait', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 9; i++) state = recordFailure(state, now, INVITE_GUESS_LIMIT);
    expect(checkThrottle(state, now)).toEqual({ allowed: true });
    state = recordFailure(state, now, INVITE_GUESS_LIMIT);
    expect(checkThrottle(state, now)).toEqual({ allowed: false, retryAfterSeconds: 3600 });
  });
});

describe('removing a guardian', () => {
  it('never leaves a child without a guardian', () => {
    expect(guardianRemovalRefusal(1)).toBe('last');
    expect(guardianRemovalRefusal(0)).toBe('last');
    expect(guardianRemovalRefusal(2)).toBeNull();
  });
});
