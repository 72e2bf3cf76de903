// The only file that builds lucia: session lifetime, cookie attributes and the user attributes it exposes.
import { Lucia, TimeSpan } from 'lucia';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { KyselySessionAdapter, type SessionUserRow } from './session.adapter.ts';
import type { SessionUser } from './session-user.ts';

export const SESSION_COOKIE = 'clubroll_session';

/** Lucia keeps the session rules (ids, expiry, sliding renewal); our routes write the cookie (see session.middleware.ts). */
export function createLucia(db: Kysely<Database>, options: { sessionDays: number; clock: Clock }) {
  return new Lucia(new KyselySessionAdapter(db, () => options.clock.now()), {
    sessionExpiresIn: new TimeSpan(options.sessionDays, 'd'),
    sessionCookie: { name: SESSION_COOKIE },
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
    DatabaseSessionAttributes: { created_at?: string };
  }
}
