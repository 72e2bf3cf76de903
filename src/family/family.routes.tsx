// HTTP for a parent's children: /family (with each child's week and the join-by-code form), POST /children,
// /children/:id with its guardians, invitation and calendar feed, and the feed itself (/children/:id/calendar.ics).
// Parse, call the service, render.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { FormState } from '../../views/chrome.ts';
import {
  CalendarSection,
  ChildForm,
  type ChildFormField,
  ChildPage,
  type ChildWeekView,
  FamilyPage,
  GuardiansSection,
  InviteSection,
  JoinForm,
  type JoinFormField,
  type Message,
  type SchoolOption,
} from '../../views/pages/family.tsx';
import type { Rejection } from '../kernel/rejection.ts';
import { requireRole } from '../http/guards.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { type DeploymentFacts, ownOrigin } from '../http/request-facts.ts';
import type { Lang, Languages } from '../kernel/messages.ts';
import type { AttendanceService } from '../attendance/attendance.service.ts';
import type { SchoolsService } from '../schools/schools.service.ts';
import type { PrivacyService } from '../privacy/privacy.service.ts';
import { ChildDataSection, type ChildDataView } from '../../views/pages/privacy.tsx';
import { childCalendar } from './calendar-feed.ts';
import type { ChildForm as ChildInput, ChildWeek, FamilyService, JoinResult } from './family.service.ts';
import { formatInviteCode } from './invite.policy.ts';
import { CONSENT_VERSION, consentProblem } from './consent.policy.ts';
import { timetableLayout } from './timetable.policy.ts';

const childSchema = z.object({
  name: textField(200),
  school: textField(60),
  grade: z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), z.string({ error: 'form.required' }).regex(/^(1[0-2]|[1-9])$/, { error: 'family.error.grade' })),
  class: textField(100, { optional: true }).optional(),
  /** The privacy text's version the guardian ticked: required when adding a child, ignored when editing one. */
  consent: textField(40, { optional: true }).optional(),
});

