// Chooses the language per request (?lang=, then the cookie, then Accept-Language) and remembers a switch in the
// cookie. Only the cookie: a GET changes nothing stored (the account's language changes by POST /account/language).
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.ts';
import { answerHeader } from '../http/security.ts';
import type { Lang, Languages } from '../kernel/messages.ts';
import { LANG_COOKIE, negotiateLang, parseLang } from './i18n.ts';

export function i18nMiddleware(languages: Languages): MiddlewareHandler<AppEnv> {
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
    c.set('i18n', languages(lang));
    answerHeader(c, 'Content-Language', lang);
    await next();
  };
}

/** The browser's language choice, kept for a year. */
export function rememberLangCookie<E extends AppEnv>(c: Context<E>, lang: Lang): void {
  setCookie(c, LANG_COOKIE, lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax', httpOnly: true, secure: c.get('secure') });
}
