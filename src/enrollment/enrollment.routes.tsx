// HTTP for enrolment: POST /offerings/:id/enrollments (field `child`) and POST /enrollments/:id/withdraw, answered in place.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { EnrollRow, type EnrollPanelView, type EnrollRowView, enrollRowView } from '../../views/components/enroll.tsx';
import { EnrollAnswerPage } from '../../views/pages/enroll-answer.tsx';
import { requireRole } from '../http/guards.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField } from '../http/forms.ts';
import { chromeFor, errorPage } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import { parseId } from '../kernel/ids.ts';
import type { I18n } from '../kernel/messages.ts';
import type { Refusal } from './enrollment.policy.ts';
import type { EnrollmentOutcome } from '../metrics/metrics.ts';
import type { EnrolControl, EnrollmentService } from './enrollment.service.ts';

/**
 * In a lottery term the enrol control adds the offering to the child's ranked choices instead. The lottery stands
 * above enrolment: it hands its `addChoice` in (src/app.ts), and this is all the control needs of its answer.
 */
export type AddChoice = (
  parentId: number,
  offeringId: number,
  childId: number,
) => Promise<{ ok: true; rank: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'refused'; refusal: Refusal | { reason: 'choice_limit'; limit: number } }>;

function refusalText(i18n: I18n, refusal: Refusal, child: string): string {
  const { t, format } = i18n;
  switch (refusal.reason) {
    case 'grade':
      return t('enrol.refused.grade', { min: refusal.min, max: refusal.max, child });
    case 'not_open':
      return t('enrol.refused.not_open', { opensAt: format.dateTime(refusal.opensAt) });
    case 'limit':
      return t('enrol.refused.limit', { limit: refusal.limit, child });
    case 'clash':
      return t('enrol.refused.clash', { title: refusal.title, weekday: format.weekday(refusal.slot.weekday), start: refusal.slot.startsAt, end: refusal.slot.endsAt, child });
    case 'fee':
      return t('enrol.refused.fee', { fee: format.money(refusal.feeCents) });
    default:
      return t(`enrol.refused.${refusal.reason}`, { child });
  }
}

/** Why a child is not listed, in the muted line's few words (its school, grade or pupil check). */
function unlistedText(i18n: I18n, barrier: Refusal, child: string): string {
  if (barrier.reason === 'grade') return i18n.t('enrol.unlisted.grade', { child, min: barrier.min, max: barrier.max });
  return i18n.t(barrier.reason === 'other_school' ? 'enrol.unlisted.other_school' : 'enrol.unlisted.unverified', { child });
}

/**
 * The enrol control as the offering page shows it: a row for each child who could enrol (and each already placed),
 * one line naming the others, and "add a child" pre-filled with the offering's school and grade, coming back here.
 */
function enrolPanelView(i18n: I18n, control: EnrolControl): EnrollPanelView {
  const { offering } = control;
  // A child already holding a place (or a choice) keeps its row, whatever has changed since, so it can withdraw.
  const rows = control.children.map((child) => ({ child, row: enrollRowView(child, offering) }));
  const listed = rows.filter(({ child, row }) => child.barrier === null || row.status !== 'none');
  const unlisted = rows.filter(({ child, row }) => child.barrier !== null && row.status === 'none').map(({ child }) => child);
  const back = `/offerings/${offering.id}#enrol`;
  return {
    rows: listed.map(({ row }) => row),
    unlisted: unlisted.length === 0 ? null : i18n.t('enrol.unlisted', { list: unlisted.map((child) => unlistedText(i18n, child.barrier!, child.name)).join(i18n.pick('；', '; ')) }),
    addChildHref: `/family?school=${encodeURIComponent(offering.schoolSlug)}&grade=${offering.gradeMin}&next=${encodeURIComponent(back)}#family-add`,
  };
}

/** The offering page's enrol control for a parent (handed to the catalogue, which stands below enrolment). */
export function enrolPanelFor(enrollment: EnrollmentService) {
  return async (parentId: number, offeringId: number, i18n: I18n): Promise<EnrollPanelView | null> => {
    const control = await enrollment.enrolControl(parentId, offeringId, i18n.lang);
    return control && enrolPanelView(i18n, control);
  };
}