const joinSchema = z.object({ code: textField(40), consent: textField(40, { optional: true }).optional() });
const confirmSchema = z.object({ confirm: textField(3, { optional: true }).optional() });
const deletionSchema = z.object({ confirm: textField(3, { optional: true }).optional(), reason: textField(500, { optional: true }).optional() });
/** A feed token: 32 random bytes in base64url. Anything else is not looked up. */
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function familyRoutes(deps: { family: FamilyService; schools: SchoolsService; attendance: AttendanceService; privacy: PrivacyService; facts?: DeploymentFacts; timeZone?: string; languages: Languages }) {
  const { family, schools } = deps;
  const facts = deps.facts ?? { publicOrigin: undefined, trustProxy: 0 };
  const timeZone = deps.timeZone ?? 'Asia/Shanghai';
  const app = new Hono<AppEnv>();
  const parents = requireRole(['parent'], (c, status) => errorPage(c, status));

  async function schoolOptions<E extends AppEnv>(c: Context<E>): Promise<SchoolOption[]> {
    const english = c.get('i18n').lang === 'en';
    return (await schools.list()).map((school) => ({ value: String(school.id), label: english ? school.name_en : school.name_zh }));
  }

  const titleIn = (lang: Lang, titles: { titleZh: string; titleEn: string | null }) => (lang === 'en' && titles.titleEn) || titles.titleZh;

  function weekView<E extends AppEnv>(c: Context<E>, week: ChildWeek): ChildWeekView {
    const { lang } = c.get('i18n');
    return {
      termName: week.term ? (lang === 'en' ? week.term.nameEn : week.term.nameZh) : null,
      timetable: timetableLayout(week.offerings.map((offering) => ({ ...offering, title: titleIn(lang, offering) }))),
      upcoming: week.upcoming.map((meeting) => ({ ...meeting, title: titleIn(lang, meeting) })),
    };
  }

  async function cards<E extends AppEnv>(c: Context<E>) {
    const english = c.get('i18n').lang === 'en';
    return (await family.children(c.get('user')!.id)).map((child) => ({
      id: child.id,
      name: child.name,
      schoolName: english ? child.school_name_en : child.school_name_zh,
      schoolSlug: child.school_slug,
      grade: child.grade,
      className: child.class_name,
    }));
  }

  async function readChild<E extends AppEnv>(
    c: Context<E>,
  ): Promise<{ input: ChildInput | null; consent: string | undefined; values: Partial<Record<ChildFormField, string>>; errors: Partial<Record<ChildFormField, Rejection>> }> {
    const parsed = await parseForm(c, childSchema);
    if (!parsed.ok) return { input: null, consent: parsed.values.consent, values: parsed.values, errors: parsed.errors };
    return {
      values: parsed.values,
      consent: parsed.data.consent,
      errors: {},
      input: { name: parsed.data.name, school: parsed.data.school, grade: Number(parsed.data.grade), className: parsed.data.class ?? null },
    };
  }

  async function renderFamily<E extends AppEnv>(
    c: Context<E>,
    state: { form?: FormState<ChildFormField>; join?: FormState<JoinFormField>; joinMessage?: Message; added?: string; notice?: Message },
    status: 200 | 422 | 429,
    fragment: 'child' | 'join' = 'child',
  ) {
    const userId = c.get('user')!.id;
    const [children, options] = await Promise.all([cards(c), schoolOptions(c)]);
    const weeks = await Promise.all(children.map((child) => family.week(userId, child.id)));
    const withWeeks = children.map((child, index) => ({ ...child, week: weekView(c, weeks[index]!) }));
    const chrome = chromeFor(c, '/family');
    const { t } = c.get('i18n');
    const form = state.form ?? { values: {}, errors: {} };
    const join = state.join ?? { values: {}, errors: {} };
    return respond(
      c,
      {
        page: () => (
          <FamilyPage chrome={chrome} childList={withWeeks} form={form} join={join} joinMessage={state.joinMessage} schools={options} added={state.added} notice={state.notice} />
        ),
        fragment: () =>
          fragment === 'join' ? (
            <JoinForm i18n={c.get('i18n')} form={join} message={state.joinMessage} />
          ) : (
            <ChildForm i18n={c.get('i18n')} action="/children" form={form} schools={options} submit={t('family.addChild')} consentVersion={CONSENT_VERSION} />
          ),
      },
      status,
    );
  }

  /** After a success that leads elsewhere: htmx follows HX-Redirect, a plain form the 303. */
  function redirect<E extends AppEnv>(c: Context<E>, to: string) {
    if (c.get('htmx')) {
      c.header('HX-Redirect', to);
      return c.body(null, 204);
    }
    return c.redirect(to, 303);
  }

  app.get('/family', parents, async (c) => {
    const addedId = Number(c.req.query('added'));
    const added = Number.isInteger(addedId) && addedId > 0 ? await family.child(c.get('user')!.id, addedId) : undefined;
    const left = c.req.query('left') === '1' ? ({ kind: 'info', text: c.get('i18n').t('family.left') } as const) : undefined;
    return renderFamily(c, { ...(added ? { added: c.get('i18n').t('family.childAdded', { name: added.name }) } : {}), ...(left ? { notice: left } : {}) }, 200);
  });

  app.post('/children', parents, async (c) => {
    const read = await readChild(c);
    const result = read.input ? await family.addChild(c.get('user')!.id, read.input, read.consent) : null;
    if (result?.ok) return redirect(c, `/family?added=${result.childId}`);
    // A form that failed to parse still says whether the consent box was ticked, so every problem shows at once.
    const consent = consentProblem(read.consent);
    const errors = result && result.reason === 'invalid' ? result.errors : { ...read.errors, ...(consent ? { consent } : {}) };
    return renderFamily(c, { form: { values: read.values, errors: translateErrors(c.get('i18n'), errors) } }, 422);
  });

  function joinRefusal<E extends AppEnv>(c: Context<E>, result: Exclude<JoinResult, { ok: true } | { reason: 'consent' }>): { status: 200 | 422 | 429; error?: string; message?: Message } {
    const { t } = c.get('i18n');
    switch (result.reason) {
      case 'already':
        return { status: 200, message: { kind: 'info', text: t('family.join.already', { child: result.childName }), link: { href: `/children/${result.childId}`, text: t('family.join.open', { child: result.childName }) } } };
      case 'too_many':
        return { status: 422, error: t(result.problem.key, result.problem.params) };
      case 'throttled':
        c.header('Retry-After', String(result.retryAfterSeconds));
        return { status: 429, error: t('family.join.throttled', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }) };
      default:
        return { status: 422, error: t(`family.join.${result.reason}`) };
    }
  }

  app.post('/family/join', parents, async (c) => {
    const parsed = await parseForm(c, joinSchema);
    if (!parsed.ok) {
      const consent = consentProblem(parsed.values.consent);
      return renderFamily(c, { join: { values: parsed.values, errors: translateErrors(c.get('i18n'), { ...parsed.errors, ...(consent ? { consent } : {}) }) } }, 422, 'join');
    }
    const result = await family.joinWithCode(c.get('user')!.id, parsed.data.code, parsed.data.consent);
    if (result.ok) return redirect(c, `/children/${result.childId}?joined=1`);
    if (result.reason === 'consent') {
      return renderFamily(c, { join: { values: parsed.values, errors: translateErrors(c.get('i18n'), { consent: result.problem }) } }, 422, 'join');
    }
    const refusal = joinRefusal(c, result);
    const join = { values: refusal.error ? parsed.values : {}, errors: refusal.error ? { code: refusal.error } : {} };
    return renderFamily(c, { join, ...(refusal.message ? { joinMessage: refusal.message } : {}) }, refusal.status, 'join');
  });

  type ChildFragment = 'form' | 'guardians' | 'invite' | 'calendar' | 'data';

  interface ChildState {
    form?: FormState<ChildFormField>;
    saved?: string;
    notice?: Message;
    confirming?: number;
    guardiansMessage?: Message;
    invite?: { code: string; expiresAt: Date };
    feedMessage?: Message;
    data?: Pick<ChildDataView, 'confirming' | 'message' | 'reason' | 'reasonError'>;
  }

  async function renderChild<E extends AppEnv>(c: Context<E>, childId: number, state: ChildState, status: 200 | 422, fragment: ChildFragment = 'form') {
    const userId = c.get('user')!.id;
    const card = (await cards(c)).find((child) => child.id === childId);
    const [child, week, guardians, token, attendance, dataStatus] = await Promise.all([
      family.child(userId, childId),
      family.week(userId, childId),
      family.guardians(userId, childId),
      family.feedToken(userId, childId),
      deps.attendance.childRecord(userId, childId, c.get('i18n').lang),
      deps.privacy.dataStatus(userId, childId),
    ]);
    if (!card || !child || !week || !guardians || token === undefined || !attendance || !dataStatus) return errorPage(c, 404);
    const options = await schoolOptions(c);
    const i18n = c.get('i18n');
    const form: FormState<ChildFormField> = state.form ?? {
      errors: {},
      values: { name: card.name, school: String(child.school_id), grade: String(card.grade), class: card.className ?? '' },
    };
    const guardianList = guardians.map((guardian) => ({ id: guardian.id, name: guardian.name, you: guardian.id === userId }));
    const feedUrl = token ? `${ownOrigin(c, facts)}/children/${childId}/calendar.ics?token=${token}` : null;
    const feed = feedUrl ? { url: feedUrl, webcal: feedUrl.replace(/^https?:/, 'webcal:') } : null;
    const data: ChildDataView = {
      childId,
      childName: card.name,
      consent: dataStatus.consent ? { version: dataStatus.consent.version, at: i18n.format.dateTime(dataStatus.consent.givenAt) } : null,
      pending: dataStatus.pending ? { at: i18n.format.dateTime(dataStatus.pending.requestedAt) } : null,
      confirming: false,
      ...state.data,
    };
    const invite = state.invite ? { code: formatInviteCode(state.invite.code), expires: i18n.format.dateTime(state.invite.expiresAt) } : undefined;
    // A page with a one-time code or a private link is nobody's to keep.
    c.header('Cache-Control', 'private, no-store');
    const chrome = chromeFor(c, `/children/${childId}`);
    const fragments: Record<ChildFragment, () => Child> = {
      form: () => <ChildForm i18n={i18n} action={`/children/${childId}`} form={form} schools={options} submit={i18n.t('family.saveChild')} saved={state.saved} />,
      guardians: () => <GuardiansSection i18n={i18n} child={card} guardians={guardianList} confirming={state.confirming ?? null} message={state.guardiansMessage} />,
      invite: () => <InviteSection i18n={i18n} child={card} created={invite} />,
      calendar: () => <CalendarSection i18n={i18n} child={card} feed={feed} message={state.feedMessage} />,
      data: () => <ChildDataSection i18n={i18n} data={data} />,
    };
    return respond(
      c,
      {
        page: () => (
          <ChildPage
            chrome={chrome}
            child={card}
            form={form}
            schools={options}
            saved={state.saved}
            notice={state.notice}
            week={weekView(c, week)}
            enrollments={week.enrollments.map((enrollment) => ({ ...enrollment, title: titleIn(i18n.lang, enrollment) }))}
            guardians={{ list: guardianList, confirming: state.confirming ?? null, message: state.guardiansMessage }}
            invite={invite}
            feed={feed}
            feedMessage={state.feedMessage}
            attendance={attendance}
            data={data}
          />
        ),
        fragment: fragments[fragment],
      },
      status,
    );
  }

  const numberParam = (text: string | undefined) => (/^\d{1,9}$/.test(text ?? '') ? Number(text) : null);
  const childId = <E extends AppEnv>(c: Context<E>) => numberParam(c.req.param('id'));

  app.get('/children/:id', parents, async (c) => {
    const id = childId(c);
    if (id === null) return errorPage(c, 404);
    const child = c.req.query('joined') === '1' ? await family.child(c.get('user')!.id, id) : undefined;
    const { t } = c.get('i18n');
    const data: ChildState['data'] =
      c.req.query('deletion') === 'confirm' ? { confirming: true } : c.req.query('deletion') === 'requested' ? { confirming: false, message: { kind: 'success', text: t('privacy.delete.requested') } } : undefined;
    return renderChild(c, id, { ...(child ? { notice: { kind: 'success', text: t('family.joined', { child: child.name }) } } : {}), ...(data ? { data } : {}) }, 200);
  });

  /** Everything the platform holds about the child, as a JSON file, for its guardians only. */
  app.get('/children/:id/export.json', parents, async (c) => {
    const id = childId(c);
    const data = id === null ? null : await deps.privacy.exportChild(c.get('user')!.id, id);
    if (!data) return errorPage(c, 404);
    c.header('Cache-Control', 'private, no-store');
    c.header('Content-Disposition', `attachment; filename="clubroll-child-${id}.json"`);
    return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  /** A guardian asks for the child's data to be deleted: first the confirm step (with an optional reason), then the request. */
  app.post('/children/:id/deletion-request', parents, async (c) => {
    const id = childId(c);
    if (id === null || !(await deps.privacy.dataStatus(c.get('user')!.id, id))) return errorPage(c, 404);
    const parsed = await parseForm(c, deletionSchema);
    const { t } = c.get('i18n');
    if (!parsed.ok) {
      const reasonError = parsed.errors.reason ? t(parsed.errors.reason.key, parsed.errors.reason.params) : undefined;
      return renderChild(c, id, { data: { confirming: true, reason: parsed.values.reason, reasonError } }, 422, 'data');
    }
    if (parsed.data.confirm !== 'yes') {
      if (!c.get('htmx')) return c.redirect(`/children/${id}?deletion=confirm#child-data`, 303);
      return renderChild(c, id, { data: { confirming: true } }, 200, 'data');
    }
    const result = await deps.privacy.requestDeletion(c.get('user')!.id, id, parsed.data.reason?.trim() || null);
    if (!result.ok) return errorPage(c, 404);
    if (!c.get('htmx')) return c.redirect(`/children/${id}?deletion=requested#child-data`, 303);
    return renderChild(c, id, { data: { confirming: false, message: { kind: 'success', text: t('privacy.delete.requested') } } }, 200, 'data');
  });

  app.post('/children/:id', parents, async (c) => {
    const id = childId(c);
    if (id === null) return errorPage(c, 404);
    const read = await readChild(c);
    const result = read.input ? await family.updateChild(c.get('user')!.id, id, read.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!read.input && !(await family.child(c.get('user')!.id, id))) return errorPage(c, 404);
    if (result?.ok) return renderChild(c, id, { saved: c.get('i18n').t('family.childSaved') }, 200);
    const errors = result && !result.ok && result.reason === 'invalid' ? result.errors : read.errors;
    return renderChild(c, id, { form: { values: read.values, errors: translateErrors(c.get('i18n'), errors) } }, 422);
  });

  app.post('/children/:id/invites', parents, async (c) => {
    const id = childId(c);
    if (id === null) return errorPage(c, 404);
    const result = await family.createInvite(c.get('user')!.id, id);
    if (!result.ok) return errorPage(c, 404);
    return renderChild(c, id, { invite: { code: result.code, expiresAt: result.expiresAt } }, 200, 'invite');
  });

  app.post('/children/:id/guardians/:userId/remove', parents, async (c) => {
    const id = childId(c);
    const guardianId = numberParam(c.req.param('userId'));
    if (id === null || guardianId === null) return errorPage(c, 404);
    const userId = c.get('user')!.id;
    const guardians = await family.guardians(userId, id);
    const target = guardians?.find((guardian) => guardian.id === guardianId);
    if (!guardians || !target) return errorPage(c, 404);
    const child = (await family.child(userId, id))!;
    const { t } = c.get('i18n');
    const last: ChildState = { guardiansMessage: { kind: 'error', text: t('family.guardians.last', { child: child.name }) } };
    if (guardians.length <= 1) return renderChild(c, id, last, 422, 'guardians');
    const parsed = await parseForm(c, confirmSchema);
    // The confirm step: the same list, asking first.
    if (!(parsed.ok && parsed.data.confirm === 'yes')) return renderChild(c, id, { confirming: guardianId }, 200, 'guardians');
    const result = await family.removeGuardian(userId, id, guardianId);
    if (!result.ok) return result.reason === 'last' ? renderChild(c, id, last, 422, 'guardians') : errorPage(c, 404);
    if (result.self) return redirect(c, '/family?left=1');
    return renderChild(c, id, { guardiansMessage: { kind: 'success', text: t('family.guardians.removed', { name: result.name, child: child.name }) } }, 200, 'guardians');
  });

  app.post('/children/:id/calendar-feed', parents, async (c) => {
    const id = childId(c);
    if (id === null) return errorPage(c, 404);
    const result = await family.renewFeed(c.get('user')!.id, id);
    if (!result.ok) return errorPage(c, 404);
    const text = c.get('i18n').t(result.replaced ? 'family.calendar.renewed' : 'family.calendar.created');
    return renderChild(c, id, { feedMessage: { kind: 'success', text } }, 200, 'calendar');
  });

  app.post('/children/:id/calendar-feed/revoke', parents, async (c) => {
    const id = childId(c);
    if (id === null) return errorPage(c, 404);
    const result = await family.revokeFeed(c.get('user')!.id, id);
    if (!result.ok) return errorPage(c, 404);
    return renderChild(c, id, { feedMessage: { kind: 'info', text: c.get('i18n').t('family.calendar.revoked') } }, 200, 'calendar');
  });

  /**
   * The feed: with ?token= for calendar apps (no login; titles in the language of the guardian who made the
   * link), or for a signed-in guardian without one. Anything else is 404, so nobody learns which children exist.
   */
  app.get('/children/:id/calendar.ics', async (c) => {
    const id = childId(c);
    if (id === null) return errorPage(c, 404);
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
