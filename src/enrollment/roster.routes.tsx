// HTTP for rosters: GET /offerings/:id/roster (and .csv, and the add search fragment) for the offering's teacher
// and the school's admins; the admins' POST …/roster/add, /enrollments/:id/remove and /enrollments/:id/move.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  type ActionEnrollmentView,
  ChildSearchResults,
  type ChildSearchView,
  MovePage,
  RemoveConfirmPage,
  type RosterRowView,
  RosterPage,
  type RosterView,
} from '../../views/pages/roster.tsx';
import { requireAdmin, requireUser, type SignedInEnv } from '../http/guards.ts';
import type { AppEnv } from '../http/app-env.ts';
import { csvFromRows } from '../http/csv.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { I18n, MessageKey } from '../kernel/messages.ts';
import type { AddResult, MoveResult, RemoveResult, Roster, RosterEntry, RosterService } from './roster.service.ts';
import { parseId } from '../kernel/ids.ts';

/** A form's choice of a row (the child to add, the offering to move to): digits, whether or not such a row exists. */

const ADD_REFUSAL: Record<Exclude<AddResult, { ok: true }>['reason'], MessageKey> = {
  not_found: 'error.notFound.body',
  child_not_found: 'roster.error.childNotFound',
  already_enrolled: 'roster.error.alreadyEnrolled',
  lottery_request: 'roster.error.lotteryRequest',
  full: 'roster.error.full',
  archived: 'roster.error.archived',
  lottery_frozen: 'roster.error.lotteryFrozen',
  reason_required: 'roster.error.reasonRequired',
};

const MOVE_REFUSAL: Record<Exclude<MoveResult, { ok: true }>['reason'], MessageKey> = {
  not_found: 'error.notFound.body',
  not_active: 'roster.error.notActive',
  lottery_request: 'roster.error.lotteryRequest',
  same_offering: 'roster.error.sameOffering',
  other_term: 'roster.error.otherTerm',
  target_closed: 'roster.error.targetClosed',
  lottery_frozen: 'roster.error.lotteryFrozen',
  already_in_target: 'roster.error.alreadyInTarget',
  reason_required: 'roster.error.reasonRequired',
};

/** The roster as CSV in the reader's language: a byte-order mark so Excel and WPS read the Chinese as UTF-8. */
export function rosterCsv(i18n: I18n, roster: Roster): string {
  const { t } = i18n;
  const header = (['status', 'position', 'child', 'grade', 'class', 'guardians', 'phones', 'emails'] as const).map((column) => t(`roster.csv.${column}`));
  const line = (entry: RosterEntry) => [
    t(`roster.status.${entry.status}`),
    entry.position === null ? '' : String(entry.position),
    entry.child.name,
    String(entry.child.grade),
    entry.child.className ?? '',
    entry.guardians.map((guardian) => guardian.name).join('; '),
    entry.guardians.flatMap((guardian) => (guardian.phone ? [guardian.phone] : [])).join('; '),
    entry.guardians.flatMap((guardian) => (guardian.email ? [guardian.email] : [])).join('; '),
  ];
  const rows = [...roster.enrolled, ...roster.waitlisted, ...roster.requested].map(line);
  return csvFromRows([header, ...rows]);
}

