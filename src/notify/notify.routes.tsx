// HTTP for the in-app notifications: GET /notifications (one page, newest first) and POST /notifications/read.
// Every message is rendered in the viewer's current language. Parse, call the service, render.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { NotificationListAfterRead, type NotificationListProps, NotificationsPage, type NotificationView } from '../../views/pages/notifications.tsx';
import { type SignedInEnv, requireUser } from '../http/guards.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm } from '../http/forms.ts';
import { chromeFor, respond } from '../http/pages.tsx';
import type { NotificationsService, StoredNotification } from './notify.service.ts';
import { notificationLink, renderStored } from './render.ts';

/** A page cursor: a notification id. Anything else shows the newest page. */
const cursor = z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), z.string().regex(/^[1-9]\d{0,11}$/).transform(Number)).optional();
const readSchema = z.object({ before: cursor });

export function notificationRoutes(deps: { notifications: NotificationsService }) {
  const { notifications } = deps;
  const app = new Hono<AppEnv>();

  function view<E extends AppEnv>(c: Context<E>, item: StoredNotification): NotificationView {
    const { format, t } = c.get('i18n');
    const rendered = renderStored(item.kind, item.payload, c.get('i18n'));
    const link = notificationLink(item.payload);
    return {
      id: item.id,
      subject: rendered.subject,
      paragraphs: rendered.text.split('\n'),
      at: item.createdAt,
      atText: format.dateTime(item.createdAt),
      unread: item.unread,
      link: link ? { href: link.href, label: t(link.kind === 'offering' ? 'notify.openOffering' : 'notify.openChild') } : null,
    };
  }

  async function listProps<E extends SignedInEnv>(c: Context<E>, before: number | undefined): Promise<NotificationListProps> {
    const userId = c.get('user').id;
    const [page, unread] = await Promise.all([notifications.page(userId, before), notifications.unreadCount(userId)]);
    return {
      i18n: c.get('i18n'),
      items: page.items.map((item) => view(c, item)),
      unread,
      before: before ?? null,
      olderHref: page.olderThan === null ? null : `/notifications?before=${page.olderThan}`,
      newestHref: before === undefined ? null : '/notifications',
    };
  }

  app.get('/notifications', requireUser(), async (c) => {
    const parsed = cursor.safeParse(c.req.query('before'));
    const props = await listProps(c, parsed.success ? parsed.data : undefined);
    // The list is personal and changes as messages arrive: never cached.
    c.header('Cache-Control', 'private, no-store');
    const { i18n: _i18n, ...list } = props;
    return respond(c, { page: () => <NotificationsPage chrome={{ ...chromeFor(c), unread: props.unread }} {...list} /> });
  });

  app.post('/notifications/read', requireUser(), async (c) => {
    // A cursor that cannot be read is no reason to refuse: everything is marked read and the newest page shown.
    const parsed = await parseForm(c, readSchema);
    const before = parsed.ok ? parsed.data.before : undefined;
    await notifications.markAllRead(c.get('user').id);
    if (!c.get('htmx')) return c.redirect(before === undefined ? '/notifications' : `/notifications?before=${before}`, 303);
    const props = await listProps(c, before);
    c.header('Cache-Control', 'private, no-store');
    return respond(c, { page: () => <NotificationListAfterRead {...props} allReadNow /> });
  });

  return app;
}
