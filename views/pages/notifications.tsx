// A user's notifications, newest first: the unread ones marked, each with a link to what it is about.
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome } from '../chrome.ts';
import { Notice } from '../components/form.tsx';
import { UnreadBadge } from '../components/unread-badge.tsx';
import { Layout } from '../layout.tsx';

export interface NotificationView {
  id: number;
  subject: string;
  /** The text, one paragraph per entry. */
  paragraphs: string[];
  /** ISO instant for <time datetime>, and the same shown in the viewer's language. */
  at: string;
  atText: string;
  unread: boolean;
  link: { href: string; label: string } | null;
}

export interface NotificationListProps {
  i18n: I18n;
  items: NotificationView[];
  unread: number;
  /** The cursor of this page (kept by "mark all read"), and the links to older and newest pages. */
  before: number | null;
  olderHref: string | null;
  newestHref: string | null;
  /** Just marked everything read: say so to screen readers and sighted users alike. */
  allReadNow?: boolean;
}

/** The list with its "mark all read" control: the page's body, and alone the answer to an htmx "mark all read". */
export function NotificationList(props: NotificationListProps) {
  const { t } = props.i18n;
  return (
    <section id="notifications" class="notifications" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading" class="visually-hidden">
        {t('notify.title')}
      </h2>
      {props.allReadNow ? <Notice kind="success">{t('notify.allRead')}</Notice> : null}
      {props.unread > 0 ? (
        <form method="post" action="/notifications/read" hx-post="/notifications/read" hx-target="#notifications" hx-swap="outerHTML" class="notifications__actions">
          {props.before === null ? null : <input type="hidden" name="before" value={String(props.before)} />}
          <button type="submit" class="button button--small">
            {t('notify.markAllRead')}
          </button>
        </form>
      ) : null}
      {props.items.length === 0 ? (
        <p class="empty">{t('notify.empty')}</p>
      ) : (
        <ol class="notification-list">
          {props.items.map((item) => (
            <li class={item.unread ? 'notification notification--unread' : 'notification'} id={`notification-${item.id}`}>
              <div class="notification__head">
                {item.unread ? <span class="notification__unread">{t('notify.unread')}</span> : null}
                <time class="notification__time" datetime={item.at}>
                  {item.atText}
                </time>
              </div>
              <h3 class="notification__subject">{item.subject}</h3>
              {item.paragraphs.map((paragraph) => (
                <p class="notification__text">{paragraph}</p>
              ))}
              {item.link ? (
                <p class="notification__link">
                  <a href={item.link.href}>{item.link.label}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {props.olderHref || props.newestHref ? (
        <nav class="notifications__pages" aria-label={t('notify.title')}>
          {props.newestHref ? <a href={props.newestHref}>← {t('notify.newest')}</a> : null}
          {props.olderHref ? <a href={props.olderHref}>{t('notify.older')} →</a> : null}
        </nav>
      ) : null}
    </section>
  );
}

export function NotificationsPage(props: { chrome: Chrome } & Omit<NotificationListProps, 'i18n'>) {
  const { chrome, ...list } = props;
  const { t } = chrome.i18n;
  return (
    <Layout chrome={chrome} title={t('notify.title')}>
      <h1>{t('notify.title')}</h1>
      <p class="lead">{t('notify.intro')}</p>
      <NotificationList i18n={chrome.i18n} {...list} />
    </Layout>
  );
}

/** The htmx answer to "mark all read": the list again, and the header's badge emptied out of band. */
export function NotificationListAfterRead(props: NotificationListProps) {
  return (
    <>
      <NotificationList {...props} />
      <UnreadBadge i18n={props.i18n} count={props.unread} outOfBand />
    </>
  );
}
