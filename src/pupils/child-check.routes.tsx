// HTTP for how a school checks children (school admins of that school, the district admin): the switch between
// `open` and `pupil_list` (a confirmed step), the unmatched children, matching one by hand and undoing a match.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { ChildCheckPage, UnbindPage, type UnmatchedChild, UnmatchedCard, UnmatchedPage, unmatchedHref } from '../../views/pages/admin-child-check.tsx';
import type { ChildCheck, School } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField } from '../http/forms.ts';
import { requireAdmin, type SignedInEnv } from '../http/guards.ts';
import { chromeFor, errorPage, redirectAfterSave, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { MessageKey } from '../kernel/messages.ts';
import type { ChildCheckService } from './child-check.service.ts';

/** School and district admins only; anyone else signed in gets the 403 page (the service says which schools). */
const admins = requireAdmin();

const switchSchema = z.object({ child_check: textField(20, { optional: true }).optional(), confirm: textField(10, { optional: true }).optional() });
const matchSchema = z.object({ number: textField(200, { optional: true }).optional() });
const confirmSchema = z.object({ confirm: textField(10, { optional: true }).optional() });

function modeFrom(text: string | undefined): ChildCheck | null {
  return text === 'open' || text === 'pupil_list' ? text : null;
}

export function childCheckRoutes(deps: { childCheck: ChildCheckService }) {
  const { childCheck } = deps;
  const app = new Hono<AppEnv>();
  const switchPath = (schoolId: number) => `/admin/schools/${schoolId}/child-check`;
  const schoolOf = <E extends AppEnv>(c: Context<E>, school: School) => ({ id: school.id, name: c.get('i18n').pick(school.name_zh, school.name_en) });

  /** The switch page: the choice again with a reason (422), or what switching to `to` does and the confirming button. */
  async function renderSwitch<E extends SignedInEnv>(c: Context<E>, schoolId: number, text: string | undefined, options: { required: boolean }) {
    const school = await childCheck.school(c.get('user'), schoolId);
    if (!school) return errorPage(c, 404);
    const i18n = c.get('i18n');
    const chrome = chromeFor(c, switchPath(schoolId));
    const page = (choice: Parameters<typeof ChildCheckPage>[0]['choice'], error?: MessageKey, value?: string) =>
      respond(c, { page: () => <ChildCheckPage chrome={chrome} school={schoolOf(c, school)} mode={school.child_check} choice={choice} error={error ? i18n.t(error) : undefined} value={value} /> }, error ? 422 : 200);
    if ((text === undefined || text === '') && !options.required) return page(null, undefined, school.child_check === 'open' ? 'pupil_list' : 'open');
    const to = modeFrom(text);
    if (!to) return page(null, 'childCheck.error.badValue');
    const preview = await childCheck.preview(c.get('user'), schoolId, to);
    if (!preview) return errorPage(c, 404);
    if (to === 'pupil_list' && preview.listed === 0 && school.child_check !== to) return page(null, 'childCheck.error.emptyList', to);
    return page({ to, listed: preview.listed, matched: preview.matched, unmatched: preview.unmatched });
  }

  app.get('/admin/schools/:schoolId/child-check', admins, ids('schoolId'), (c) => {
    const { schoolId } = c.req.valid('param');
    c.header('Cache-Control', 'no-store');
    return renderSwitch(c, schoolId, c.req.query('child_check'), { required: false });
  });

  // Switching: without confirm=yes the page saying what will happen; nothing changes until confirmed.
  app.post('/admin/schools/:schoolId/child-check', admins, ids('schoolId'), async (c) => {
    const { schoolId } = c.req.valid('param');
    const parsed = await parseForm(c, switchSchema);
    const text = parsed.values.child_check;
    const to = modeFrom(text);
    if (!to || parsed.values.confirm !== 'yes') return renderSwitch(c, schoolId, text, { required: true });
    const result = await childCheck.switchTo(c.get('user'), schoolId, to);
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!result.ok) return renderSwitch(c, schoolId, to, { required: true });
    return redirectAfterSave(c, `/admin/schools/${schoolId}/pupils?done=checked`);
  });

  const DONE: Record<string, MessageKey> = { unbound: 'childCheck.done.unbound' };

  async function renderUnmatched<E extends SignedInEnv>(c: Context<E>, schoolId: number, extra: { refused?: { child: UnmatchedChild; number: string; error: string } }, status: 200 | 422) {
    const pageText = c.req.query('page') ?? '1';
    const found = await childCheck.unmatched(c.get('user'), schoolId, /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1, status === 200 ? 'pupils.unmatched' : undefined);
    if (!found) return errorPage(c, 404);
    const i18n = c.get('i18n');
    const matchedText = c.req.query('matched') ?? '';
    const just = /^\d{1,12}$/.test(matchedText) ? await childCheck.child(c.get('user'), schoolId, Number(matchedText)) : null;
    const matched = just && just.child.pupil_id !== null ? { child: unmatchedChild(just.child), pupil: { name: just.child.pupil_name ?? '', number: just.child.pupil_number ?? '' } } : undefined;
    const done = DONE[c.req.query('done') ?? ''];
    c.header('Cache-Control', 'no-store');
    return respond(
      c,
      {
        page: () => (
          <UnmatchedPage
            chrome={chromeFor(c, unmatchedHref(schoolId))}
            school={schoolOf(c, found.school)}
            unmatched={found.children}
            total={found.total}
            page={found.page}
            pages={found.pages}
            matched={matched}
            refused={extra.refused}
            done={done ? i18n.t(done) : undefined}
          />
        ),
      },
      status,
    );
  }

  app.get('/admin/schools/:schoolId/pupils/unmatched', admins, ids('schoolId'), (c) => {
    const { schoolId } = c.req.valid('param');
    return renderUnmatched(c, schoolId, {}, 200);
  });

  // Matching by hand: htmx swaps the child's card (matched, or the form with the reason); a plain post lands on the page.
  app.post('/admin/schools/:schoolId/children/:childId/pupil', admins, ids('schoolId', 'childId'), async (c) => {
    const { schoolId, childId } = c.req.valid('param');
    const user = c.get('user');
    const found = await childCheck.child(user, schoolId, childId);
    if (!found) return errorPage(c, 404);
    const parsed = await parseForm(c, matchSchema);
    const number = parsed.values.number ?? '';
    const result = parsed.ok ? await childCheck.matchByHand(user, schoolId, childId, number) : ({ ok: false, reason: 'invalid', errors: { number: parsed.errors.number ?? { key: 'form.required' } } } as const);
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    const i18n = c.get('i18n');
    const child = unmatchedChild(found.child);
    if (result.ok) {
      if (!c.get('htmx')) return c.redirect(`${unmatchedHref(schoolId)}?matched=${childId}`, 303);
      return c.html(<UnmatchedCard i18n={i18n} schoolId={schoolId} child={child} matched={result.pupil} />);
    }
    const error = i18n.t(result.errors.number.key, result.errors.number.params);
    if (c.get('htmx')) return c.html(<UnmatchedCard i18n={i18n} schoolId={schoolId} child={child} number={number} error={error} />, 422);
    return renderUnmatched(c, schoolId, { refused: { child, number, error } }, 422);
  });

  // Undoing a match: without confirm=yes the question (and what follows), nothing changed.
  app.post('/admin/schools/:schoolId/children/:childId/pupil/unbind', admins, ids('schoolId', 'childId'), async (c) => {
    const { schoolId, childId } = c.req.valid('param');
    const user = c.get('user');
    const found = await childCheck.child(user, schoolId, childId);
    if (!found) return errorPage(c, 404);
    const { child, school } = found;
    if (child.pupil_id === null) return redirectAfterSave(c, unmatchedHref(schoolId));
    const parsed = await parseForm(c, confirmSchema);
    if (!(parsed.ok && parsed.data.confirm === 'yes')) {
      return respond(c, {
        page: () => (
          <UnbindPage
            chrome={chromeFor(c, unmatchedHref(schoolId))}
            school={schoolOf(c, school)}
            checks={school.child_check === 'pupil_list'}
            child={{ id: child.id, name: child.name }}
            pupil={{ name: child.pupil_name ?? '', number: child.pupil_number ?? '' }}
          />
        ),
      });
    }
    const result = await childCheck.unbind(user, schoolId, childId);
    if (!result.ok) return errorPage(c, 404);
    return redirectAfterSave(c, `${unmatchedHref(schoolId)}?done=unbound`);
  });

  return app;
}

function unmatchedChild(child: { id: number; name: string; grade: number; class_name: string | null; seats: number | string | null }): UnmatchedChild {
  return { id: child.id, name: child.name, grade: child.grade, className: child.class_name, seats: Number(child.seats ?? 0) };
}
