// Facts about a request that depend on how the app is deployed: client address, HTTPS, own origin.
import type { Context } from 'hono';

export interface DeploymentFacts {
  publicOrigin: string | undefined;
  trustProxy: boolean;
}

/** The client's address: the socket's, or the first X-Forwarded-For hop when a proxy is trusted. */
export function clientAddress(c: Context, facts: DeploymentFacts): string {
  if (facts.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The origin browsers use for this app: PUBLIC_ORIGIN, or what the request (and a trusted proxy) says. */
export function ownOrigin(c: Context, facts: DeploymentFacts): string {
  if (facts.publicOrigin) return facts.publicOrigin;
  const url = new URL(c.req.url);
  if (facts.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}`;
  }
  return url.origin;
}

export function isSecure(c: Context, facts: DeploymentFacts): boolean {
  return ownOrigin(c, facts).startsWith('https:');
}
