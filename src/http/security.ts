// Day-one security middleware: CSRF by Origin / Sec-Fetch-Site, strict CSP and friends, HSTS over HTTPS.
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.ts';
import { type DeploymentFacts, ownOrigin } from './request-facts.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'];

/**
 * Refuses unsafe requests that a browser did not send from our own pages: the Origin must be ours (or
 * Sec-Fetch-Site same-origin when a privacy setting strips Origin), and the body must be a form or JSON,
 * so `text/plain` and type-less bodies — the classic cross-site tricks — never reach a handler.
 */
export function crossSiteGuard(
  facts: DeploymentFacts,
  refuse: (c: Context<AppEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return async function crossSiteGuard(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const sameOrigin = origin !== undefined && origin !== 'null' ? origin === ownOrigin(c, facts) : fetchSite === 'same-origin';
    const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!sameOrigin || !FORM_TYPES.includes(contentType)) return refuse(c);
    return next();
  };
}

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: false, // added below, only when the app is reached over HTTPS
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
  return async function securityHeaders(c, next) {
    await headers(c, next);
    if (c.get('secure')) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
