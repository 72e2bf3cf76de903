// Request bodies on the Node server without building a WHATWG Request for each one. @hono/node-server makes a
// full Request (headers copied, an AbortController, a web stream over the socket) the first time anything
// touches `body`; Hono's body limit touches it on every request, GETs included. That cost about a tenth of
// an enrolment's CPU, and the abort listeners it leaves behind live until V8 finalizes them.
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses a body over `maxSize` bytes with `onError` (413). A declared length is checked without reading
 * anything; a chunked body is counted as it streams in (Hono's body limit); GET and HEAD bodies are never read.
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

const texts = new WeakMap<object, Promise<string>>();

/**
 * The request body as text. On the Node server, a body with a declared length (already checked by limitBody;
 * Node's parser never delivers more) is read straight from the socket; otherwise through Hono.
 */
export function requestText(c: Context): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const direct = incoming && c.req.header('content-length') !== undefined && c.req.header('transfer-encoding') === undefined;
  if (!direct) return c.req.text();
  let text = texts.get(c.req.raw);
  if (!text) {
    text = readAll(incoming);
    texts.set(c.req.raw, text);
  }
  return text;
}

async function readAll(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
