// HTTP for a child's calendar feed (/children/:id/calendar.ics): read by calendar apps with the private link's
// token, or by a signed-in guardian. Parse, call the service, answer the iCalendar text.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { errorPage } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { Lang, Languages } from '../kernel/messages.ts';
import { childCalendar } from './calendar-feed.ts';
import type { FamilyService } from './family.service.ts';

/** A feed token: 32 random bytes in base64url. Anything else is not looked up. */
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function calendarFeedRoutes(deps: { family: FamilyService; languages: Languages; timeZone: string }) {
  const { family, timeZone } = deps;
  const app = new Hono<AppEnv>();

  /**
   * The feed: with ?token= for calendar apps (no login; titles in the language of the guardian who made the
   * link), or for a signed-in guardian without one. Anything else is 404, so nobody learns which children exist.
   */
  app.get('/children/:id/calendar.ics', ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const token = c.req.query('token');
    let lang: Lang;
    if (token !== undefined) {
      const reader = FEED_TOKEN.test(token) ? await family.feedReader(token) : null;
      if (!reader || reader.childId !== id) return errorPage(c, 404);
      lang = reader.lang;
    } else {
      const user = c.get('user');
      if (!user || !(await family.child(user.id, id))) return errorPage(c, 404);
      lang = c.get('i18n').lang;
    }
    const calendar = await family.calendar(id);
    if (!calendar) return errorPage(c, 404);
    const body = childCalendar({ childName: calendar.childName, meetings: calendar.meetings, i18n: deps.languages(lang), timeZone, now: calendar.at });
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="clubroll-child-${id}.ics"`,
      'Cache-Control': 'private, max-age=300',
      'X-Robots-Tag': 'noindex',
    });
  });

  return app;
}
