// Pure rules for second-guardian invitations: the one-time code's alphabet, shape and hash, its lifetime, and how often a parent may guess.
import { createHash } from 'node:crypto';
import type { ThrottleLimit } from '../auth/throttle.policy.ts';

/** No 0/O, 1/I/L: a code read aloud or copied from a chat message survives. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_LENGTH = 8;
export const INVITE_DAYS = 7;

/**
 * At most ten wrong codes per parent in an hour: 31^8 codes make guessing a live one hopeless at that rate,
 * while a parent with typos has room to spare.
 */
export const INVITE_GUESS_LIMIT: ThrottleLimit = { freeFailures: 10, windowSeconds: 60 * 60, firstBlockSeconds: 60 * 60, maxBlockSeconds: 60 * 60 };

export function inviteThrottleKey(userId: number): string {
  return `invite:${userId}`;
}

/**
 * A code from random bytes, without modulo bias: bytes at or above the largest multiple of the alphabet's
 * size are skipped, so `random` is asked again until there are enough usable ones.
 */
export function generateInviteCode(random: (size: number) => Uint8Array): string {
  const ceiling = 256 - (256 % INVITE_ALPHABET.length);
  let code = '';
  while (code.length < INVITE_LENGTH) {
    for (const byte of random(INVITE_LENGTH * 2)) {
      if (byte >= ceiling) continue;
      code += INVITE_ALPHABET[byte % INVITE_ALPHABET.length];
      if (code.length === INVITE_LENGTH) break;
    }
  }
  return code;
}

/** "ABCD-EFGH": how the code is shown, in two halves that are easy to read out. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a parent typed, as the code it names: full-width characters folded (a Chinese keyboard), case,
 * spaces and dashes ignored. Null when it cannot be any code, so it is not worth a database look-up.
 */
export function normaliseInviteCode(typed: string): string | null {
  const compact = typed.normalize('NFKC').toUpperCase().replace(/[\s\-_‐-―]/g, '');
  if (compact.length !== INVITE_LENGTH) return null;
  for (const character of compact) if (!INVITE_ALPHABET.includes(character)) return null;
  return compact;
}

/** Only this is stored: whoever reads the database cannot use a pending invitation. */
export function hashInviteCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

export type InviteState = 'usable' | 'expired' | 'used';

export function inviteState(invite: { expiresAt: string; usedAt: string | null }, now: Date): InviteState {
  if (invite.usedAt !== null) return 'used';
  return new Date(invite.expiresAt) <= now ? 'expired' : 'usable';
}

export function inviteExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITE_DAYS * 24 * 60 * 60 * 1000);
}

/** A child keeps at least one guardian: the last one cannot be removed (not even by themself). */
export function guardianRemovalRefusal(guardianCount: number): 'last' | null {
  return guardianCount <= 1 ? 'last' : null;
}
