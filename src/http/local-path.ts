// Links and redirect targets derived from what a request says: parsed as URLs, so they never leave this site.
const OWN = 'http://clubroll.invalid';

/** Control characters (C0, DEL, C1): browsers drop some (tab, CR, LF) while parsing, and a header refuses them. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The path, query and fragment of a URL as a link that stays on this site: a path the URL parser left starting
 * with `//` (from `//evil.example`, `/.//evil.example`) would name another host, so its leading slashes become one.
 */
export function localHref(url: URL): string {
  return url.pathname.replace(/^\/{2,}/, '/') + url.search + url.hash;
}

/**
 * A redirect target from user-given text (`next`): kept only if, parsed against this site, it stays on this
 * site and has no control characters; otherwise undefined, and the caller uses its default page.
 */
export function safeLocalPath(next: unknown): string | undefined {
  if (typeof next !== 'string' || next.length > 512 || !next.startsWith('/') || CONTROL.test(next)) return undefined;
  let url: URL;
  try {
    url = new URL(next, OWN);
  } catch {
    return undefined;
  }
  return url.origin === OWN ? localHref(url) : undefined;
}

/** The request's own path and query as a link on this site (for the language switch and the login's `next`). */
export function requestHref(requestUrl: string): URL {
  const url = new URL(requestUrl, OWN);
  return new URL(localHref(url), OWN);
}
