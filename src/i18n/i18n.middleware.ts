// Chooses the language per request (?lang=, then the cookie, then Accept-Language) and remembers a switch,
// also on the signed-in user's account so messages sent to them later speak the same language.
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.ts';
import { LANG_COOKIE, createI18n, negotiateLang, parseLang } from './i18n.ts';

export function i18nMiddleware(options: { timeZone: string; rememberForUser: (userId: number, lang: 'zh-CN' | 'en') => Promise<void> }): MiddlewareHandler<AppEnv> {
  const cache = { 'zh-CN': createI18n('zh-CN', options.timeZone), en: createI18n('en', options.timeZone) };
  return async function i18n(c, next) {
    const cookie = getCookie(c, LANG_COOKIE);
    const { lang, fromQuery } = negotiateLang({
      query: c.req.query('lang'),
      cookie,
      acceptLanguage: c.req.header('accept-language'),
    });
    if (fromQuery && parseLang(cookie) !== lang) {
      setCookie(c, LANG_COOKIE, lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax', httpOnly: true, secure: c.get('secure') });
      const user = c.get('user');
      if (user && user.lang !== lang) await options.rememberForUser(user.id, lang);
    }
    c.set('i18n', cache[lang]);
    c.header('Content-Language', lang);
    await next();
  };
}
