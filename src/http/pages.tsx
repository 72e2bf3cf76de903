// Rendering helpers shared by every feature's routes: the page chrome, page-or-fragment answers, error pages.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Chrome } from '../../views/chrome.ts';
import { ErrorPage } from '../../views/pages/error.tsx';
import type { MessageKey } from '../kernel/messages.ts';
import type { AppEnv } from './app-env.ts';
import { localHref, requestHref } from './local-path.ts';

/**
 * The frame of a page. `page` names the GET address of what is shown when it differs from the request's
 * (a form's POST answer), so the language switch and the login link lead somewhere that exists.
 */
export function chromeFor<E extends AppEnv>(c: Context<E>, page?: string): Chrome {
  const url = requestHref(page ?? (c.req.method === 'GET' ? c.req.url : '/'));
  const langLink = (lang: string) => {
    const target = new URL(url);
    target.searchParams.set('lang', lang);
    return localHref(target);
  };
  const user = c.get('user');
  const i18n = c.get('i18n');
  return {
    i18n,
    user: user ? { name: user.name, role: user.role } : null,
    schoolName: user?.schoolName?.[i18n.lang] ?? null,
    langLinks: { 'zh-CN': langLink('zh-CN'), en: langLink('en') },
    path: url.pathname + url.search.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, ''),
    unread: c.get('unreadNotifications') ?? 0,
    site: c.get('site'),
  };
}

type Status = 200 | 201 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

/** A full page, or for htmx the fragment; both vary on HX-Request so caches keep them apart. */
export function respond<E extends AppEnv>(c: Context<E>, parts: { page: () => Child; fragment?: () => Child }, status: Status = 200) {
  c.header('Vary', 'HX-Request, HX-History-Restore-Request', { append: true });
  const body = c.get('htmx') && parts.fragment ? parts.fragment() : parts.page();
  return c.html(body as string, status);
}

const ERROR_TEXT: Record<403 | 404 | 413 | 500 | 503, [MessageKey, MessageKey]> = {
  403: ['error.forbidden.title', 'error.forbidden.body'],
  404: ['error.notFound.title', 'error.notFound.body'],
  413: ['error.tooLarge.title', 'error.tooLarge.body'],
  500: ['error.server.title', 'error.server.body'],
  503: ['error.busy.title', 'error.busy.body'],
};

export function errorPage<E extends AppEnv>(c: Context<E>, status: 403 | 404 | 413 | 500 | 503, text?: [MessageKey, MessageKey]) {
  const [title, body] = text ?? ERROR_TEXT[status];
  const { t } = c.get('i18n');
  return c.html(<ErrorPage chrome={chromeFor(c)} status={status} title={t(title)} body={t(body)} />, status);
}

/**
 * "Busy, try again" as a whole page. A page asked for with GET reloads itself after the wait (a meta refresh, the
 * seconds counting down on screen when scripts run); a form posted without htmx cannot be sent again for the parent,
 * so the page says so and links back to the page it came from.
 */
export function busyPage<E extends AppEnv>(c: Context<E>, retryAfterSeconds: number) {
  const { t } = c.get('i18n');
  const again = c.req.method === 'GET' || c.req.method === 'HEAD';
  const back = again ? undefined : referrerPath(c);
  return c.html(
    <ErrorPage
      chrome={chromeFor(c, again ? undefined : '/')}
      status={503}
      title={t('error.busy.title')}
      body={again ? t('error.busy.body') : t('error.busy.bodyPost')}
      retry={again ? { seconds: retryAfterSeconds, text: t('error.busy.countdown', { seconds: retryAfterSeconds }), template: t('error.busy.countdown', { seconds: '{seconds}' }) } : undefined}
      back={back ? { href: back, text: t('error.busy.back') } : undefined}
    />,
    503,
  );
}

/** The path and query of the page a form was posted from, on this site whatever the Referer's origin. */
function referrerPath<E extends AppEnv>(c: Context<E>): string | undefined {
  const referrer = c.req.header('referer');
  if (!referrer || !URL.canParse(referrer)) return undefined;
  return localHref(new URL(referrer));
}

/** After a save: htmx follows HX-Redirect, a plain form post a 303. */
export function redirectAfterSave<E extends AppEnv>(c: Context<E>, to: string) {
  if (c.get('htmx')) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}
