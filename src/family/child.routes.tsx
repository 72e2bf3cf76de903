// HTTP for one child's page (/children/:id): its record, guardians, invitation, calendar feed, who collects it and
// its emergency note, and the deletion request of its data card. The attendance record and the data card come from the features that own them,
// through the functions the composition root hands in (`sources`). Parse, call the service, render.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { FormState } from '../../views/chrome.ts';
import { CareSection, type CareView } from '../../views/pages/family/care.tsx';
import { ChildPage } from '../../views/pages/family/child-page.tsx';
import type { Message } from '../../views/pages/family/common.tsx';
import { ChildForm, type ChildFormField } from '../../views/pages/family/forms.tsx';
import type { AttendanceRecordView } from '../../views/pages/family/records.tsx';
import { CalendarSection, GuardiansSection, InviteSection } from '../../views/pages/family/sharing.tsx';
import type { LeaveView } from '../../views/pages/leave.tsx';
import { ChildDataSection, type ChildDataStatus, type ChildDataView } from '../../views/pages/privacy.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { requireRole } from '../http/guards.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { type DeploymentFacts, ownOrigin } from '../http/request-facts.ts';
import { ids } from '../http/validators.ts';
import type { Lang } from '../kernel/messages.ts';
import { MAX_CARE_NOTE, MAX_COLLECTORS, MAX_COLLECTOR_NAME, MAX_COLLECTOR_RELATION, MAX_PHONE_TEXT } from './care.policy.ts';
import type { CareService } from './care.service.ts';
import type { FamilyService } from './family.service.ts';
import { type FamilyViews, pupilThrottled, readChild, redirect } from './family.views.ts';
import { formatInviteCode } from './invite.policy.ts';

/** What the child page shows of other features' records, as functions of the guardian and the child (null: not theirs). */
export interface ChildPageSources {
  /** The child's attendance per offering, titles in `lang`. */
  childRecord: (guardianId: number, childId: number, lang: Lang) => Promise<AttendanceRecordView[] | null>;
  /** The leave card (请假): the child's upcoming meetings to report and the reports so far. */
  childLeave: (guardianId: number, childId: number, lang: Lang) => Promise<LeaveView | null>;
  /** This guardian's consent and any pending deletion request, for the data card. */
  dataStatus: (guardianId: number, childId: number) => Promise<ChildDataStatus | null>;
  /** The guardian asks for the child's data to be deleted. */
  requestDeletion: (guardianId: number, childId: number, reason: string | null) => Promise<{ ok: boolean }>;
}

const confirmSchema = z.object({ confirm: textField(3, { optional: true }).optional() });
const collectorSchema = z.object({ name: textField(MAX_COLLECTOR_NAME), relation: textField(MAX_COLLECTOR_RELATION), phone: textField(MAX_PHONE_TEXT) });
const noteSchema = z.object({ note: textField(MAX_CARE_NOTE, { optional: true }).optional() });
const deletionSchema = z.object({ confirm: textField(3, { optional: true }).optional(), reason: textField(500, { optional: true }).optional() });

const CARE_LIMITS = { collectors: MAX_COLLECTORS, note: MAX_CARE_NOTE, name: MAX_COLLECTOR_NAME, relation: MAX_COLLECTOR_RELATION, phone: MAX_PHONE_TEXT };

/** What a change to the care card did, as the 303's query names it, and the words for it. */
const CARE_DONE = { added: 'care.added', removed: 'care.removed', note: 'care.note.saved', 'note-cleared': 'care.note.removed' } as const;
type CareDone = keyof typeof CARE_DONE;

type ChildFragment = 'form' | 'guardians' | 'invite' | 'calendar' | 'care' | 'data';

interface ChildState {
  form?: FormState<ChildFormField>;
  saved?: string;
  notice?: Message;
  confirming?: number;
  guardiansMessage?: Message;
  invite?: { code: string; expiresAt: Date };
  feedMessage?: Message;
  care?: Pick<CareView, 'add' | 'noteForm' | 'message'>;
  data?: Pick<ChildDataView, 'confirming' | 'message' | 'reason' | 'reasonError'>;
}

