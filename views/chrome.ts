// What every page's frame needs: language, who is signed in, where we are. Built by the routes, read by the layout.
import type { I18n, Lang } from '../src/kernel/messages.ts';
import type { Role } from '../src/kernel/vocabulary.ts';

export interface Chrome {
  i18n: I18n;
  user: { name: string; role: Role } | null;
  /** The school shown in the header (a staff member's own school), if any. */
  schoolName: string | null;
  /** The current URL with ?lang= set to each language, for the switch. */
  langLinks: Record<Lang, string>;
  /** The current path, so the login link can come back here. */
  path: string;
  /** The signed-in user's unread notifications, shown beside the header's link (0: no badge). */
  unread?: number;
  /** The deployment's own facts: the footer's lines and, when configured, the public origin for share cards. */
  site?: SiteFacts | undefined;
}

export interface SiteFacts {
  authority?: string | undefined;
  contact?: string | undefined;
  icp?: string | undefined;
  /** PUBLIC_ORIGIN, for absolute share-card links; without it they stay relative (never built from a Host header). */
  publicOrigin?: string | undefined;
}

/** Form values as typed and error messages already in the user's language, by field name. */
export interface FormState<Field extends string> {
  values: Partial<Record<Field, string>>;
  errors: Partial<Record<Field, string>>;
}

export function emptyForm<Field extends string>(): FormState<Field> {
  return { values: {}, errors: {} };
}
