// The page frame: head, header with school name / language switch / login state, main, footer.
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Chrome } from './chrome.ts';
import { UnreadBadge } from './components/unread-badge.tsx';

/** htmx settings: same-origin requests only, no eval, no inline styles (the CSP forbids them), 422 swaps a form's errors in, 429 the wait a throttled form must observe. */
const HTMX_CONFIG = JSON.stringify({
  selfRequestsOnly: true,
  allowEval: false,
  allowScriptTags: false,
  includeIndicatorStyles: false,
  historyCacheSize: 0,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '422', swap: true },
    { code: '429', swap: true },
    { code: '[45]..', swap: false, error: true },
  ],
});

/** The share card image (1200×630) chat apps show for a public page's link. */
const SHARE_IMAGE = '/static/share.png';

export function Layout(props: {
  chrome: Chrome;
  title: string;
  children?: Child;
  narrow?: boolean;
  /** A public page's share card (Open Graph): what a link to it says in a chat group. */
  share?: { description: string } | undefined;
  /** Reload this page by itself after so many seconds (a busy answer to a GET). */
  refreshSeconds?: number | undefined;
}) {
  const { chrome, title } = props;
  const { t, lang } = chrome.i18n;
  const site = chrome.site ?? {};
  // Absolute only from PUBLIC_ORIGIN: a Host header must never end up in a page others are served.
  const absolute = (path: string) => (site.publicOrigin ? `${site.publicOrigin}${path}` : path);
  const pagePath = chrome.path.split('?')[0] ?? '/';
  const page = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <meta name="color-scheme" content="light" />
        <title>{`${title} · ${t('app.name')}`}</title>
        {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
        {props.share ? (
          <>
            <meta name="description" content={props.share.description} />
            <meta property="og:type" content="website" />
            <meta property="og:site_name" content={t('app.name')} />
            <meta property="og:title" content={title} />
            <meta property="og:description" content={props.share.description} />
            <meta property="og:url" content={absolute(pagePath)} />
            <meta property="og:image" content={absolute(SHARE_IMAGE)} />
            <meta property="og:image:width" content="1200" />
            <meta property="og:image:height" content="630" />
            <meta property="og:locale" content={lang === 'en' ? 'en_US' : 'zh_CN'} />
          </>
        ) : null}
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/htmx.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__bar">
            <a class="brand" href="/" aria-label={t('app.name')}>
              <img src="/static/logo.svg" alt="" width="32" height="32" />
              <span class="brand__name">{t('app.name')}</span>
            </a>
            {chrome.schoolName ? <span class="site-header__school">{chrome.schoolName}</span> : null}
            <nav class="lang-switch" aria-label={t('nav.language')}>
              {(['zh-CN', 'en'] as const).map((option) =>
                option === lang ? (
                  <span class="lang-switch__current" aria-current="true" lang={option}>
                    {t(`lang.${option}`)}
                  </span>
                ) : chrome.user ? (
                  // Signed in, the switch also changes the account's language (for later messages): a POST, as every change is.
                  <form method="post" action="/account/language">
                    <input type="hidden" name="lang" value={option} />
                    <input type="hidden" name="back" value={chrome.path} />
                    <button type="submit" lang={option}>
                      {t(`lang.${option}`)}
                    </button>
                  </form>
                ) : (
                  <a href={chrome.langLinks[option]} lang={option} hreflang={option}>
                    {t(`lang.${option}`)}
                  </a>
                ),
              )}
            </nav>
          </div>
          <nav class="site-nav" aria-label={t('nav.main')}>
            {chrome.user ? (
              <>
                {/* One row on a phone: the role's own page and the notifications; the rest in the menu. */}
                {chrome.user.role === 'school_admin' || chrome.user.role === 'district_admin' ? <a href="/admin">{t('admin.title')}</a> : null}
                {chrome.user.role === 'teacher' ? <a href="/teach">{t('nav.today')}</a> : null}
                {chrome.user.role === 'parent' ? <a href="/family">{t('nav.family')}</a> : null}
                <a href="/notifications" class="site-nav__notify">
                  {t('notify.nav')}
                  <UnreadBadge i18n={chrome.i18n} count={chrome.unread ?? 0} />
                </a>
                <details class="site-nav__menu">
                  <summary>{t('nav.menu')}</summary>
                  <div class="site-nav__panel">
                    <a href="/">{t('nav.home')}</a>
                    {chrome.user.role === 'school_admin' || chrome.user.role === 'district_admin' ? (
                      <>
                        <a href="/admin/staff">{t('nav.staff')}</a>
                        <a href="/admin/audit">{t('audit.nav')}</a>
                        <a href="/admin/deletions">{t('privacy.admin.nav')}</a>
                      </>
                    ) : null}
                    {chrome.user.role === 'teacher' ? <a href="/teach/offerings">{t('admin.myOfferings')}</a> : null}
                    <a href="/account" class="site-nav__user" title={t('nav.signedInAs', { name: chrome.user.name })}>
                      {chrome.user.name}
                    </a>
                    <form method="post" action="/logout" class="site-nav__logout">
                      <button type="submit" class="link-button">
                        {t('nav.logout')}
                      </button>
                    </form>
                  </div>
                </details>
              </>
            ) : (
              <>
                <a href="/">{t('nav.home')}</a>
                <a href={`/login${chrome.path === '/' || chrome.path.startsWith('/login') || chrome.path.startsWith('/register') ? '' : `?next=${encodeURIComponent(chrome.path)}`}`}>
                  {t('nav.login')}
                </a>
                <a href="/register" class="site-nav__cta">
                  {t('nav.register')}
                </a>
              </>
            )}
          </nav>
        </header>
        <main id="main" class={props.narrow ? 'page page--narrow' : 'page'} tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('app.footer')}</p>
          {site.authority ? <p>{t('app.footer.authority', { authority: site.authority })}</p> : null}
          {site.contact ? <p>{t('app.footer.contact', { contact: site.contact })}</p> : null}
          <p>
            <a href="/privacy">{t('privacy.nav')}</a>
          </p>
          {site.icp ? (
            <p>
              <a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">
                {site.icp}
              </a>
            </p>
          ) : null}
        </footer>
      </body>
    </html>
  );
  return html`<!doctype html>${page}`;
}
