// HTTP for offering administration: a new offering, one offering's form, status and copy, and a teacher's own list
// (/teach/offerings). Parse, call, render.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { FormState } from '../../views/chrome.ts';
import { CancelOfferingPage, OfferingAdminPage, OfferingForm, type OfferingFormField, OfferingFormMessages, SLOT_ROWS, type SlotRow } from '../../views/pages/admin-offerings.tsx';
import { TeacherOfferingsPage } from '../../views/pages/teacher-offerings.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { type SignedInEnv, requireRole } from '../http/guards.ts';
import { chromeFor, errorPage, redirectAfterSave, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import { CATEGORY_CODES } from '../kernel/categories.ts';
import { parseId } from '../kernel/ids.ts';
import type { Rejection } from '../kernel/rejection.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import { type Parsed, admins, readFields, renameErrors, wholeNumber } from './admin-http.ts';
import { type OfferingPageDeps, offeringFormOptions, renderOfferingPage } from './offering-page.tsx';
import { type OfferingField, type OfferingInput, offeringProblems, parseFee, slotsProblem } from './offering.policy.ts';

const offeringSchema = z.object({
  code: textField(20),
  kind: z.enum(['club', 'course'], { error: 'form.required' }),
  category: z.enum(CATEGORY_CODES, { error: 'form.required' }),
  title_zh: textField(60),
  title_en: textField(100, { optional: true }).optional(),
  description_zh: textField(2000, { optional: true }).optional(),
  description_en: textField(3000, { optional: true }).optional(),
  teacher: textField(12, { optional: true }).optional(),
  room: textField(60, { optional: true }).optional(),
  capacity: textField(4),
  grade_min: textField(2),
  grade_max: textField(2),
  fee: textField(12, { optional: true }).optional(),
});

const OFFERING_FIELD_NAMES: Record<OfferingField, OfferingFormField> = {
  code: 'code', kind: 'kind', category: 'category', titleZh: 'title_zh', titleEn: 'title_en', descriptionZh: 'description_zh',
  descriptionEn: 'description_en', teacherId: 'teacher', room: 'room', capacity: 'capacity', gradeMin: 'grade_min',
  gradeMax: 'grade_max', fee: 'fee', slots: 'slots',
};

async function readOfferingForm<E extends AppEnv>(c: Context<E>): Promise<Parsed<OfferingInput, OfferingFormField> & { slots: SlotRow[] }> {
  const parsed = await parseForm(c, offeringSchema);
  const body = await readFields(c);
  const list = (name: string) => {
    const raw = body[name];
    return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((value) => (typeof value === 'string' ? value.slice(0, 10) : ''));
  };
  const weekdays = list('slot_weekday');
  const starts = list('slot_start');
  const ends = list('slot_end');
  const rows: SlotRow[] = Array.from({ length: Math.min(SLOT_ROWS, Math.max(weekdays.length, starts.length, ends.length)) }, (_, i) => ({
    weekday: weekdays[i] ?? '',
    start: starts[i] ?? '',
    end: ends[i] ?? '',
  }));
  const values = parsed.values;
  const errors: Partial<Record<OfferingFormField, Rejection>> = parsed.ok ? {} : { ...parsed.errors };
  const slots: WeeklySlot[] = [];
  for (const row of rows) {
    if (!row.weekday && !row.start && !row.end) continue;
    if (!/^[1-7]$/.test(row.weekday)) errors.slots ??= { key: 'offering.error.slotWeekday' };
    else slots.push({ weekday: Number(row.weekday), startsAt: row.start, endsAt: row.end });
  }
  if (slots.length > 0 && !errors.slots) {
    const problem = slotsProblem(slots);
    if (problem) errors.slots = problem;
  }
  const capacity = wholeNumber(values.capacity ?? '', 0, 500);
  if (capacity === null) errors.capacity ??= { key: 'offering.error.number', params: { min: 0, max: 500 } };
  const gradeMin = wholeNumber(values.grade_min ?? '', 1, 12);
  if (gradeMin === null) errors.grade_min ??= { key: 'offering.error.number', params: { min: 1, max: 12 } };
  const gradeMax = wholeNumber(values.grade_max ?? '', 1, 12);
  if (gradeMax === null) errors.grade_max ??= { key: 'offering.error.number', params: { min: 1, max: 12 } };
  else if (gradeMin !== null && gradeMax < gradeMin) errors.grade_max = { key: 'offering.error.gradeOrder' };
  const feeCents = parseFee(values.fee ?? '');
  if (feeCents === null) errors.fee = { key: 'offering.error.fee' };
  const teacherText = (values.teacher ?? '').trim();
  const teacherId = teacherText === '' ? null : (parseId(teacherText) ?? -1);
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors, values, slots: rows };
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    ok: true,
    values,
    slots: rows,
    input: {
      code: parsed.data.code.trim(),
      kind: parsed.data.kind,
      category: parsed.data.category,
      titleZh: parsed.data.title_zh.trim(),
      titleEn: optional(parsed.data.title_en),
      descriptionZh: parsed.data.description_zh?.trim() ?? '',
      descriptionEn: optional(parsed.data.description_en),
      teacherId,
      room: parsed.data.room?.trim() ?? '',
      capacity: capacity!,
      gradeMin: gradeMin!,
      gradeMax: gradeMax!,
      feeCents: feeCents!,
      slots,
    },
  };
}

