// HTTP for term administration: /admin (the schools an admin manages), a school's terms, a term with its offerings.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { FormState } from '../../views/chrome.ts';
import { AdminSchoolsPage, SchoolTermsPage, TermForm, type TermFormField, TermPage } from '../../views/pages/admin-terms.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import type { SignedInEnv } from '../http/guards.ts';
import { chromeFor, errorPage, redirectAfterSave, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import { instantInZone, localDateTime } from '../kernel/calendar.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { type Parsed, admins, renameErrors, wholeNumber } from './admin-http.ts';
import { type TermField, type TermInput, isRealDay, parseHolidays } from './term.policy.ts';
import type { OfferingSort, TermsService } from './terms.service.ts';

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

const TERM_FIELD_NAMES: Record<TermField, TermFormField> = {
  nameZh: 'name_zh', nameEn: 'name_en', firstDay: 'first_day', lastDay: 'last_day', holidays: 'holidays',
  opensAt: 'opens_at', closesAt: 'closes_at', mode: 'mode', courseLimit: 'course_limit', choiceLimit: 'choice_limit',
};

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

/** A saved term as its form shows it: instants in the school's zone, one holiday a line. */
function termFormValues(
  term: { name_zh: string; name_en: string; first_day: string; last_day: string; enrol_opens_at: string; enrol_closes_at: string; mode: string; course_limit: number; choice_limit: number },
  holidays: { day: string; name_zh: string }[],
  timeZone: string,
): FormState<TermFormField> {
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

export function termsRoutes(deps: { terms: TermsService; timeZone: string }) {
  const { terms, timeZone } = deps;
  const app = new Hono<AppEnv>();

  app.get('/admin', admins, async (c) => {
    const user = c.get('user');
    if (user.role === 'school_admin' && user.schoolId !== null) return c.redirect(`/admin/schools/${user.schoolId}`, 303);
    const schools = await terms.schoolsInScope(user);
    const { t, pick } = c.get('i18n');
    return respond(c, {
      page: () => (
        <AdminSchoolsPage
          chrome={chromeFor(c)}
          schools={schools.map((school) => ({ id: school.id, name: pick(school.name_zh, school.name_en), kindLabel: t(`school.kind.${school.kind}`) }))}
          district={user.role === 'district_admin'}
        />
      ),
    });
  });

  async function renderSchoolTerms<E extends SignedInEnv>(c: Context<E>, schoolId: number, form: FormState<TermFormField>, status: 200 | 422) {
    const found = await terms.termsOfSchool(c.get('user'), schoolId);
    if (!found) return errorPage(c, 404);
    const chrome = chromeFor(c, `/admin/schools/${schoolId}`);
    const i18n = c.get('i18n');
    return respond(
      c,
      {
        page: () => (
          <SchoolTermsPage
            chrome={chrome}
            schoolId={schoolId}
            schoolName={i18n.pick(found.school.name_zh, found.school.name_en)}
            terms={found.terms.map((term) => ({ id: term.id, name: i18n.pick(term.name_zh, term.name_en), firstDay: term.first_day, lastDay: term.last_day, mode: term.mode }))}
            form={form}
          />
        ),
        fragment: () => <TermForm i18n={i18n} action={`/admin/schools/${schoolId}/terms`} form={form} submit={i18n.t('admin.newTerm')} />,
      },
      status,
    );
  }

  app.get('/admin/schools/:schoolId', admins, ids('schoolId'), async (c) => {
    const { schoolId } = c.req.valid('param');
    return renderSchoolTerms(c, schoolId, { errors: {}, values: { mode: 'first_come', course_limit: '3', choice_limit: '3' } }, 200);
  });

  app.post('/admin/schools/:schoolId/terms', admins, ids('schoolId'), async (c) => {
    const { schoolId } = c.req.valid('param');
    const user = c.get('user');
    if (!(await terms.termsOfSchool(user, schoolId))) return errorPage(c, 404);
    const form = await readTermForm(c, timeZone);
    const result = form.ok ? await terms.createTerm(user, schoolId, form.input) : null;
    if (result?.ok) return redirectAfterSave(c, `/admin/terms/${result.termId}`);
    if (result && result.reason === 'not_found') return errorPage(c, 404);
    const errors = !form.ok ? form.errors : result && result.reason === 'invalid' ? renameErrors(result.errors, TERM_FIELD_NAMES) : {};
    return renderSchoolTerms(c, schoolId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, 422);
  });

  async function renderTerm<E extends SignedInEnv>(c: Context<E>, termId: number, form: FormState<TermFormField> | null, status: 200 | 422, saved?: string) {
    const q = c.req.query('q')?.slice(0, 100) ?? '';
    const sortText = c.req.query('sort');
    const sort: OfferingSort = sortText === 'title' || sortText === 'fill' ? sortText : 'code';
    const found = await terms.term(c.get('user'), termId, { q, sort });
    if (!found) return errorPage(c, 404);
    const { term } = found;
    const termForm = form ?? termFormValues(term, found.holidays, timeZone);
    const chrome = chromeFor(c, `/admin/terms/${termId}`);
    const i18n = c.get('i18n');
    return respond(
      c,
      {
        page: () => (
          <TermPage
            chrome={chrome}
            termId={termId}
            schoolId={term.school_id}
            schoolName={i18n.pick(term.school_name_zh, term.school_name_en)}
            termName={i18n.pick(term.name_zh, term.name_en)}
            form={termForm}
            saved={saved}
            total={found.total}
            list={{ q, sort }}
            offerings={found.offerings.map((offering) => ({
              id: offering.id,
              code: offering.code,
              title: i18n.pick(offering.title_zh, offering.title_en),
              teacher: offering.teacher_name,
              taken: offering.seats_taken,
              capacity: offering.capacity,
              status: offering.status,
            }))}
          />
        ),
        fragment: () => <TermForm i18n={i18n} action={`/admin/terms/${termId}`} form={termForm} submit={i18n.t('admin.saveTerm')} saved={saved} />,
      },
      status,
    );
  }

  app.get('/admin/terms/:termId', admins, ids('termId'), (c) => renderTerm(c, c.req.valid('param').termId, null, 200));

  app.post('/admin/terms/:termId', admins, ids('termId'), async (c) => {
    const { termId } = c.req.valid('param');
    const form = await readTermForm(c, timeZone);
    const result = form.ok ? await terms.updateTerm(c.get('user'), termId, form.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (result?.ok) return renderTerm(c, termId, { values: form.values, errors: {} }, 200, c.get('i18n').t('admin.termSaved'));
    const errors = !form.ok ? form.errors : result && !result.ok && result.reason === 'invalid' ? renameErrors(result.errors, TERM_FIELD_NAMES) : {};
    return renderTerm(c, termId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, 422);
  });

  return app;
}
