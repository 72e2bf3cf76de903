// The only file that builds lucia: session lifetime, cookie attributes and the user attributes it exposes.
import { Lucia, TimeSpan } from 'lucia';
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.ts';
import type { Database } from '../db/schema.ts';
import { KyselySessionAdapter, type SessionUserRow } from './session.adapter.ts';
import type { SessionUser } from '../kernel/roles.ts';

export const SESSION_COOKIE = 'clubroll_session';

/**
 * Lucia keeps the session ids and the sliding expiry of the row (SESSION_DAYS, renewed while used); the idle and
 * absolute limits are ours (session.policy.ts, checked in auth.service.ts). Our routes write the cookie.
 */
export function createLucia(db: Kysely<Database>, options: { sessionDays: number; clock: Clock }) {
  return new Lucia(new KyselySessionAdapter(db, () => options.clock.now()), {
    sessionExpiresIn: new TimeSpan(options.sessionDays, 'd'),
    sessionCookie: { name: SESSION_COOKIE },
    getSessionAttributes: (attributes) => ({ createdAt: attributes.created_at ?? null, lastSeenAt: attributes.last_seen_at ?? null }),
    getUserAttributes: (attributes): Omit<SessionUser, 'id'> => ({
      name: attributes.name,
      role: attributes.role,
      schoolId: attributes.school_id,
      lang: attributes.lang,
      login: attributes.email ?? attributes.phone ?? '',
      schoolName: attributes.school_name_zh === null ? null : { 'zh-CN': attributes.school_name_zh, en: attributes.school_name_en ?? attributes.school_name_zh },
    }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia;
    UserId: number;
    DatabaseUserAttributes: SessionUserRow;
    DatabaseSessionAttributes: { created_at?: string; last_seen_at?: string | null };
  }
}
