// Account use cases: register, log in (throttled), log out, session lifetime, change password, staff accounts, ending sessions.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditEvent, recordAudit } from '../audit/audit.service.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Database, Lang, Role } from '../db/schema.ts';
import { isUniqueViolation } from '../db/errors.ts';
import * as accounts from './auth.repository.ts';
import { type SessionUseRecorder, createSessionUseRecorder } from './session-use.ts';
import { type Login, isRejection, nameProblem, normaliseText, parseLogin, passwordProblem } from './credentials.policy.ts';
import type { Rejection } from '../kernel/rejection.ts';
import type { AppLucia } from './lucia.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password.ts';
import { canEndSessionsOf, canOpenStaffAccount } from './roles.policy.ts';
import type { Actor, SessionUser, StaffRole } from '../kernel/roles.ts';
import { type SessionLifetime, sessionStanding } from './session.policy.ts';
import { type ThrottleKey, createAttemptsService } from './attempts.service.ts';
import { ACCOUNT_EVERYWHERE_LIMIT, ACCOUNT_LIMIT, ADDRESS_LIMIT } from './throttle.policy.ts';

export type FieldErrors<Field extends string> = Partial<Record<Field, Rejection>>;

export interface NewSession {
  id: string;
  expiresAt: Date;
}

export type RegisterResult =
  | { ok: true; userId: number; session: NewSession }
  | { ok: false; errors: FieldErrors<'name' | 'login' | 'password'> }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type LoginResult =
  | { ok: true; userId: number; session: NewSession }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type ChangePasswordResult =
  | { ok: true; session: NewSession }
  | { ok: false; errors: FieldErrors<'current' | 'password'> }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type StaffAccountResult =
  | { ok: true; userId: number; temporaryPassword: string }
  | { ok: false; errors: FieldErrors<'name' | 'login' | 'role' | 'school'> };

export type EndSessionsResult = { ok: true; ended: number; name: string } | { ok: false; reason: 'notFound' | 'self' };

export interface SessionsTarget {
  id: number;
  name: string;
  login: string;
  role: Role;
  sessions: number;
}

export type SessionCheck = { user: SessionUser; session: { id: string; fresh: boolean; expiresAt: Date } } | null;

export const DEMO_PASSWORD = 'clubroll-demo';
export const DEMO_LOGINS = [
  { login: 'parent@clubroll.demo', role: 'parent' },
  { login: 'teacher@clubroll.demo', role: 'teacher' },
  { login: 'admin@clubroll.demo', role: 'school_admin' },
  { login: 'district@clubroll.demo', role: 'district_admin' },
] as const;

/** The login page and the start-up banner show the demo accounts only while the demo data is there. */
export function demoAccountsPresent(db: Kysely<Database>): Promise<boolean> {
  return accounts.loginExists(db, { kind: 'email', value: DEMO_LOGINS[0].login });
}

/** How long an address where an account logged in stays exempt from that account's everywhere-brake. */
const KNOWN_PLACE_DAYS = 90;

