// Pure session-lifetime rules: when a session has gone idle or grown too old, and when its last use is worth writing down.
import type { Role } from '../db/schema.ts';

export interface SessionLifetime {
  /** A parent's session ends after this long without use (SESSION_DAYS). */
  readonly idleMs: number;
  /** A staff member's session ends after this long without use (SESSION_STAFF_IDLE_MINUTES). */
  readonly staffIdleMs: number;
  /** No session outlives its login by more than this (SESSION_MAX_DAYS). */
  readonly maxMs: number;
}

export interface SessionTimes {
  readonly createdAt: Date;
  /** Last recorded use; null when not written since the login. */
  readonly lastSeenAt: Date | null;
}

/** Last use is written at most this often, so reading a page is not a database write. */
export const LAST_SEEN_GRANULARITY_MS = 60_000;

export type SessionStanding =
  | { readonly live: true; readonly touch: boolean; readonly endsBy: Date }
  | { readonly live: false; readonly reason: 'idle' | 'tooOld' };

export function lifetimeFromSettings(settings: { sessionDays: number; staffIdleMinutes: number; sessionMaxDays: number }): SessionLifetime {
  const day = 86_400_000;
  return { idleMs: settings.sessionDays * day, staffIdleMs: settings.staffIdleMinutes * 60_000, maxMs: settings.sessionMaxDays * day };
}

export function idleLimitFor(role: Role, lifetime: SessionLifetime): number {
  // Staff see many children's records, often on shared classroom PCs; a parent on a phone should stay in.
  return role === 'parent' ? lifetime.idleMs : Math.min(lifetime.staffIdleMs, lifetime.idleMs);
}

/**
 * Whether a session still signs its user in at `now`: not older than the absolute limit, not idle for longer
 * than the role's idle limit. `touch` says the last use should be written now; `endsBy` is the absolute end,
 * which a cookie should never outlive.
 */
export function sessionStanding(session: SessionTimes, role: Role, now: Date, lifetime: SessionLifetime): SessionStanding {
  const endsBy = new Date(session.createdAt.getTime() + lifetime.maxMs);
  if (now >= endsBy) return { live: false, reason: 'tooOld' };
  const lastSeen = session.lastSeenAt ?? session.createdAt;
  const idleFor = now.getTime() - lastSeen.getTime();
  if (idleFor >= idleLimitFor(role, lifetime)) return { live: false, reason: 'idle' };
  return { live: true, touch: idleFor >= LAST_SEEN_GRANULARITY_MS, endsBy };
}
