// Role guards as middleware: who must be signed in, and which roles a route admits. A route behind a guard sees
// the user typed as signed in (SignedInEnv), so it reads c.get('user') without asserting it.
import type { MiddlewareHandler } from 'hono';
import { type SessionUser, hasRole } from '../kernel/roles.ts';
import type { Role } from '../kernel/vocabulary.ts';
import type { AppEnv } from './app-env.ts';
import { localHref, requestHref } from './local-path.ts';
import { errorPage } from './pages.tsx';

/** The context after a guard: the same variables, with a user who is certainly there. */
export interface SignedInEnv extends AppEnv {
  Variables: Omit<AppEnv['Variables'], 'user'> & { user: SessionUser };
}

/** A guard checks at run time what its type promises to the handlers after it. */
const signedIn = (guard: MiddlewareHandler<AppEnv>) => guard as unknown as MiddlewareHandler<SignedInEnv>;

export type Refusal = (c: Parameters<MiddlewareHandler<AppEnv>>[0], status: 403 | 404) => Response | Promise<Response>;

function loginRedirect(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Response {
  const target = `/login?next=${encodeURIComponent(localHref(requestHref(c.req.url)))}`;
  if (c.get('htmx')) {
    c.header('HX-Redirect', target);
    return c.body(null, 401);
  }
  return c.req.method === 'GET' ? c.redirect(target, 303) : c.redirect('/login', 303);
}

/** Anyone signed in; the others are sent to the login page (and come back afterwards). */
export function requireUser(): MiddlewareHandler<SignedInEnv> {
  return signedIn(async function requireUser(c, next) {
    if (!c.get('user')) return loginRedirect(c);
    await next();
  });
}

/** Only these roles; a signed-in user of another role gets the 403 page. */
export function requireRole(roles: readonly Role[], refuse: Refusal): MiddlewareHandler<SignedInEnv> {
  if (roles.length === 0) throw new Error('requireRole needs at least one role');
  return signedIn(async function requireRole(c, next) {
    if (!c.get('user')) return loginRedirect(c);
    if (!hasRole(c.get('user'), roles)) return refuse(c, 403);
    await next();
  });
}

/** School and district admins; anyone else signed in gets the 403 page (each route checks the school itself). */
export function requireAdmin(): MiddlewareHandler<SignedInEnv> {
  return requireRole(['school_admin', 'district_admin'], (c, status) => errorPage(c, status));
}
