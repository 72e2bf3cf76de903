// HTTP for announcements: POST /offerings/:id/announcements (the offering's teacher and school to its families) and
// POST /teach/meetings/:id/children/:childId/message (from the roll, to one child's guardians).
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { AnnouncementForm, type AnnouncementFormView, GuardianMessageForm, type GuardianMessageView } from '../../views/components/announcements.tsx';
import { AnnounceFormPage } from '../../views/pages/announce.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { type SignedInEnv, requireUser } from '../http/guards.ts';
import { parseForm } from '../http/forms.ts';
import { chromeFor, errorPage } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { AnnouncementsService } from './announcements.service.ts';

const lastString = z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), z.string()).optional();

const announceSchema = z.object({ text: lastString, waitlist: lastString, from: lastString });
const messageSchema = z.object({ text: lastString });

/** Where a plain form post returns: the roster it was sent from, or the teacher's list of offerings. */
function backTo(from: AnnouncementFormView['from'], offeringId: number) {
  return from === 'teach' ? '/teach/offerings' : `/offerings/${offeringId}/roster`;
}

/** The same page after a send: the form open with its notice (`announced`: guardians told; `offering`: whose form). */
function sentTo(from: AnnouncementFormView['from'], offeringId: number, recipients: number) {
  const query = from === 'teach' ? `?offering=${offeringId}&announced=${recipients}` : `?announced=${recipients}`;
  return `${backTo(from, offeringId)}${query}#announce-${offeringId}-${from}`;
}

export function announcementRoutes(deps: { announcements: AnnouncementsService }) {
  const { announcements } = deps;
  const app = new Hono<AppEnv>();

  /** The form again: in place for htmx, else on a page of its own (a refusal), with the given status. */
  function answerForm<E extends SignedInEnv>(c: Context<E>, form: AnnouncementFormView, status: 200 | 422) {
    const fragment = <AnnouncementForm i18n={c.get('i18n')} form={form} />;
    c.header('Vary', 'HX-Request', { append: true });
    if (c.get('htmx')) return c.html(fragment, status);
    return c.html(
      <AnnounceFormPage chrome={chromeFor(c, backTo(form.from, form.offeringId))} back={backTo(form.from, form.offeringId)}>
        {fragment}
      </AnnounceFormPage>,
      status,
    );
  }

  app.post('/offerings/:id/announcements', requireUser(), ids('id'), async (c) => {
    const { id: offeringId } = c.req.valid('param');
    const parsed = await parseForm(c, announceSchema);
    const values = parsed.ok ? parsed.data : {};
    // Only a teacher has the list of their offerings to go back to; anyone else returns to the roster.
    const from: AnnouncementFormView['from'] = values.from === 'teach' && c.get('user').role === 'teacher' ? 'teach' : 'roster';
    const waitlist = values.waitlist === 'yes';
    const text = values.text ?? '';
    const result = await announcements.send(c.get('user'), offeringId, { text, waitlist });
    const { t } = c.get('i18n');
    if (!result.ok) {
      if (result.reason === 'not_found') return errorPage(c, 404);
      if (result.reason === 'forbidden') return errorPage(c, 403);
      const error = result.reason === 'nobody' ? t(waitlist ? 'announce.error.nobodyWaitlist' : 'announce.error.nobody') : t(result.rejection.key, result.rejection.params);
      return answerForm(c, { offeringId, from, text: text.slice(0, 2000), waitlist, error }, 422);
    }
    if (!c.get('htmx')) return c.redirect(sentTo(from, offeringId, result.recipients), 303);
    return answerForm(c, { offeringId, from, sent: result.recipients }, 200);
  });

  app.post('/teach/meetings/:id/children/:childId/message', requireUser(), ids('id', 'childId'), async (c) => {
    const { id: meetingId, childId } = c.req.valid('param');
    const parsed = await parseForm(c, messageSchema);
    const text = (parsed.ok ? parsed.data.text : undefined) ?? '';
    const result = await announcements.messageGuardians(c.get('user'), meetingId, childId, text);
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    const { t } = c.get('i18n');
    const back = `/teach/meetings/${meetingId}`;
    const answer = (message: GuardianMessageView, status: 200 | 422) => {
      const fragment = <GuardianMessageForm i18n={c.get('i18n')} message={message} />;
      c.header('Vary', 'HX-Request', { append: true });
      if (c.get('htmx')) return c.html(fragment, status);
      return c.html(
        <AnnounceFormPage chrome={chromeFor(c, back)} back={back}>
          {fragment}
        </AnnounceFormPage>,
        status,
      );
    };
    if (!result.ok) {
      return answer({ meetingId, childId, childName: result.childName, text: text.slice(0, 2000), error: t(result.rejection.key, result.rejection.params) }, 422);
    }
    if (!c.get('htmx')) return c.redirect(back, 303);
    return answer({ meetingId, childId, childName: result.childName, notice: t('announce.contactSent', { child: result.childName, count: result.recipients }) }, 200);
  });

  return app;
}