const TEMPORARY_PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function createAuthService(deps: { db: Kysely<Database>; lucia: AppLucia; clock: Clock; lifetime: SessionLifetime; sessionUse?: SessionUseRecorder }) {
  const { db, lucia, clock, lifetime } = deps;
  const sessionUse = deps.sessionUse ?? createSessionUseRecorder({ db, delayMs: 0 });
  const attempts = createAttemptsService({ db, clock });

  /**
   * What a guess at an account's password counts against: the account from this address, the account from
   * everywhere (a wide allowance, short waits), and this address whatever the account (docs/security.md).
   */
  function passwordGuessKeys(account: string, address: string): ThrottleKey[] {
    return [
      { key: `account:${account}|address:${address}`, limit: ACCOUNT_LIMIT },
      { key: `account:${account}`, limit: ACCOUNT_EVERYWHERE_LIMIT },
      { key: `address:${address}`, limit: ADDRESS_LIMIT },
    ];
  }

  /** The cookie never outlives the session's absolute end. */
  function cookieExpiry(expiresAt: Date, createdAt: Date): Date {
    const absoluteEnd = createdAt.getTime() + lifetime.maxMs;
    return expiresAt.getTime() > absoluteEnd ? new Date(absoluteEnd) : expiresAt;
  }

  async function startSession(userId: number): Promise<NewSession> {
    const now = clock.now();
    const session = await lucia.createSession(userId, { created_at: now.toISOString(), last_seen_at: now.toISOString() });
    return { id: session.id, expiresAt: cookieExpiry(session.expiresAt, now) };
  }

  /** The person whose sessions an admin may end, or null when the admin may not (or there is nobody). */
  async function sessionsTargetFor(actor: Actor, userId: number) {
    const target = await accounts.findUserById(db, userId);
    if (!target) return { decision: { allowed: false, reason: 'notFound' } as const, target: null };
    return { decision: canEndSessionsOf(actor, { id: target.id, role: target.role, schoolId: target.school_id }), target };
  }

  /** Name and login rules shared by self-registration and staff accounts; the login must also be free. */
  async function checkIdentity(input: { name: string; login: string }) {
    const errors: FieldErrors<'name' | 'login'> = {};
    const name = normaliseText(input.name);
    const nameRejection = nameProblem(name);
    if (nameRejection) errors.name = nameRejection;
    const parsed = parseLogin(input.login);
    let login: Login | null = null;
    if (isRejection(parsed)) errors.login = parsed;
    else if (await accounts.loginExists(db, parsed)) errors.login = { key: 'auth.error.loginTaken' };
    else login = parsed;
    return { name, login, errors };
  }

  /**
   * Writes the account and its audit event in one transaction. Two requests for one login in the same
   * instant: the unique index decides and the loser gets null, answered as "already registered".
   */
  async function insertAccount(
    account: { name: string; login: Login; passwordHash: string; role: Role; schoolId: number | null; lang?: Lang },
    audit: (userId: number) => AuditEvent,
  ): Promise<number | null> {
    const now = clock.now().toISOString();
    try {
      return await db.transaction().execute(async (trx) => {
        const id = await accounts.insertUser(trx, {
          name: account.name,
          email: account.login.kind === 'email' ? account.login.value : null,
          phone: account.login.kind === 'phone' ? account.login.value : null,
          password_hash: account.passwordHash,
          role: account.role,
          school_id: account.schoolId,
          ...(account.lang ? { lang: account.lang } : {}),
          created_at: now,
          password_changed_at: now,
        });
        await recordAudit(trx, audit(id), clock.now());
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  const loginTaken = { login: { key: 'auth.error.loginTaken' } } as const;

  return {
    /**
     * A parent's own account. "Already registered" tells whoever asks that a login exists, so each such answer
     * counts as a failure against the address, as a wrong password does (the logins' wide NAT allowance), and a
     * throttled address gets no answer about any login until its wait is over.
     */
    async register(input: { name: string; login: string; password: string; lang: Lang; address: string }): Promise<RegisterResult> {
      const addressKey: ThrottleKey[] = [{ key: `address:${input.address}`, limit: ADDRESS_LIMIT }];
      const decision = await attempts.checkAll(addressKey);
      if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
      const { name, login, errors } = await checkIdentity(input);
      if (errors.login?.key === loginTaken.login.key) await attempts.recordFailures(addressKey);
      const passwordRejection = passwordProblem(input.password, { login: login?.value ?? input.login, name });
      const allErrors: FieldErrors<'name' | 'login' | 'password'> = passwordRejection ? { ...errors, password: passwordRejection } : errors;
      if (!login || Object.keys(allErrors).length > 0) return { ok: false, errors: allErrors };

      const userId = await insertAccount(
        { name, login, passwordHash: await hashPassword(input.password), role: 'parent', schoolId: null, lang: input.lang },
        (id) => ({ actorId: id, action: 'account.registered', subjectType: 'user', subjectId: id }),
      );
      if (userId === null) {
        await attempts.recordFailures(addressKey);
        return { ok: false, errors: loginTaken };
      }
      return { ok: true, userId, session: await startSession(userId) };
    },

    async login(input: { login: string; password: string; address: string }): Promise<LoginResult> {
      const parsed = parseLogin(input.login);
      const account = isRejection(parsed) ? input.login.trim().toLowerCase().slice(0, 254) : parsed.value;
      const keys = passwordGuessKeys(account, input.address);
      // Where the owner has logged in before, a run spread over other addresses does not keep them out.
      const knownPlace = `known:${account}|address:${input.address}`;
      const brakes = (await attempts.remembered(knownPlace)) ? keys.filter(({ limit }) => limit !== ACCOUNT_EVERYWHERE_LIMIT) : keys;
      const decision = await attempts.checkAll(brakes);
      if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };

      const user = isRejection(parsed) ? undefined : await accounts.findUserByLogin(db, parsed);
      const valid = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDecoy(input.password);
      if (!user || !valid) {
        await attempts.recordFailures(keys);
        return { ok: false, reason: 'invalid' };
      }
      for (const { key } of keys.slice(0, 2)) await attempts.clear(key);
      await attempts.remember(knownPlace, KNOWN_PLACE_DAYS);
      return { ok: true, userId: user.id, session: await startSession(user.id) };
    },

    async logout(sessionId: string): Promise<void> {
      await lucia.invalidateSession(sessionId);
    },

    /**
     * The session's user, or null when the id is unknown, expired, idle too long or past its absolute end (the
     * last three are deleted). Notes the use at most once a minute.
     */
    async checkSession(sessionId: string): Promise<SessionCheck> {
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session) return null;
      const now = clock.now();
      const createdAt = new Date(session.createdAt ?? now);
      const standing = sessionStanding(
        { createdAt, lastSeenAt: session.lastSeenAt ? new Date(session.lastSeenAt) : null },
        user.role,
        now,
        lifetime,
      );
      if (!standing.live) {
        await lucia.invalidateSession(session.id);
        return null;
      }
      if (standing.touch) await sessionUse.note(session.id, now);
      return {
        user: {
          id: user.id,
          name: user.name,
          role: user.role,
          schoolId: user.schoolId,
          lang: user.lang,
          login: user.login,
          schoolName: user.schoolName,
        },
        session: { id: session.id, fresh: session.fresh, expiresAt: cookieExpiry(session.expiresAt, createdAt) },
      };
    },

    /** The current password is a guess like a login's: it counts against the same throttle. */
    async changePassword(
      user: SessionUser,
      input: { current: string; password: string; address: string },
    ): Promise<ChangePasswordResult> {
      const keys = passwordGuessKeys(user.login, input.address);
      const decision = await attempts.checkAll(keys);
      if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
      const stored = await accounts.findUserById(db, user.id);
      if (!stored || !(await verifyPassword(stored.password_hash, input.current))) {
        await attempts.recordFailures(keys);
        return { ok: false, errors: { current: { key: 'auth.error.currentPasswordWrong' } } };
      }
      if (input.current === input.password) return { ok: false, errors: { password: { key: 'auth.error.passwordSame' } } };
      const rejection = passwordProblem(input.password, { login: user.login, name: user.name });
      if (rejection) return { ok: false, errors: { password: rejection } };

      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        await accounts.updatePasswordHash(trx, user.id, passwordHash, clock.now());
        await recordAudit(trx, { actorId: user.id, action: 'account.password_changed', subjectType: 'user', subjectId: user.id }, clock.now());
      });
      // Every other device is signed out; this one continues on a brand-new session id.
      await lucia.invalidateUserSessions(user.id);
      return { ok: true, session: await startSession(user.id) };
    },

    /** How many browsers and devices the user is signed in on (this one included). */
    sessionCount(userId: number): Promise<number> {
      return accounts.countUserSessions(db, userId);
    },

    /** "Log out everywhere else": ends every session of the user but this one. */
    async endOtherSessions(user: SessionUser, currentSessionId: string): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const ended = await accounts.deleteUserSessions(trx, user.id, currentSessionId);
        await recordAudit(trx, { actorId: user.id, action: 'account.other_sessions_ended', subjectType: 'user', subjectId: user.id, schoolId: user.schoolId, detail: { ended } }, clock.now());
        return ended;
      });
    },

    /** For the confirm page: the person and how many sessions they have, or null when the admin may not end them. */
    async sessionsTarget(actor: Actor, userId: number): Promise<(SessionsTarget & { decision: 'allowed' | 'self' }) | null> {
      const { decision, target } = await sessionsTargetFor(actor, userId);
      if (!target || (!decision.allowed && decision.reason === 'notFound')) return null;
      return {
        id: target.id,
        name: target.name,
        login: target.email ?? target.phone ?? '',
        role: target.role,
        sessions: await accounts.countUserSessions(db, target.id),
        decision: decision.allowed ? 'allowed' : 'self',
      };
    },

    /** An admin signs someone out on every device (a lost phone, a teacher who left); audited. */
    async endSessionsFor(actor: Actor, userId: number): Promise<EndSessionsResult> {
      const { decision, target } = await sessionsTargetFor(actor, userId);
      if (!target || !decision.allowed) return { ok: false, reason: decision.allowed ? 'notFound' : decision.reason };
      const ended = await db.transaction().execute(async (trx) => {
        const count = await accounts.deleteUserSessions(trx, target.id);
        await recordAudit(trx, { actorId: actor.id, action: 'account.sessions_ended', subjectType: 'user', subjectId: target.id, schoolId: target.school_id, detail: { ended: count } }, clock.now());
        return count;
      });
      return { ok: true, ended, name: target.name };
    },

    async setLanguage(userId: number, lang: Lang): Promise<void> {
      await accounts.updateUserLang(db, userId, lang);
    },

    async openStaffAccount(
      actor: Actor,
      input: { name: string; login: string; role: StaffRole; schoolId: number | null },
    ): Promise<StaffAccountResult> {
      const { name, login, errors: identityErrors } = await checkIdentity(input);
      const errors: FieldErrors<'name' | 'login' | 'role' | 'school'> = { ...identityErrors };
      const schoolId = input.role === 'district_admin' ? null : input.schoolId;
      const decision = canOpenStaffAccount(actor, input.role, schoolId);
      if (!decision.allowed) {
        if (decision.reason === 'roleNotAllowed') errors.role = { key: 'staff.error.roleNotAllowed' };
        else errors.school = { key: decision.reason === 'schoolRequired' ? 'staff.error.schoolRequired' : 'staff.error.schoolNotAllowed' };
      }
      if (!login || Object.keys(errors).length > 0) return { ok: false, errors };

      const temporaryPassword = Array.from(
        { length: 12 },
        () => TEMPORARY_PASSWORD_ALPHABET[randomInt(TEMPORARY_PASSWORD_ALPHABET.length)],
      ).join('');
      const userId = await insertAccount(
        { name, login, passwordHash: await hashPassword(temporaryPassword), role: input.role, schoolId },
        (id) => ({ actorId: actor.id, action: 'staff.account_opened', subjectType: 'user', subjectId: id, schoolId, detail: { role: input.role } }),
      );
      if (userId === null) return { ok: false, errors: loginTaken };
      return { ok: true, userId, temporaryPassword };
    },

    async listStaff(actor: Actor) {
      const rows = await accounts.listStaff(db, actor.role === 'district_admin' ? null : actor.schoolId);
      return rows.map((row) => ({ ...row, canEndSessions: canEndSessionsOf(actor, { id: row.id, role: row.role, schoolId: row.school_id }).allowed }));
    },

    demoAccountsPresent: () => demoAccountsPresent(db),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
