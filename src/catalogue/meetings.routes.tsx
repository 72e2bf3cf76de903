// HTTP for an offering's meetings: an admin cancels, moves or reinstates one (/admin/meetings/:id/…); a refused
// change shows the offering's page again with the reasons beside that meeting.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField } from '../http/forms.ts';
import { errorPage } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import { admins } from './admin-http.ts';
import type { MeetingChange } from './meeting-change.policy.ts';
import { type OfferingPageDeps, renderOfferingPage } from './offering-page.tsx';

const meetingSchemas = {
  cancel: z.object({ reason: textField(200) }),
  move: z.object({ reason: textField(200), day: textField(10), start: textField(5), end: textField(5) }),
  reinstate: z.object({}),
};

export function meetingsRoutes(deps: OfferingPageDeps) {
  const { meetings } = deps;
  const app = new Hono<AppEnv>();

  for (const kind of ['cancel', 'move', 'reinstate'] as const) {
    app.post(`/admin/meetings/:id/${kind}`, admins, ids('id'), async (c) => {
      const { id: meetingId } = c.req.valid('param');
      const parsed = await parseForm(c, meetingSchemas[kind] as z.ZodObject<Record<string, z.ZodType>>);
      const data = (parsed.ok ? parsed.data : {}) as Record<string, string>;
      const change: MeetingChange =
        kind === 'cancel'
          ? { kind, reason: data.reason?.trim() ?? '' }
          : kind === 'move'
            ? { kind, reason: data.reason?.trim() ?? '', day: data.day ?? '', startsAt: data.start ?? '', endsAt: data.end ?? '' }
            : { kind };
      const result = await meetings.changeMeeting(c.get('user'), meetingId, change);
      if (result.ok) return c.redirect(`/admin/offerings/${result.offeringId}?meeting=changed#meeting-${meetingId}`, 303);
      if (result.reason === 'not_found') return errorPage(c, 404);
      const offeringId = await meetings.meetingOffering(meetingId);
      const messages = Object.values(result.errors).map((rejection) => c.get('i18n').t(rejection!.key, rejection!.params));
      return renderOfferingPage(c, deps, offeringId!, null, null, 422, { meetingError: { meetingId, messages } });
    });
  }

  return app;
}
