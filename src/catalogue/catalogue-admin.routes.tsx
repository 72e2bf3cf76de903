// HTTP for catalogue management (/admin/…) and a teacher's own list (/teach/offerings). Parse, call, render.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { type FormState, emptyForm } from '../../views/chrome.ts';
import { meetingView } from '../../views/components/meeting.tsx';
import {
  AdminSchoolsPage,
  ImportPage,
  type ImportPreviewView,
  CancelOfferingPage,
  OfferingAdminPage,
  OfferingForm,
  type OfferingFormField,
  SLOT_ROWS,
  SchoolTermsPage,
  type SlotRow,
  TeacherOfferingsPage,
  TermForm,
  type TermFormField,
  TermPage,
} from '../../views/pages/admin-catalogue.tsx';
import type { Rejection } from '../kernel/rejection.ts';
import { requireRole } from '../http/guards.ts';
import { instantInZone, localDateTime } from '../kernel/calendar.ts';
import type { AppEnv } from '../http/app-env.ts';
import { TooManyFieldsError, parseForm, readBody, textField, translateErrors } from '../http/forms.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import type { CatalogueAdminService, OfferingSort } from './catalogue-admin.service.ts';
import { CATEGORY_CODES } from '../kernel/categories.ts';
import { catalogueCsv } from './catalogue-csv.ts';
import { type CatalogueColumn, offeringAsText } from './catalogue-csv.policy.ts';
import type { MeetingChange } from './meeting-change.policy.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import { type OfferingField, type OfferingInput, offeringProblems, parseFee, slotsProblem } from './offering.policy.ts';
import { type TermField, type TermInput, isRealDay, parseHolidays } from './term.policy.ts';

const termSchema = z.object({
  name_zh: textField(60),
  name_en: textField(80, { optional: true }).optional(),
  first_day: textField(10),
  last_day: textField(10),
  holidays: textField(4000, { optional: true }).optional(),
  opens_at: textField(16),
  closes_at: textField(16),
  mode: z.enum(['first_come', 'lottery'], { error: 'form.required' }),
  course_limit: textField(3),
  choice_limit: textField(3),
});

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

const TERM_FIELD_NAMES: Record<TermField, TermFormField> = {
  nameZh: 'name_zh', nameEn: 'name_en', firstDay: 'first_day', lastDay: 'last_day', holidays: 'holidays',
  opensAt: 'opens_at', closesAt: 'closes_at', mode: 'mode', courseLimit: 'course_limit', choiceLimit: 'choice_limit',
};
const OFFERING_FIELD_NAMES: Record<OfferingField, OfferingFormField> = {
  code: 'code', kind: 'kind', category: 'category', titleZh: 'title_zh', titleEn: 'title_en', descriptionZh: 'description_zh',
  descriptionEn: 'description_en', teacherId: 'teacher', room: 'room', capacity: 'capacity', gradeMin: 'grade_min',
  gradeMax: 'grade_max', fee: 'fee', slots: 'slots',
};