export function childRoutes(deps: { family: FamilyService; care: CareService; views: FamilyViews; sources: ChildPageSources; facts?: DeploymentFacts }) {
  const { family, care, views, sources } = deps;
  const facts = deps.facts ?? { publicOrigin: undefined, trustProxy: 0 };
  const app = new Hono<AppEnv>();
  const parents = requireRole(['parent'], (c, status) => errorPage(c, status));

  async function renderChild<E extends AppEnv>(c: Context<E>, userId: number, childId: number, state: ChildState, status: 200 | 422 | 429, fragment: ChildFragment = 'form') {
    const i18n = c.get('i18n');
    const card = (await views.cards(c, userId)).find((child) => child.id === childId);
    const [child, week, guardians, token, attendance, dataStatus, leave, childCare] = await Promise.all([
      family.child(userId, childId),
      family.week(userId, childId),
      family.guardians(userId, childId),
      family.feedToken(userId, childId),
      sources.childRecord(userId, childId, i18n.lang),
      sources.dataStatus(userId, childId),
      sources.childLeave(userId, childId, i18n.lang),
      care.childCare(userId, childId),
    ]);
    if (!card || !child || !week || !guardians || token === undefined || !attendance || !dataStatus || !leave || !childCare) return errorPage(c, 404);
    const options = await views.schoolOptions(c);
    const form: FormState<ChildFormField> = state.form ?? {
      errors: {},
      values: { name: card.name, school: String(child.school_id), grade: String(card.grade), class: card.className ?? '', pupil_number: card.pupil?.number ?? '' },
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
    const careView: CareView = { childId, limits: CARE_LIMITS, ...childCare, ...state.care };
    const invite = state.invite ? { code: formatInviteCode(state.invite.code), expires: i18n.format.dateTime(state.invite.expiresAt) } : undefined;
    // A page with a one-time code or a private link is nobody's to keep.
    c.header('Cache-Control', 'private, no-store');
    const chrome = chromeFor(c, `/children/${childId}`);
    const fragments: Record<ChildFragment, () => Child> = {
      form: () => <ChildForm i18n={i18n} action={`/children/${childId}`} form={form} schools={options} submit={i18n.t('family.saveChild')} saved={state.saved} />,
      guardians: () => <GuardiansSection i18n={i18n} child={card} guardians={guardianList} confirming={state.confirming ?? null} message={state.guardiansMessage} />,
      invite: () => <InviteSection i18n={i18n} child={card} created={invite} />,
      calendar: () => <CalendarSection i18n={i18n} child={card} feed={feed} message={state.feedMessage} />,
      care: () => <CareSection i18n={i18n} care={careView} />,
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
            week={views.weekView(c, week)}
            enrollments={week.enrollments.map((enrollment) => ({ ...enrollment, title: i18n.pick(enrollment.titleZh, enrollment.titleEn) }))}
            guardians={{ list: guardianList, confirming: state.confirming ?? null, message: state.guardiansMessage }}
            invite={invite}
            feed={feed}
            feedMessage={state.feedMessage}
            attendance={attendance}
            leave={leave}
            care={careView}
            data={data}
          />
        ),
        fragment: fragments[fragment],
      },
      status,
    );
  }

  app.get('/children/:id', parents, ids('id'), async (c) => {
    const userId = c.get('user').id;
    const { id } = c.req.valid('param');
    const child = c.req.query('joined') === '1' ? await family.child(userId, id) : undefined;
    const { t } = c.get('i18n');
    const data: ChildState['data'] =
      c.req.query('deletion') === 'confirm' ? { confirming: true } : c.req.query('deletion') === 'requested' ? { confirming: false, message: { kind: 'success', text: t('privacy.delete.requested') } } : undefined;
    const done = c.req.query('care');
    const care: ChildState['care'] = done !== undefined && Object.hasOwn(CARE_DONE, done) ? { message: { kind: 'success', text: t(CARE_DONE[done as CareDone]) } } : undefined;
    return renderChild(c, userId, id, { ...(child ? { notice: { kind: 'success', text: t('family.joined', { child: child.name }) } } : {}), ...(data ? { data } : {}), ...(care ? { care } : {}) }, 200);
  });

  /** A guardian asks for the child's data to be deleted: first the confirm step (with an optional reason), then the request. */
  app.post('/children/:id/deletion-request', parents, ids('id'), async (c) => {
    const userId = c.get('user').id;
    const { id } = c.req.valid('param');
    if (!(await sources.dataStatus(userId, id))) return errorPage(c, 404);
    const parsed = await parseForm(c, deletionSchema);
    const { t } = c.get('i18n');
    if (!parsed.ok) {
      const reasonError = parsed.errors.reason ? t(parsed.errors.reason.key, parsed.errors.reason.params) : undefined;
      return renderChild(c, userId, id, { data: { confirming: true, reason: parsed.values.reason, reasonError } }, 422, 'data');
    }
    if (parsed.data.confirm !== 'yes') {
      if (!c.get('htmx')) return c.redirect(`/children/${id}?deletion=confirm#child-data`, 303);
      return renderChild(c, userId, id, { data: { confirming: true } }, 200, 'data');
    }
    const result = await sources.requestDeletion(userId, id, parsed.data.reason?.trim() || null);
    if (!result.ok) return errorPage(c, 404);
    if (!c.get('htmx')) return c.redirect(`/children/${id}?deletion=requested#child-data`, 303);
    return renderChild(c, userId, id, { data: { confirming: false, message: { kind: 'success', text: t('privacy.delete.requested') } } }, 200, 'data');
  });

  app.post('/children/:id', parents, ids('id'), async (c) => {
    const userId = c.get('user').id;
    const { id } = c.req.valid('param');
    const read = await readChild(c);
    const result = read.input ? await family.updateChild(userId, id, read.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!read.input && !(await family.child(userId, id))) return errorPage(c, 404);
    if (result?.ok) return renderChild(c, userId, id, { saved: c.get('i18n').t('family.childSaved') }, 200);
    if (result?.reason === 'throttled') return renderChild(c, userId, id, { form: { values: read.values, errors: { pupil_number: pupilThrottled(c, result.retryAfterSeconds) } } }, 429);
    const errors = result && !result.ok && result.reason === 'invalid' ? result.errors : read.errors;
    return renderChild(c, userId, id, { form: { values: read.values, errors: translateErrors(c.get('i18n'), errors) } }, 422);
  });

  app.post('/children/:id/invites', parents, ids('id'), async (c) => {
    const userId = c.get('user').id;
    const { id } = c.req.valid('param');
    const result = await family.createInvite(userId, id);
    if (!result.ok) return errorPage(c, 404);
    return renderChild(c, userId, id, { invite: { code: result.code, expiresAt: result.expiresAt } }, 200, 'invite');
  });

  app.post('/children/:id/guardians/:userId/remove', parents, ids('id', 'userId'), async (c) => {
    const userId = c.get('user').id;
    const { id, userId: guardianId } = c.req.valid('param');
    const guardians = await family.guardians(userId, id);
    const target = guardians?.find((guardian) => guardian.id === guardianId);
    if (!guardians || !target) return errorPage(c, 404);
    const child = (await family.child(userId, id))!;
    const { t } = c.get('i18n');
    const last: ChildState = { guardiansMessage: { kind: 'error', text: t('family.guardians.last', { child: child.name }) } };
    if (guardians.length <= 1) return renderChild(c, userId, id, last, 422, 'guardians');
    const parsed = await parseForm(c, confirmSchema);
    // The confirm step: the same list, asking first.
    if (!(parsed.ok && parsed.data.confirm === 'yes')) return renderChild(c, userId, id, { confirming: guardianId }, 200, 'guardians');
    const result = await family.removeGuardian(userId, id, guardianId);
    if (!result.ok) return result.reason === 'last' ? renderChild(c, userId, id, last, 422, 'guardians') : errorPage(c, 404);
    if (result.self) return redirect(c, '/family?left=1');
    return renderChild(c, userId, id, { guardiansMessage: { kind: 'success', text: t('family.guardians.removed', { name: result.name, child: child.name }) } }, 200, 'guardians');
  });

  /** The card after a change: htmx gets it in place, a plain form a 303 back to it (the outcome rides on the query). */
  function careSaved<E extends AppEnv>(c: Context<E>, userId: number, childId: number, done: CareDone) {
    if (!c.get('htmx')) return c.redirect(`/children/${childId}?care=${done}#care`, 303);
    return renderChild(c, userId, childId, { care: { message: { kind: 'success', text: c.get('i18n').t(CARE_DONE[done]) } } }, 200, 'care');
  }

  app.post('/children/:id/collectors', parents, ids('id'), async (c) => {
    const userId = c.get('user').id;
    const { id } = c.req.valid('param');
    const i18n = c.get('i18n');
    const parsed = await parseForm(c, collectorSchema);
    const values = parsed.values;
    const result = parsed.ok ? await care.addCollector(userId, id, parsed.data) : null;
    if (result?.ok) return careSaved(c, userId, id, 'added');
    if (result?.reason === 'not_found' || (!result && !(await care.childCare(userId, id)))) return errorPage(c, 404);
    const errors = result?.reason === 'invalid' ? result.errors : parsed.ok ? {} : parsed.errors;
    return renderChild(c, userId, id, { care: { add: { values, errors: translateErrors(i18n, errors) } } }, 422, 'care');
  });

  app.post('/children/:id/collectors/:collectorId/remove', parents, ids('id', 'collectorId'), async (c) => {
    const userId = c.get('user').id;
    const { id, collectorId } = c.req.valid('param');
    const result = await care.removeCollector(userId, id, collectorId);
    if (!result.ok) return errorPage(c, 404);
    return careSaved(c, userId, id, 'removed');
  });

  app.post('/children/:id/emergency-note', parents, ids('id'), async (c) => {
    const userId = c.get('user').id;
    const { id } = c.req.valid('param');
    const i18n = c.get('i18n');
    const parsed = await parseForm(c, noteSchema);
    const result = parsed.ok ? await care.saveNote(userId, id, parsed.data.note ?? '') : null;
    if (result?.ok) return careSaved(c, userId, id, result.note === null ? 'note-cleared' : 'note');
    if (result?.reason === 'not_found' || (!result && !(await care.childCare(userId, id)))) return errorPage(c, 404);
    const rejection = result?.reason === 'invalid' ? result.error : parsed.ok ? undefined : parsed.errors.note;
    const error = rejection ? i18n.t(rejection.key, rejection.params) : undefined;
    return renderChild(c, userId, id, { care: { noteForm: { value: parsed.values.note ?? '', error } } }, 422, 'care');
  });

  app.post('/children/:id/calendar-feed', parents, ids('id'), async (c) => {
    const userId = c.get('user').id;
    const { id } = c.req.valid('param');
    const result = await family.renewFeed(userId, id);
    if (!result.ok) return errorPage(c, 404);
    const text = c.get('i18n').t(result.replaced ? 'family.calendar.renewed' : 'family.calendar.created');
    return renderChild(c, userId, id, { feedMessage: { kind: 'success', text } }, 200, 'calendar');
  });

  app.post('/children/:id/calendar-feed/revoke', parents, ids('id'), async (c) => {
    const userId = c.get('user').id;
    const { id } = c.req.valid('param');
    const result = await family.revokeFeed(userId, id);
    if (!result.ok) return errorPage(c, 404);
    return renderChild(c, userId, id, { feedMessage: { kind: 'info', text: c.get('i18n').t('family.calendar.revoked') } }, 200, 'calendar');
  });

  return app;
}
