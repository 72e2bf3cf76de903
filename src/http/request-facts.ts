// Facts about a request that depend on how the app is deployed: client address, HTTPS, own origin.
import type { Context } from 'hono';

export interface DeploymentFacts {
  publicOrigin: string | undefined;
  /** How many proxies in front of the app add to X-Forwarded-* (TRUST_PROXY); 0: none, the headers are ignored. */
  trustProxy: number;
}

/**
 * The entry of an X-Forwarded-* header that the outermost trusted proxy wrote. Each proxy appends on the right,
 * and whatever lies left of the trusted hops was written by the client, so it is counted from the right: with
 * one trusted proxy the right-most entry. Fewer entries than trusted hops: the left-most there is.
 */
function trustedHop(header: string | undefined, hops: number): string | undefined {
  if (!header || hops < 1) return undefined;
  const entries = header.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries[Math.max(0, entries.length - hops)];
}

/** The client's address: the socket's, or the X-Forwarded-For hop the trusted proxies added. */
export function clientAddress(c: Context, facts: DeploymentFacts): string {
  const forwarded = trustedHop(c.req.header('x-forwarded-for'), facts.trustProxy);
  if (forwarded) return forwarded.slice(0, 64);
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The origin browsers use for this app: PUBLIC_ORIGIN, or what the request (and a trusted proxy) says. */
export function ownOrigin(c: Context, facts: DeploymentFacts): string {
  if (facts.publicOrigin) return facts.publicOrigin;
  const origin = originOf(c.req.url);
  if (facts.trustProxy > 0) {
    const proto = trustedHop(c.req.header('x-forwarded-proto'), facts.trustProxy);
    const host = trustedHop(c.req.header('x-forwarded-host'), facts.trustProxy);
    const [scheme, own] = origin.split('://') as [string, string];
    return `${proto ?? scheme}://${host ?? own}`;
  }
  return origin;
}

/** What `new URL(url).origin` says, read off the text when it is already in that form (the common case). */
export function originOf(url: string): string {
  const end = url.indexOf('/', url.indexOf('://') + 3);
  const origin = end < 0 ? url : url.slice(0, end);
  // Upper case, user info, IPv6, escapes, non-ASCII hosts and default ports are what URL rewrites.
  return /[^a-z0-9.:/-]|:(80|443)$/.test(origin) ? new URL(url).origin : origin;
}

export function isSecure(c: Context, facts: DeploymentFacts): boolean {
  return ownOrigin(c, facts).startsWith('https:');
}
