// Reads the session cookie on every request, puts the user on the context, renews or clears the cookie.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.ts';
import type { AuthService, NewSession } from './auth.service.ts';
import { SESSION_COOKIE } from './lucia.ts';

/** HttpOnly, SameSite=Lax, Secure whenever the app is reached over HTTPS. */
export function writeSessionCookie<E extends AppEnv>(c: Context<E>, session: NewSession): void {
  setCookie(c, SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('secure'),
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie<E extends AppEnv>(c: Context<E>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('secure'), httpOnly: true, sameSite: 'Lax' });
}

export function sessionMiddleware(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    c.set('user', null);
    c.set('sessionId', null);
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId) {
      const found = await auth.checkSession(sessionId);
      if (found) {
        c.set('user', found.user);
        c.set('sessionId', found.session.id);
        if (found.session.fresh) writeSessionCookie(c, found.session);
      } else {
        clearSessionCookie(c);
      }
    }
    await next();
  };
}
