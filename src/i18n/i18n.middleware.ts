// Chooses the language per request (?lang=, then the cookie, then Accept-Language) and remembers a switch in the
// cookie. Only the cookie: a GET changes nothing stored (the account's language changes by POST /account/language).
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.ts';
import { LANG_COOKIE, type Lang, createI18n, negotiateLang, parseLang } from './i18n.ts';

export function i18nMiddleware(options: { timeZone: string }): MiddlewareHandler<AppEnv> {
  const cache = { 'zh-CN': createI18n('zh-CN', options.timeZone), en: createI18n('en', options.timeZone) };
  return async function i18n(c, next) {
    const cookie = getCookie(c, LANG_COOKIE);
    const { lang, fromQuery } = negotiateLang({
      query: c.req.query('lang'),
      cookie,
      acceptLanguage: c.req.header('accept-language'),
    });
    if (fromQuery && parseLang(cookie) !== lang) {
      rememberLangCookie(c, lang);
    }
    c.set('i18n', cache[lang]);
    c.header('Content-Language', lang);
    await next();
  };
}

/** The browser's language choice, kept for a year. */
export function rememberLangCookie(c: Context<AppEnv>, lang: Lang): void {
  setCookie(c, LANG_COOKIE, lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax', httpOnly: true, secure: c.get('secure') });
}
