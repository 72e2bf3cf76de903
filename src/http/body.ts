// The body limit, without building a WHATWG Request for each request. Hono's bodyLimit asks for `c.req.raw.body`
// first, which makes @hono/node-server build a full Request (headers copied, an AbortController, a web stream over
// the socket) for every request, GETs included, and then read the body through that stream rather than straight
// from the socket (`c.req.text()` reads it straight when nothing has touched `body`).
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses a body over `maxSize` bytes with `onError` (413). A declared length is checked without reading
 * anything (Node's parser never delivers more than it declares); a chunked body is counted as it streams in
 * (Hono's body limit); GET and HEAD bodies are never read.
 */
export function limitBody(options: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const streamed = bodyLimit(options);
  return async function limitBody(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > options.maxSize ? options.onError(c) : next();
    }
    return streamed(c, next);
  };
}