export function enrollmentRoutes(deps: { enrollment: EnrollmentService; addChoice: AddChoice; recordOutcome?: ((outcome: EnrollmentOutcome) => void) | undefined }) {
  const { enrollment, addChoice } = deps;
  const record = deps.recordOutcome ?? (() => {});
  const app = new Hono<AppEnv>();
  const parents = requireRole(['parent'], (c, status) => errorPage(c, status));

  async function rowFor<E extends AppEnv>(c: Context<E>, parentId: number, offeringId: number, childId: number): Promise<EnrollRowView | null> {
    const control = await enrollment.enrolControl(parentId, offeringId, c.get('i18n').lang);
    const child = control?.children.find((one) => one.id === childId);
    return control && child ? enrollRowView(child, control.offering) : null;
  }

  /** htmx gets the child's row; a browser without JavaScript goes back to the offering page, or reads the refusal. */
  function answer<E extends AppEnv>(c: Context<E>, row: EnrollRowView, status: 200 | 422) {
    if (c.get('htmx')) return c.html(<EnrollRow i18n={c.get('i18n')} row={row} />, status);
    if (status === 200) return c.redirect(`/offerings/${row.offeringId}#enrol-${row.childId}`, 303);
    return c.html(<EnrollAnswerPage chrome={chromeFor(c, `/offerings/${row.offeringId}`)} row={row} />, 422);
  }

  /** `confirm_fee=yes`: the parent saw a paid offering's fee and said yes (a free one needs only `child`). */
  const enrollSchema = z.object({ child: textField(12), confirm_fee: textField(3, { optional: true }).optional() });

  app.post('/offerings/:id/enrollments', parents, ids('id'), async (c) => {
    const { id: offeringId } = c.req.valid('param');
    const parentId = c.get('user').id;
    const parsed = await parseForm(c, enrollSchema);
    const childId = parsed.ok ? parseId(parsed.data.child) : null;
    if (childId === null) return errorPage(c, 404);
    const result = await enrollment.enroll(parentId, offeringId, childId, { feeConfirmed: parsed.ok && parsed.data.confirm_fee === 'yes' });
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    const { t, pick } = c.get('i18n');
    if (!result.ok && result.refusal.reason === 'lottery') {
      // A lottery term: the same control adds the offering to the child's ranked choices.
      const choice = await addChoice(parentId, offeringId, childId);
      if (!choice.ok && choice.reason === 'not_found') return errorPage(c, 404);
      const row = await rowFor(c, parentId, offeringId, childId);
      if (!row) return errorPage(c, 404);
      record(choice.ok ? 'choice' : 'refused');
      if (choice.ok) return answer(c, { ...row, message: { kind: 'success', text: t('enrol.choiceAdded', { child: row.childName, rank: choice.rank }) } }, 200);
      const refusal = choice.refusal;
      const text = refusal.reason === 'choice_limit' ? t('enrol.refused.choiceLimit', { limit: refusal.limit }) : refusalText(c.get('i18n'), refusal, row.childName);
      return answer(c, { ...row, message: { kind: 'error', text } }, 422);
    }
    record(result.ok ? result.status : 'refused');
    if (result.ok) {
      // The service knows the child's new place and the names; nothing to read again.
      const place = { id: childId, name: result.childName, enrollment_id: result.enrollmentId, status: result.status, waitlist_position: result.status === 'waitlisted' ? result.position : null, choice_rank: null };
      const row = enrollRowView(place, { id: offeringId, title: pick(result.title.zh, result.title.en), lottery: false });
      row.message = result.status === 'enrolled' ? { kind: 'success', text: t('enrol.done') } : { kind: 'info', text: t('enrol.doneWaitlist') };
      return answer(c, row, 200);
    }
    const row = await rowFor(c, parentId, offeringId, childId);
    if (!row) return errorPage(c, 404);
    // A paid place unconfirmed: the row asks once, with the fee (nothing written; a script reads the 422).
    if (result.refusal.reason === 'fee') return answer(c, { ...row, confirmingFee: true }, 422);
    row.message = { kind: 'error', text: refusalText(c.get('i18n'), result.refusal, row.childName) };
    return answer(c, row, 422);
  });

  const withdrawSchema = z.object({ confirm: textField(3, { optional: true }).optional() });

  app.post('/enrollments/:id/withdraw', parents, ids('id'), async (c) => {
    const { id: enrollmentId } = c.req.valid('param');
    const parentId = c.get('user').id;
    const parsed = await parseForm(c, withdrawSchema);
    const place = await enrollment.placeOf(parentId, enrollmentId);
    if (!place) return errorPage(c, 404);
    if (!(parsed.ok && parsed.data.confirm === 'yes')) {
      // The confirm step: the same row, asking first.
      const row = await rowFor(c, parentId, place.offeringId, place.childId);
      if (!row) return errorPage(c, 404);
      row.confirming = true;
      if (c.get('htmx')) return c.html(<EnrollRow i18n={c.get('i18n')} row={row} />);
      return c.html(<EnrollAnswerPage chrome={chromeFor(c, `/offerings/${place.offeringId}`)} row={row} />);
    }
    const result = await enrollment.withdraw(parentId, enrollmentId);
    if (!result.ok && result.reason === 'lottery_choice') {
      const row = await rowFor(c, parentId, place.offeringId, place.childId);
      if (!row) return errorPage(c, 404);
      row.message = { kind: 'error', text: c.get('i18n').t('enrol.choiceNotWithdrawn', { child: row.childName }) };
      return answer(c, row, 422);
    }
    if (!result.ok) return errorPage(c, 404);
    const row = await rowFor(c, parentId, result.offeringId, result.childId);
    if (!row) return errorPage(c, 404);
    row.message = { kind: 'success', text: c.get('i18n').t('enrol.withdrawn', { child: row.childName }) };
    return answer(c, row, 200);
  });

  return app;
}