function renameErrors<From extends string, To extends string>(errors: Partial<Record<From, Rejection>>, names: Record<From, To>) {
  const out: Partial<Record<To, Rejection>> = {};
  for (const [field, rejection] of Object.entries(errors) as [From, Rejection][]) out[names[field]] = rejection;
  return out;
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

type Parsed<Input, Field extends string> =
  | { ok: true; input: Input; values: Partial<Record<Field, string>> }
  | { ok: false; errors: Partial<Record<Field, Rejection>>; values: Partial<Record<Field, string>> };

async function readTermForm<E extends AppEnv>(c: Context<E>, timeZone: string): Promise<Parsed<TermInput, TermFormField>> {
  const parsed = await parseForm(c, termSchema);
  const values = parsed.values;
  const errors: Partial<Record<TermFormField, Rejection>> = parsed.ok ? {} : { ...parsed.errors };
  const text = (field: TermFormField) => (values[field] ?? '').trim();
  for (const field of ['first_day', 'last_day'] as const) {
    if (!errors[field] && !isRealDay(text(field))) errors[field] = { key: 'term.error.date' };
  }
  const instant = (field: 'opens_at' | 'closes_at') => {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(text(field));
    if (!match || !isRealDay(match[1]!)) {
      errors[field] ??= { key: 'term.error.dateTime' };
      return '';
    }
    return instantInZone(match[1]!, match[2]!, timeZone).toISOString();
  };
  const opensAt = instant('opens_at');
  const closesAt = instant('closes_at');
  const courseLimit = wholeNumber(text('course_limit'), 1, 20);
  if (courseLimit === null) errors.course_limit ??= { key: 'term.error.limitRange', params: { min: 1, max: 20 } };
  const choiceLimit = wholeNumber(text('choice_limit'), 1, 10);
  if (choiceLimit === null) errors.choice_limit ??= { key: 'term.error.limitRange', params: { min: 1, max: 10 } };
  const { holidays, badLine } = parseHolidays(values.holidays ?? '');
  if (badLine !== null) errors.holidays = { key: 'term.error.holidayLine', params: { line: badLine } };
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    input: {
      nameZh: text('name_zh'),
      nameEn: text('name_en') || text('name_zh'),
      firstDay: text('first_day'),
      lastDay: text('last_day'),
      holidays,
      opensAt,
      closesAt,
      mode: parsed.data.mode,
      courseLimit: courseLimit!,
      choiceLimit: choiceLimit!,
    },
  };
}

