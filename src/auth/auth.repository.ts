// Kysely queries for accounts and login throttles; `db` or a transaction comes first.
import type { Kysely } from 'kysely';
import type { Database, NewUser, Role } from '../db/schema.ts';
import type { Login } from './credentials.policy.ts';
import type { ThrottleState } from './throttle.policy.ts';

export function findUserByLogin(db: Kysely<Database>, login: Login) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'school_id', 'password_hash'])
    .where(login.kind === 'email' ? 'email' : 'phone', '=', login.value)
    .executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loginExists(db: Kysely<Database>, login: Login): Promise<boolean> {
  return (await findUserByLogin(db, login)) !== undefined;
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<number> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePasswordHash(db: Kysely<Database>, userId: number, passwordHash: string, at: Date) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: at.toISOString() })
    .where('id', '=', userId)
    .execute();
}

export async function updateUserLang(db: Kysely<Database>, userId: number, lang: 'zh-CN' | 'en') {
  await db.updateTable('users').set({ lang }).where('id', '=', userId).execute();
}

export function listStaff(db: Kysely<Database>, schoolId: number | null) {
  let query = db
    .selectFrom('users')
    .leftJoin('schools', 'schools.id', 'users.school_id')
    .select(['users.id', 'users.name', 'users.email', 'users.phone', 'users.role', 'users.school_id', 'schools.name_zh', 'schools.name_en'])
    .where('users.role', 'in', ['teacher', 'school_admin', 'district_admin'] satisfies Role[])
    .orderBy('schools.name_zh')
    .orderBy('users.role')
    .orderBy('users.name');
  if (schoolId !== null) query = query.where('users.school_id', '=', schoolId);
  return query.execute();
}

export async function readThrottle(db: Kysely<Database>, key: string): Promise<ThrottleState | null> {
  const row = await db.selectFrom('login_throttles').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  return {
    failures: row.failures,
    windowStartedAt: new Date(row.window_started_at),
    blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null,
  };
}

export async function writeThrottle(db: Kysely<Database>, key: string, state: ThrottleState, expiresAt: Date): Promise<void> {
  const values = {
    failures: state.failures,
    window_started_at: state.windowStartedAt.toISOString(),
    blocked_until: state.blockedUntil?.toISOString() ?? null,
    expires_at: expiresAt.toISOString(),
  };
  await db
    .insertInto('login_throttles')
    .values({ key, ...values })
    .onConflict((conflict) => conflict.column('key').doUpdateSet(values))
    .execute();
}

/** When a throttle row expires, or null when there is none (or it predates expiries). */
export async function readThrottleExpiry(db: Kysely<Database>, key: string): Promise<Date | null> {
  const row = await db.selectFrom('login_throttles').select('expires_at').where('key', '=', key).executeTakeFirst();
  return row?.expires_at ? new Date(row.expires_at) : null;
}

/** Deletes the throttle rows that no longer matter (and any from before rows carried an expiry). */
export async function deleteExpiredThrottles(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom('login_throttles')
    .where((eb) => eb.or([eb('expires_at', '<', now.toISOString()), eb('expires_at', 'is', null)]))
    .execute();
}

export async function clearThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('key', '=', key).execute();
}

/** Notes a session's latest use (written at most once a minute per session, see session.policy.ts). */
export async function touchSessions(db: Kysely<Database>, sessionIds: readonly string[], at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('id', 'in', sessionIds).execute();
}

export async function countUserSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Ends a user's sessions, all of them or all but one; answers how many ended. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, except?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except !== undefined) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