/**
 * The inline check behind the form: the same parsing and rules, nothing written. Fields not filled in
 * yet are not nagged about while the admin is still typing; saving reports them.
 */
async function checkOffering<E extends AppEnv>(c: Context<E>, seatsTaken: number, schoolGrades: { min: number; max: number }) {
  const form = await readOfferingForm(c);
  const errors = form.ok ? renameErrors(offeringProblems(form.input, { seatsTaken, schoolGrades }), OFFERING_FIELD_NAMES) : form.errors;
  const shown = Object.fromEntries(
    Object.entries(errors).filter(([, rejection]) => rejection.key !== 'form.required' && rejection.key !== 'offering.error.noSlot'),
  ) as typeof errors;
  return { form, errors: shown };
}

const statusSchema = z.object({
  status: z.enum(['draft', 'published', 'archived'], { error: 'form.required' }),
  confirm: textField(3, { optional: true }).optional(),
  reason: textField(500, { optional: true }).optional(),
});

const duplicateSchema = z.object({ term: textField(12) });

export function offeringsRoutes(deps: OfferingPageDeps) {
  const { offerings, terms } = deps;
  const app = new Hono<AppEnv>();

  async function renderNewOffering<E extends SignedInEnv>(c: Context<E>, termId: number, form: FormState<OfferingFormField>, slots: SlotRow[], status: 200 | 422) {
    const found = await terms.term(c.get('user'), termId);
    if (!found) return errorPage(c, 404);
    const { term } = found;
    const options = await offeringFormOptions(c, offerings, term.school_id, { min: term.school_grade_min, max: term.school_grade_max });
    const formProps = { action: `/admin/terms/${termId}/offerings`, validate: `/admin/terms/${termId}/offerings/validate`, form, slots, options };
    const i18n = c.get('i18n');
    return respond(
      c,
      {
        page: () => (
          <OfferingAdminPage
            chrome={chromeFor(c, `/admin/terms/${termId}/offerings/new`)}
            title={i18n.t('admin.newOffering')}
            back={{ href: `/admin/terms/${termId}`, label: i18n.pick(term.name_zh, term.name_en) }}
            formProps={formProps}
          />
        ),
        fragment: () => <OfferingForm i18n={i18n} {...formProps} />,
      },
      status,
    );
  }

  app.get('/admin/terms/:termId/offerings/new', admins, ids('termId'), (c) =>
    renderNewOffering(c, c.req.valid('param').termId, { errors: {}, values: { kind: 'course', capacity: '20', fee: '0' } }, [], 200),
  );

  app.post('/admin/terms/:termId/offerings/validate', admins, ids('termId'), async (c) => {
    const { termId } = c.req.valid('param');
    const found = await terms.term(c.get('user'), termId);
    if (!found) return errorPage(c, 404);
    const { form, errors } = await checkOffering(c, 0, { min: found.term.school_grade_min, max: found.term.school_grade_max });
    const messages = translateErrors(c.get('i18n'), errors);
    const status = Object.keys(errors).length > 0 ? 422 : 200;
    if (c.get('htmx')) return c.html(<OfferingFormMessages errors={messages} />, status);
    return renderNewOffering(c, termId, { values: form.values, errors: messages }, form.slots, status);
  });

  app.post('/admin/terms/:termId/offerings', admins, ids('termId'), async (c) => {
    const { termId } = c.req.valid('param');
    const form = await readOfferingForm(c);
    const result = form.ok ? await offerings.createOffering(c.get('user'), termId, form.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (result?.ok) return redirectAfterSave(c, `/admin/offerings/${result.offeringId}`);
    const errors = !form.ok ? form.errors : result && !result.ok && result.reason === 'invalid' ? renameErrors(result.errors, OFFERING_FIELD_NAMES) : {};
    return renderNewOffering(c, termId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, form.slots, 422);
  });

  app.get('/admin/offerings/:id', admins, ids('id'), (c) =>
    renderOfferingPage(c, deps, c.req.valid('param').id, null, null, 200, { duplicated: c.req.query('duplicated') === '1', meetingChanged: c.req.query('meeting') === 'changed' }),
  );

  app.post('/admin/offerings/:id/validate', admins, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const found = await offerings.offering(c.get('user'), id);
    if (!found) return errorPage(c, 404);
    const { form, errors } = await checkOffering(c, found.offering.seats_taken, { min: found.term.school_grade_min, max: found.term.school_grade_max });
    const messages = translateErrors(c.get('i18n'), errors);
    const status = Object.keys(errors).length > 0 ? 422 : 200;
    if (c.get('htmx')) return c.html(<OfferingFormMessages errors={messages} />, status);
    return renderOfferingPage(c, deps, id, { values: form.values, errors: messages }, form.slots, status);
  });

  app.post('/admin/offerings/:id', admins, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const form = await readOfferingForm(c);
    const result = form.ok ? await offerings.updateOffering(c.get('user'), id, form.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (result?.ok) return renderOfferingPage(c, deps, id, { values: form.values, errors: {} }, form.slots, 200, { saved: c.get('i18n').t('admin.offeringSaved') });
    const errors = !form.ok ? form.errors : result && !result.ok && result.reason === 'invalid' ? renameErrors(result.errors, OFFERING_FIELD_NAMES) : {};
    return renderOfferingPage(c, deps, id, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, form.slots, 422);
  });

  app.post('/admin/offerings/:id/status', admins, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const parsed = await parseForm(c, statusSchema);
    // Another school's offering is 404 whatever was sent; only then is the form's content judged.
    const user = c.get('user');
    const found = await offerings.offering(user, id);
    if (!found) return errorPage(c, 404);
    const i18n = c.get('i18n');
    if (!parsed.ok) return c.text(i18n.t('form.required'), 422);
    const { status } = parsed.data;
    const reason = parsed.data.reason ?? '';
    const result = await offerings.setStatus(user, id, status, { confirm: parsed.data.confirm === 'yes', reason });
    if (result.ok) return c.redirect(`/admin/offerings/${id}`, 303);
    if (result.reason === 'not_found' || status === 'published') return errorPage(c, 404);
    const page = (code: 200 | 422, notes: { error?: string; problem?: string }) =>
      c.html(
        <CancelOfferingPage
          chrome={chromeFor(c, `/admin/offerings/${id}`)}
          offering={{ id, title: i18n.pick(found.offering.title_zh, found.offering.title_en) }}
          status={status}
          places={'places' in result ? result.places : { enrolled: 0, waitlisted: 0, requested: 0 }}
          reason={reason}
          error={notes.error}
          problem={notes.problem}
        />,
        code,
      );
    // The confirm step: what archiving does to whom, asking for the reason. Nothing is written.
    if (result.reason === 'confirm') return page(200, {});
    if (result.reason === 'reason_required') return page(422, { error: i18n.t('admin.cancel.reasonRequired') });
    return page(422, { problem: i18n.t('admin.cancel.lotteryFrozen') });
  });

  app.post('/admin/offerings/:id/duplicate', admins, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const parsed = await parseForm(c, duplicateSchema);
    const termId = parsed.ok ? parseId(parsed.data.term) : null;
    if (termId === null) return errorPage(c, 404);
    const result = await offerings.duplicateOffering(c.get('user'), id, termId);
    if (!result.ok) return errorPage(c, 404);
    return c.redirect(`/admin/offerings/${result.offeringId}?duplicated=1`, 303);
  });

  app.get('/teach/offerings', requireRole(['teacher'], (c, status) => errorPage(c, status)), async (c) => {
    const mine = await offerings.teacherOfferings(c.get('user').id);
    const { pick } = c.get('i18n');
    // Back from an announcement sent without JavaScript: that offering's form shows its notice.
    const announcedFrom = parseId(c.req.query('offering'));
    const announced = parseId(c.req.query('announced'));
    return respond(c, {
      page: () => (
        <TeacherOfferingsPage
          chrome={chromeFor(c)}
          offerings={mine.map((offering) => ({
            id: offering.id,
            code: offering.code,
            title: pick(offering.title_zh, offering.title_en),
            term: pick(offering.term_name_zh, offering.term_name_en),
            status: offering.status,
            taken: offering.seats_taken,
            capacity: offering.capacity,
          }))}
          announced={announcedFrom !== null && announced !== null ? { offeringId: announcedFrom, count: announced } : undefined}
        />
      ),
    });
  });

  return app;
}