async function readOfferingForm<E extends AppEnv>(c: Context<E>): Promise<Parsed<OfferingInput, OfferingFormField> & { slots: SlotRow[] }> {
  const parsed = await parseForm(c, offeringSchema);
  const body = await readBody(c).catch((error: unknown) => {
    if (error instanceof TooManyFieldsError) throw error;
    return {} as Record<string, unknown>;
  });
  const list = (name: string) => {
    const raw = (body as Record<string, unknown>)[name];
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
  const teacherId = teacherText === '' ? null : /^\d{1,9}$/.test(teacherText) ? Number(teacherText) : -1;
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

/** The example row of the downloadable template. */
const TEMPLATE_ROW: Record<CatalogueColumn, string> = {
  code: 'ROB-01',
  kind: 'course',
  category: 'robotics',
  title_zh: '乐高机器人（入门）',
  title_en: 'LEGO Robotics (Beginners)',
  description_zh: '用乐高积木搭建并编程小机器人。',
  description_en: 'Build and program small robots with LEGO.',
  teacher: 'teacher@example.com',
  room: '科创楼 302',
  capacity: '24',
  grade_min: '3',
  grade_max: '6',
  fee: '0',
  slots: '1 16:00-17:30; 3 16:00-17:30',
  status: 'draft',
};

export function catalogueAdminRoutes(deps: { admin: CatalogueAdminService; timeZone: string }) {
  const { admin, timeZone } = deps;
  const app = new Hono<AppEnv>();
  const refuse = <E extends AppEnv>(c: Context<E>, status: 403 | 404) => errorPage(c, status);
  const admins = requireRole(['school_admin', 'district_admin'], refuse);
  const id = <E extends AppEnv>(c: Context<E>, name: string) => {
    const raw = c.req.param(name) ?? '';
    return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  };
  const pick = <E extends AppEnv>(c: Context<E>, zh: string, en: string | null) => (c.get('i18n').lang === 'en' && en ? en : zh);

  function termFormValues(term: { name_zh: string; name_en: string; first_day: string; last_day: string; enrol_opens_at: string; enrol_closes_at: string; mode: string; course_limit: number; choice_limit: number }, holidays: { day: string; name_zh: string }[]): FormState<TermFormField> {
    return {
      errors: {},
      values: {
        name_zh: term.name_zh,
        name_en: term.name_en,
        first_day: term.first_day,
        last_day: term.last_day,
        opens_at: localDateTime(new Date(term.enrol_opens_at), timeZone),
        closes_at: localDateTime(new Date(term.enrol_closes_at), timeZone),
        mode: term.mode,
        course_limit: String(term.course_limit),
        choice_limit: String(term.choice_limit),
        holidays: holidays.map((holiday) => `${holiday.day} ${holiday.name_zh}`.trim()).join('\n'),
      },
    };
  }

  app.get('/admin', admins, async (c) => {
    const user = c.get('user')!;
    if (user.role === 'school_admin' && user.schoolId !== null) return c.redirect(`/admin/schools/${user.schoolId}`, 303);
    const schools = await admin.schoolsInScope(user);
    const { t } = c.get('i18n');
    return respond(c, {
      page: () => (
        <AdminSchoolsPage
          chrome={chromeFor(c)}
          schools={schools.map((school) => ({ id: school.id, name: pick(c, school.name_zh, school.name_en), kindLabel: t(`school.kind.${school.kind}`) }))}
        />
      ),
    });
  });

  async function renderSchoolTerms<E extends AppEnv>(c: Context<E>, schoolId: number, form: FormState<TermFormField>, status: 200 | 422) {
    const found = await admin.termsOfSchool(c.get('user')!, schoolId);
    if (!found) return errorPage(c, 404);
    const chrome = chromeFor(c, `/admin/schools/${schoolId}`);
    return respond(
      c,
      {
        page: () => (
          <SchoolTermsPage
            chrome={chrome}
            schoolId={schoolId}
            schoolName={pick(c, found.school.name_zh, found.school.name_en)}
            terms={found.terms.map((term) => ({ id: term.id, name: pick(c, term.name_zh, term.name_en), firstDay: term.first_day, lastDay: term.last_day, mode: term.mode }))}
            form={form}
          />
        ),
        fragment: () => <TermForm i18n={c.get('i18n')} action={`/admin/schools/${schoolId}/terms`} form={form} submit={c.get('i18n').t('admin.newTerm')} />,
      },
      status,
    );
  }

  app.get('/admin/schools/:schoolId', admins, async (c) => {
    const schoolId = id(c, 'schoolId');
    if (schoolId === null) return errorPage(c, 404);
    return renderSchoolTerms(c, schoolId, { errors: {}, values: { mode: 'first_come', course_limit: '3', choice_limit: '3' } }, 200);
  });

  app.post('/admin/schools/:schoolId/terms', admins, async (c) => {
    const schoolId = id(c, 'schoolId');
    if (schoolId === null || !(await admin.termsOfSchool(c.get('user')!, schoolId))) return errorPage(c, 404);
    const form = await readTermForm(c, timeZone);
    const result = form.ok ? await admin.createTerm(c.get('user')!, schoolId, form.input) : null;
    if (result?.ok) {
      if (c.get('htmx')) {
        c.header('HX-Redirect', `/admin/terms/${result.termId}`);
        return c.body(null, 204);
      }
      return c.redirect(`/admin/terms/${result.termId}`, 303);
    }
    if (result && result.reason === 'not_found') return errorPage(c, 404);
    const errors = !form.ok ? form.errors : result && result.reason === 'invalid' ? renameErrors(result.errors, TERM_FIELD_NAMES) : {};
    return renderSchoolTerms(c, schoolId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, 422);
  });

  async function renderTerm<E extends AppEnv>(c: Context<E>, termId: number, form: FormState<TermFormField> | null, status: 200 | 422, saved?: string) {
    const q = c.req.query('q')?.slice(0, 100) ?? '';
    const sortText = c.req.query('sort');
    const sort: OfferingSort = sortText === 'title' || sortText === 'fill' ? sortText : 'code';
    const found = await admin.term(c.get('user')!, termId, { q, sort });
    if (!found) return errorPage(c, 404);
    const { term } = found;
    const termForm = form ?? termFormValues(term, found.holidays);
    const chrome = chromeFor(c, `/admin/terms/${termId}`);
    return respond(
      c,
      {
        page: () => (
          <TermPage
            chrome={chrome}
            termId={termId}
            schoolId={term.school_id}
            schoolName={pick(c, term.school_name_zh, term.school_name_en)}
            termName={pick(c, term.name_zh, term.name_en)}
            form={termForm}
            saved={saved}
            total={found.total}
            list={{ q, sort }}
            offerings={found.offerings.map((offering) => ({
              id: offering.id,
              code: offering.code,
              title: pick(c, offering.title_zh, offering.title_en),
              teacher: offering.teacher_name,
              taken: offering.seats_taken,
              capacity: offering.capacity,
              status: offering.status,
            }))}
          />
        ),
        fragment: () => <TermForm i18n={c.get('i18n')} action={`/admin/terms/${termId}`} form={termForm} submit={c.get('i18n').t('admin.saveTerm')} saved={saved} />,
      },
      status,
    );
  }

  app.get('/admin/terms/:termId', admins, (c) => {
    const termId = id(c, 'termId');
    return termId === null ? errorPage(c, 404) : renderTerm(c, termId, null, 200);
  });

  app.post('/admin/terms/:termId', admins, async (c) => {
    const termId = id(c, 'termId');
    if (termId === null) return errorPage(c, 404);
    const form = await readTermForm(c, timeZone);
    const result = form.ok ? await admin.updateTerm(c.get('user')!, termId, form.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (result?.ok) return renderTerm(c, termId, { values: form.values, errors: {} }, 200, c.get('i18n').t('admin.termSaved'));
    const errors = !form.ok ? form.errors : result && !result.ok && result.reason === 'invalid' ? renameErrors(result.errors, TERM_FIELD_NAMES) : {};
    return renderTerm(c, termId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, 422);
  });

  async function formOptions<E extends AppEnv>(c: Context<E>, schoolId: number, grades: { min: number; max: number }) {
    const teachers = await admin.teachersOfSchool(schoolId);
    return {
      teachers: [{ value: '', label: c.get('i18n').t('admin.noTeacher') }, ...teachers.map((teacher) => ({ value: String(teacher.id), label: teacher.name }))],
      gradeMin: grades.min,
      gradeMax: grades.max,
    };
  }

  async function renderNewOffering<E extends AppEnv>(c: Context<E>, termId: number, form: FormState<OfferingFormField>, slots: SlotRow[], status: 200 | 422) {
    const found = await admin.term(c.get('user')!, termId);
    if (!found) return errorPage(c, 404);
    const { term } = found;
    const options = await formOptions(c, term.school_id, { min: term.school_grade_min, max: term.school_grade_max });
    const formProps = { action: `/admin/terms/${termId}/offerings`, validate: `/admin/terms/${termId}/offerings/validate`, form, slots, options };
    const { t } = c.get('i18n');
    return respond(
      c,
      {
        page: () => (
          <OfferingAdminPage
            chrome={chromeFor(c, `/admin/terms/${termId}/offerings/new`)}
            title={t('admin.newOffering')}
            back={{ href: `/admin/terms/${termId}`, label: pick(c, term.name_zh, term.name_en) }}
            formProps={formProps}
          />
        ),
        fragment: () => <OfferingForm i18n={c.get('i18n')} {...formProps} />,
      },
      status,
    );
  }

  app.get('/admin/terms/:termId/offerings/new', admins, (c) => {
    const termId = id(c, 'termId');
    if (termId === null) return errorPage(c, 404);
    return renderNewOffering(c, termId, { errors: {}, values: { kind: 'course', capacity: '20', fee: '0' } }, [], 200);
  });

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

  app.post('/admin/terms/:termId/offerings/validate', admins, async (c) => {
    const termId = id(c, 'termId');
    const found = termId === null ? null : await admin.term(c.get('user')!, termId);
    if (!found || termId === null) return errorPage(c, 404);
    const { form, errors } = await checkOffering(c, 0, { min: found.term.school_grade_min, max: found.term.school_grade_max });
    return renderNewOffering(c, termId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, form.slots, Object.keys(errors).length > 0 ? 422 : 200);
  });

  app.post('/admin/terms/:termId/offerings', admins, async (c) => {
    const termId = id(c, 'termId');
    if (termId === null) return errorPage(c, 404);
    const form = await readOfferingForm(c);
    const result = form.ok ? await admin.createOffering(c.get('user')!, termId, form.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (result?.ok) {
      const to = `/admin/offerings/${result.offeringId}`;
      if (c.get('htmx')) {
        c.header('HX-Redirect', to);
        return c.body(null, 204);
      }
      return c.redirect(to, 303);
    }
    const errors = !form.ok ? form.errors : result && !result.ok && result.reason === 'invalid' ? renameErrors(result.errors, OFFERING_FIELD_NAMES) : {};
    return renderNewOffering(c, termId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, form.slots, 422);
  });

  async function renderOffering<E extends AppEnv>(
    c: Context<E>,
    offeringId: number,
    form: FormState<OfferingFormField> | null,
    slots: SlotRow[] | null,
    status: 200 | 422,
    notes: { saved?: string; duplicated?: boolean; meetingChanged?: boolean; meetingError?: { meetingId: number; messages: string[] } } = {},
  ) {
    const user = c.get('user')!;
    const found = await admin.offering(user, offeringId);
    if (!found) return errorPage(c, 404);
    const { offering, term } = found;
    const terms = (await admin.termsOfSchool(user, term.school_id))?.terms ?? [];
    const options = await formOptions(c, term.school_id, { min: term.school_grade_min, max: term.school_grade_max });
    const values: FormState<OfferingFormField> = form ?? {
      errors: {},
      values: { ...offeringAsText(offering), teacher: offering.teacher_id === null ? '' : String(offering.teacher_id) },
    };
    const upcoming = (await admin.upcomingMeetings(user, offeringId)) ?? [];
    const slotRows = slots ?? found.slots.map((slot) => ({ weekday: String(slot.weekday), start: slot.starts_at, end: slot.ends_at }));
    const formProps = {
      action: `/admin/offerings/${offeringId}`,
      validate: `/admin/offerings/${offeringId}/validate`,
      form: values,
      slots: slotRows,
      options,
      saved: notes.saved,
    };
    return respond(
      c,
      {
        page: () => (
          <OfferingAdminPage
            chrome={chromeFor(c, `/admin/offerings/${offeringId}`)}
            title={pick(c, offering.title_zh, offering.title_en)}
            back={{ href: `/admin/terms/${term.id}`, label: pick(c, term.name_zh, term.name_en) }}
            formProps={formProps}
            manage={{
              id: offeringId,
              status: offering.status,
              publicHref: `/offerings/${offeringId}`,
              terms: terms.map((other) => ({ value: String(other.id), label: pick(c, other.name_zh, other.name_en) })),
              duplicated: notes.duplicated,
            }}
            meetings={{
              rows: upcoming.map((meeting) => meetingView(meeting, admin.today())),
              error: notes.meetingError,
              changed: notes.meetingChanged,
            }}
          />
        ),
        fragment: () => <OfferingForm i18n={c.get('i18n')} {...formProps} />,
      },
      status,
    );
  }

  app.get('/admin/offerings/:id', admins, (c) => {
    const offeringId = id(c, 'id');
    return offeringId === null
      ? errorPage(c, 404)
      : renderOffering(c, offeringId, null, null, 200, { duplicated: c.req.query('duplicated') === '1', meetingChanged: c.req.query('meeting') === 'changed' });
  });

  app.post('/admin/offerings/:id/validate', admins, async (c) => {
    const offeringId = id(c, 'id');
    const found = offeringId === null ? null : await admin.offering(c.get('user')!, offeringId);
    if (!found || offeringId === null) return errorPage(c, 404);
    const { form, errors } = await checkOffering(c, found.offering.seats_taken, { min: found.term.school_grade_min, max: found.term.school_grade_max });
    return renderOffering(c, offeringId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, form.slots, Object.keys(errors).length > 0 ? 422 : 200);
  });

  app.post('/admin/offerings/:id', admins, async (c) => {
    const offeringId = id(c, 'id');
    if (offeringId === null) return errorPage(c, 404);
    const form = await readOfferingForm(c);
    const result = form.ok ? await admin.updateOffering(c.get('user')!, offeringId, form.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (result?.ok) return renderOffering(c, offeringId, { values: form.values, errors: {} }, form.slots, 200, { saved: c.get('i18n').t('admin.offeringSaved') });
    const errors = !form.ok ? form.errors : result && !result.ok && result.reason === 'invalid' ? renameErrors(result.errors, OFFERING_FIELD_NAMES) : {};
    return renderOffering(c, offeringId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, form.slots, 422);
  });

  const statusSchema = z.object({
    status: z.enum(['draft', 'published', 'archived'], { error: 'form.required' }),
    confirm: textField(3, { optional: true }).optional(),
    reason: textField(500, { optional: true }).optional(),
  });
  app.post('/admin/offerings/:id/status', admins, async (c) => {
    const offeringId = id(c, 'id');
    const parsed = await parseForm(c, statusSchema);
    // Another school's offering is 404 whatever was sent; only then is the form's content judged.
    const found = offeringId === null ? null : await admin.offering(c.get('user')!, offeringId);
    if (offeringId === null || !found) return errorPage(c, 404);
    if (!parsed.ok) return c.text(c.get('i18n').t('form.required'), 422);
    const { status } = parsed.data;
    const reason = parsed.data.reason ?? '';
    const result = await admin.setStatus(c.get('user')!, offeringId, status, { confirm: parsed.data.confirm === 'yes', reason });
    if (result.ok) return c.redirect(`/admin/offerings/${offeringId}`, 303);
    if (result.reason === 'not_found' || status === 'published') return errorPage(c, 404);
    const { t } = c.get('i18n');
    const page = (code: 200 | 422, notes: { error?: string; problem?: string }) =>
      c.html(
        <CancelOfferingPage
          chrome={chromeFor(c, `/admin/offerings/${offeringId}`)}
          offering={{ id: offeringId, title: pick(c, found.offering.title_zh, found.offering.title_en) }}
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
    if (result.reason === 'reason_required') return page(422, { error: t('admin.cancel.reasonRequired') });
    return page(422, { problem: t('admin.cancel.lotteryFrozen') });
  });

  const duplicateSchema = z.object({ term: textField(12) });
  app.post('/admin/offerings/:id/duplicate', admins, async (c) => {
    const offeringId = id(c, 'id');
    const parsed = await parseForm(c, duplicateSchema);
    const termId = parsed.ok && /^\d{1,9}$/.test(parsed.data.term) ? Number(parsed.data.term) : null;
    if (offeringId === null || termId === null) return errorPage(c, 404);
    const result = await admin.duplicateOffering(c.get('user')!, offeringId, termId);
    if (!result.ok) return errorPage(c, 404);
    return c.redirect(`/admin/offerings/${result.offeringId}?duplicated=1`, 303);
  });

  const meetingSchemas = {
    cancel: z.object({ reason: textField(200) }),
    move: z.object({ reason: textField(200), day: textField(10), start: textField(5), end: textField(5) }),
    reinstate: z.object({}),
  };
  for (const kind of ['cancel', 'move', 'reinstate'] as const) {
    app.post(`/admin/meetings/:id/${kind}`, admins, async (c) => {
      const meetingId = id(c, 'id');
      if (meetingId === null) return errorPage(c, 404);
      const parsed = await parseForm(c, meetingSchemas[kind] as z.ZodObject<Record<string, z.ZodType>>);
      const data = (parsed.ok ? parsed.data : {}) as Record<string, string>;
      const change: MeetingChange =
        kind === 'cancel'
          ? { kind, reason: data.reason?.trim() ?? '' }
          : kind === 'move'
            ? { kind, reason: data.reason?.trim() ?? '', day: data.day ?? '', startsAt: data.start ?? '', endsAt: data.end ?? '' }
            : { kind };
      const result = await admin.changeMeeting(c.get('user')!, meetingId, change);
      if (result.ok) return c.redirect(`/admin/offerings/${result.offeringId}?meeting=changed#meeting-${meetingId}`, 303);
      if (result.reason === 'not_found') return errorPage(c, 404);
      const meeting = await admin.meetingOffering(meetingId);
      const messages = Object.values(result.errors).map((rejection) => c.get('i18n').t(rejection!.key, rejection!.params));
      return renderOffering(c, meeting!, null, null, 422, { meetingError: { meetingId, messages } });
    });
  }

  app.get('/admin/catalogue-template.csv', admins, (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="clubroll-catalogue-template.csv"');
    return c.body(catalogueCsv([TEMPLATE_ROW]));
  });

  app.get('/admin/terms/:termId/catalogue.csv', admins, async (c) => {
    const termId = id(c, 'termId');
    const found = termId === null ? null : await admin.exportRows(c.get('user')!, termId);
    if (!found) return errorPage(c, 404);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="catalogue-term-${termId}.csv"`);
    return c.body(catalogueCsv(found.rows));
  });

  async function renderImport<E extends AppEnv>(c: Context<E>, termId: number, preview: ImportPreviewView | null, status: 200 | 422) {
    const found = await admin.term(c.get('user')!, termId);
    if (!found) return errorPage(c, 404);
    return respond(
      c,
      { page: () => <ImportPage chrome={chromeFor(c, `/admin/terms/${termId}/import`)} termId={termId} termName={pick(c, found.term.name_zh, found.term.name_en)} preview={preview} /> },
      status,
    );
  }

  app.get('/admin/terms/:termId/import', admins, (c) => {
    const termId = id(c, 'termId');
    return termId === null ? errorPage(c, 404) : renderImport(c, termId, null, 200);
  });

  /** step=preview reads an uploaded file and changes nothing; step=commit imports the carried text in one transaction. */
  app.post('/admin/terms/:termId/import', admins, async (c) => {
    const termId = id(c, 'termId');
    if (termId === null) return errorPage(c, 404);
    const fields = await readBody(c).catch((error: unknown) => {
      if (error instanceof TooManyFieldsError) throw error;
      return {} as Record<string, unknown>;
    });
    // A repeated field counts by its last value, as every form of the app reads it.
    const body = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? value.at(-1) : value]));
    const step = body.step === 'commit' ? 'commit' : 'preview';
    const upload = body.file;
    const text = step === 'commit' ? (typeof body.csv === 'string' ? body.csv : '') : upload instanceof File ? await upload.text() : typeof body.csv === 'string' ? body.csv : '';
    const result = step === 'commit' ? await admin.commitImport(c.get('user')!, termId, text) : await admin.previewImport(c.get('user')!, termId, text);
    if (!result) return errorPage(c, 404);
    const { t } = c.get('i18n');
    const preview: ImportPreviewView = {
      problems: result.problems.map((problem) => ({ row: problem.row, column: problem.column === 'file' ? t('csv.file') : problem.column, message: t(problem.key, problem.params) })),
      rows: result.rows.map((row) => ({ row: row.row, code: row.input.code, title: row.input.titleZh, action: row.existingId === null ? 'create' : 'update' })),
      created: result.created,
      updated: result.updated,
      csv: result.problems.length === 0 ? text : null,
      imported: 'imported' in result && result.imported === true,
    };
    return renderImport(c, termId, preview, result.problems.length > 0 ? 422 : 200);
  });

  app.get('/teach/offerings', requireRole(['teacher'], refuse), async (c) => {
    const offerings = await admin.teacherOfferings(c.get('user')!.id);
    return respond(c, {
      page: () => (
        <TeacherOfferingsPage
          chrome={chromeFor(c)}
          offerings={offerings.map((offering) => ({
            id: offering.id,
            code: offering.code,
            title: pick(c, offering.title_zh, offering.title_en),
            term: pick(c, offering.term_name_zh, offering.term_name_en),
            status: offering.status,
            taken: offering.seats_taken,
            capacity: offering.capacity,
          }))}
        />
      ),
    });
  });

  return app;
}
