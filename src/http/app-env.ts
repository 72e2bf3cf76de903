// The typed Hono context every route sees: language, signed-in user and session, whether htmx asked.
// Read them with c.get('user'), not c.var.user: Hono's `var` getter copies every variable into a new object on
// each access, which a request did a few dozen times (about 9 % of the enrolment rush's throughput).
import type { SiteFacts } from '../../views/chrome.ts';
import type { SessionUser } from '../kernel/roles.ts';
import type { I18n } from '../kernel/messages.ts';

export interface AppEnv {
  Bindings: {
    /** On the Node server: how long the request waited for its turn (src/http/turns.ts). */
    queuedMs?: number;
  };
  Variables: {
    i18n: I18n;
    user: SessionUser | null;
    sessionId: string | null;
    /** The request came from htmx (HX-Request) and wants a fragment, not a page. */
    htmx: boolean;
    /** The app is reached over HTTPS (directly, through PUBLIC_ORIGIN, or a trusted proxy). */
    secure: boolean;
    /** The signed-in user's unread notifications, for the header badge (null: not counted for this request). */
    unreadNotifications: number | null;
    /** The deployment's footer facts and public origin (the same for every request). */
    site: SiteFacts;
  };
}
