// The unread-notification count beside the header's "Notifications" link; also swapped in out of band after "mark all read".
import type { I18n } from '../../src/kernel/messages.ts';

export function UnreadBadge(props: { i18n: I18n; count: number; outOfBand?: boolean }) {
  const { t, format } = props.i18n;
  return (
    <span id="nav-unread" class="nav-unread" hx-swap-oob={props.outOfBand ? 'true' : undefined}>
      {props.count > 0 ? (
        <>
          <span class="nav-unread__count" aria-hidden="true">
            {props.count > 99 ? '99+' : format.number(props.count)}
          </span>
          <span class="visually-hidden">{t('notify.unreadCount', { count: props.count })}</span>
        </>
      ) : null}
    </span>
  );
}
