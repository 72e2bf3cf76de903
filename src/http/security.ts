// Day-one security middleware: CSRF by Origin / Sec-Fetch-Site, strict CSP and friends, HSTS over HTTPS.
import type { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
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

/** What every answer carries (Hono's secure-headers defaults as this app configures them), named once. */
const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];
/** Over HTTPS, HSTS too (a browser must not be told to insist on HTTPS by a plain-HTTP answer). */
const SECURE_HEADERS: readonly (readonly [string, string])[] = [...SECURITY_HEADERS, ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']];

/** Node's response when @hono/node-server serves the request (its `outgoing`); absent under app.fetch. */
function nodeResponse(c: Context): ServerResponse | undefined {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  return outgoing && !outgoing.headersSent ? outgoing : undefined;
}

/**
 * A header for this request's answer, whatever the answer turns out to be. Served by @hono/node-server it goes
 * onto Node's response, which merges it into whatever the handler answers (a header the handler sets itself wins),
 * so an answer Hono builds with one header stays on the adapter's plain-object path instead of a WHATWG Headers
 * per answer; under app.fetch it goes through Hono.
 */
export function answerHeader(c: Context, name: string, value: string): void {
  const outgoing = nodeResponse(c);
  if (outgoing) outgoing.setHeader(name, value);
  else c.header(name, value);
}

/** The security headers (and HSTS over HTTPS) on every answer, error pages and static files included. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeaders(c, next) {
    const headers = c.get('secure') ? SECURE_HEADERS : SECURITY_HEADERS;
    const outgoing = nodeResponse(c);
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}