export function rosterRoutes(deps: { roster: RosterService }) {
  const { roster: service } = deps;
  const app = new Hono<AppEnv>();
  const admins = requireAdmin();
  const searchText = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 50) : '');

  const rowView = (entry: RosterEntry): RosterRowView => ({
    enrollmentId: entry.enrollmentId,
    position: entry.position,
    choiceRank: entry.choiceRank,
    child: entry.child,
    guardians: entry.guardians,
  });

  async function searchView<E extends SignedInEnv>(c: Context<E>, found: Roster, q: string, failed?: ChildSearchView['failed'], read = false): Promise<ChildSearchView | undefined> {
    if (!found.canManage) return undefined;
    // Only a search someone asked for (a GET) is logged as a read; a form's re-render after a change is not.
    const results = q === '' ? null : await service.searchChildren(c.get('user'), found.offering.id, q, read ? 'roster.search' : undefined);
    return { offeringId: found.offering.id, q, results, full: found.offering.seatsTaken >= found.offering.capacity, failed };
  }

  /** The roster page, read afresh (after a change it shows the new state), with a notice and the add search. */
  async function renderRoster<E extends SignedInEnv>(
    c: Context<E>,
    offeringId: number,
    options: { notice?: RosterView['notice']; q?: string; failed?: ChildSearchView['failed']; read?: boolean; announced?: number | undefined } = {},
    status: 200 | 422 = 200,
  ) {
    const found = await service.roster(c.get('user'), offeringId, options.read ? 'roster' : undefined);
    if (!found) return errorPage(c, 404);
    const { t, pick } = c.get('i18n');
    const { offering } = found;
    const view: RosterView = {
      offering: {
        id: offering.id,
        code: offering.code,
        title: pick(offering.titleZh, offering.titleEn),
        term: pick(offering.termNameZh, offering.termNameEn),
        teacher: offering.teacherName,
        capacity: offering.capacity,
        taken: offering.seatsTaken,
      },
      enrolled: found.enrolled.map(rowView),
      waitlisted: found.waitlisted.map(rowView),
      requested: found.requested.map(rowView),
      canManage: found.canManage,
      back: found.canManage ? { href: `/admin/offerings/${offering.id}`, label: t('roster.backToOffering') } : { href: '/teach/offerings', label: t('admin.myOfferings') },
      notice: options.notice,
      announced: options.announced,
      search: await searchView(c, found, options.q ?? '', options.failed, options.read),
    };
    return respond(c, { page: () => <RosterPage chrome={chromeFor(c, `/offerings/${offering.id}/roster`)} roster={view} /> }, status);
  }

  app.get('/offerings/:id/roster', requireUser(), ids('id'), (c) =>
    renderRoster(c, c.req.valid('param').id, { q: searchText(c.req.query('q')), read: true, announced: parseId(c.req.query('announced')) ?? undefined }),
  );

  app.get('/offerings/:id/roster.csv', requireUser(), ids('id'), async (c) => {
    const found = await service.roster(c.get('user'), c.req.valid('param').id, 'roster.csv');
    if (!found) return errorPage(c, 404);
    const name = found.offering.code.replace(/[^A-Za-z0-9_-]/g, '') || String(found.offering.id);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="roster-${name}.csv"`);
    // Guardians' contacts: never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.body(rosterCsv(c.get('i18n'), found));
  });

  /** The add search as a fragment for htmx; a plain browser gets the whole roster page with the results. */
  app.get('/offerings/:id/roster/children', admins, ids('id'), async (c) => {
    const { id: offeringId } = c.req.valid('param');
    const q = searchText(c.req.query('q'));
    const found = await service.roster(c.get('user'), offeringId);
    if (!found) return errorPage(c, 404);
    if (!c.get('htmx')) return c.redirect(`/offerings/${offeringId}/roster?q=${encodeURIComponent(q)}#roster-add`, 303);
    const search = found ? await searchView(c, found, q, undefined, true) : undefined;
    if (!search) return errorPage(c, 404);
    c.header('Vary', 'HX-Request', { append: true });
    return c.html(<ChildSearchResults i18n={c.get('i18n')} search={search} />);
  });

  const addSchema = z.object({
    child: textField(12),
    override: textField(3, { optional: true }).optional(),
    reason: textField(500, { optional: true }).optional(),
    q: textField(50, { optional: true }).optional(),
  });

  app.post('/offerings/:id/roster/add', admins, ids('id'), async (c) => {
    const { id: offeringId } = c.req.valid('param');
    const parsed = await parseForm(c, addSchema);
    const { t } = c.get('i18n');
    const q = searchText(parsed.values.q);
    const childId = parsed.ok ? parseId(parsed.data.child) : null;
    if (!parsed.ok || childId === null) {
      const problem = parsed.ok ? undefined : (parsed.errors.reason ?? parsed.errors.override);
      const text = problem ? t(problem.key, problem.params) : t('roster.error.chooseChild');
      return renderRoster(c, offeringId, { notice: { kind: 'error', text }, q }, 422);
    }
    const override = parsed.data.override === 'yes';
    const reason = parsed.data.reason ?? '';
    const result = await service.add(c.get('user'), offeringId, childId, { override, reason });
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!result.ok) {
      const text = t(ADD_REFUSAL[result.reason]);
      return renderRoster(c, offeringId, { notice: { kind: 'error', text }, q, failed: { childId, message: text, reason, override } }, 422);
    }
    const text = result.overCapacity ? t('roster.addedOver', { child: result.childName, capacity: result.capacity }) : t('roster.added', { child: result.childName });
    return renderRoster(c, offeringId, { notice: { kind: 'success', text } });
  });

  async function actionView<E extends SignedInEnv>(c: Context<E>, enrollmentId: number) {
    const found = await service.enrollmentForAction(c.get('user'), enrollmentId);
    if (!found) return null;
    const { enrollment, targets } = found;
    const { t, pick } = c.get('i18n');
    const view: ActionEnrollmentView = { id: enrollment.id, offeringId: enrollment.offering_id, childName: enrollment.child_name, offeringTitle: pick(enrollment.title_zh, enrollment.title_en) };
    const options = targets.map((target) => ({
      value: String(target.id),
      label: t('roster.move.option', { code: target.code, title: pick(target.title_zh, target.title_en), taken: target.seats_taken, capacity: target.capacity }),
    }));
    return { view, options, status: enrollment.status };
  }

  const removeSchema = z.object({
    confirm: textField(3, { optional: true }).optional(),
    reason: textField(500, { optional: true }).optional(),
  });

  app.post('/enrollments/:id/remove', admins, ids('id'), async (c) => {
    const { id: enrollmentId } = c.req.valid('param');
    const found = await actionView(c, enrollmentId);
    if (!found) return errorPage(c, 404);
    const parsed = await parseForm(c, removeSchema);
    const { t } = c.get('i18n');
    const chrome = chromeFor(c, `/offerings/${found.view.offeringId}/roster`);
    const reasonText = parsed.values.reason ?? '';
    if (!parsed.ok) {
      const errors = translateErrors(c.get('i18n'), parsed.errors);
      return c.html(<RemoveConfirmPage chrome={chrome} enrollment={found.view} reason={reasonText} error={errors.reason} problem={errors.confirm} />, 422);
    }
    // The confirm step: the same form, asking for the reason first. Nothing is written.
    if (parsed.data.confirm !== 'yes') return c.html(<RemoveConfirmPage chrome={chrome} enrollment={found.view} reason={reasonText} />);
    const result: RemoveResult = await service.remove(c.get('user'), enrollmentId, parsed.data.reason ?? '');
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!result.ok) {
      const page =
        result.reason === 'reason_required' ? (
          <RemoveConfirmPage chrome={chrome} enrollment={found.view} reason={reasonText} error={t('roster.error.reasonRequired')} />
        ) : (
          <RemoveConfirmPage chrome={chrome} enrollment={found.view} reason={reasonText} problem={t(result.reason === 'lottery_request' ? 'roster.error.lotteryRequest' : result.reason === 'lottery_frozen' ? 'roster.error.lotteryFrozen' : 'roster.error.notActive')} />
        );
      return c.html(page, 422);
    }
    const [promoted] = result.promoted;
    const text = promoted ? t('roster.removedPromoted', { child: result.childName, promoted: promoted.childName }) : t('roster.removed', { child: result.childName });
    return renderRoster(c, result.offeringId, { notice: { kind: 'success', text } });
  });

  app.get('/enrollments/:id/move', admins, ids('id'), async (c) => {
    const found = await actionView(c, c.req.valid('param').id);
    if (!found) return errorPage(c, 404);
    const { t } = c.get('i18n');
    const problem = found.status === 'enrolled' || found.status === 'waitlisted' ? undefined : t(found.status === 'requested' ? 'roster.error.lotteryRequest' : 'roster.error.notActive');
    return c.html(<MovePage chrome={chromeFor(c)} enrollment={found.view} targets={found.options} values={{ to: '', reason: '' }} errors={{}} problem={problem} />);
  });

  const moveSchema = z.object({
    to: textField(12).refine((value) => parseId(value.trim()) !== null, { error: 'roster.error.chooseTarget' satisfies MessageKey }),
    reason: textField(500),
  });

  app.post('/enrollments/:id/move', admins, ids('id'), async (c) => {
    const { id: enrollmentId } = c.req.valid('param');
    const found = await actionView(c, enrollmentId);
    if (!found) return errorPage(c, 404);
    const parsed = await parseForm(c, moveSchema);
    const { t } = c.get('i18n');
    const chrome = chromeFor(c, `/enrollments/${enrollmentId}/move`);
    const values = { to: parsed.values.to ?? '', reason: parsed.values.reason ?? '' };
    const page = (errors: { to?: string | undefined; reason?: string | undefined }, problem?: string) => (
      <MovePage chrome={chrome} enrollment={found.view} targets={found.options} values={values} errors={errors} problem={problem} />
    );
    if (!parsed.ok) {
      const errors = translateErrors(c.get('i18n'), parsed.errors);
      // An empty choice says "choose one", not "required".
      if (parsed.errors.to) errors.to = t('roster.error.chooseTarget');
      return c.html(page(errors), 422);
    }
    const result = await service.move(c.get('user'), enrollmentId, Number(parsed.data.to.trim()), parsed.data.reason);
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!result.ok) {
      const text = t(MOVE_REFUSAL[result.reason]);
      if (result.reason === 'reason_required') return c.html(page({ reason: text }), 422);
      if (result.reason === 'not_active' || result.reason === 'lottery_request') return c.html(page({}, text), 422);
      return c.html(page({ to: text }), 422);
    }
    const title = c.get('i18n').pick(result.toTitle.zh, result.toTitle.en);
    const text =
      result.placed.status === 'enrolled'
        ? t('roster.moved', { child: result.childName, title })
        : t('roster.movedWaitlisted', { child: result.childName, title, position: result.placed.position });
    return renderRoster(c, result.fromOfferingId, { notice: { kind: 'success', text } });
  });

  return app;
}
