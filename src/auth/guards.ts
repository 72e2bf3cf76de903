// Role guards as middleware: who must be signed in, and which roles a route admits.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { localHref, requestHref } from '../http/local-path.ts';
import { hasRole } from './roles.policy.ts';

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
export function requireUser(): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    if (!c.get('user')) return loginRedirect(c);
    await next();
  };
}

/** Only these roles; a signed-in user of another role gets the 403 page. */
export function requireRole(roles: readonly Role[], refuse: Refusal): MiddlewareHandler<AppEnv> {
  if (roles.length === 0) throw new Error('requireRole needs at least one role');
  return async function requireRole(c, next) {
    if (!c.get('user')) return loginRedirect(c);
    if (!hasRole(c.get('user'), roles)) return refuse(c, 403);
    await next();
  };
}
