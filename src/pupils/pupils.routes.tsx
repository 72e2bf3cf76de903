// HTTP for a school's pupil list (school admins of that school, the district admin): the list and its search, add,
// edit, remove (confirmed), the CSV export, and promoting every pupil a grade (confirmed).
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { FormState } from '../../views/chrome.ts';
import { PromotePupilsPage, PupilEditPage, PupilForm, type PupilFormField, type PupilSchool, PupilsPage, RemovePupilPage } from '../../views/pages/admin-pupils.tsx';
import type { School } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { csvFromRecords } from '../http/csv.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { requireAdmin, type SignedInEnv } from '../http/guards.ts';
import { chromeFor, errorPage, redirectAfterSave, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { MessageKey } from '../kernel/messages.ts';
import type { Rejection } from '../kernel/rejection.ts';
import type { ChildCheckService } from './child-check.service.ts';
import type { PupilInput } from './pupils.policy.ts';
import type { PupilsService } from './pupils.service.ts';

/** School and district admins only; anyone else signed in gets the 403 page (the service says which schools). */
const admins = requireAdmin();

const pupilSchema = z.object({
  name: textField(200, { optional: true }).optional(),
  number: textField(200, { optional: true }).optional(),
  grade: textField(10, { optional: true }).optional(),
  class: textField(200, { optional: true }).optional(),
});
const confirmSchema = z.object({ confirm: textField(10, { optional: true }).optional() });

const DONE: Record<string, MessageKey> = {
  added: 'pupils.done.added',
  updated: 'pupils.done.updated',
  removed: 'pupils.done.removed',
  promoted: 'pupils.done.promoted',
  checked: 'childCheck.done.checked',
};

/** The form as sent, read into a pupil; what the form reader refused (overlong text) comes with it. */
async function readPupilForm<E extends AppEnv>(c: Context<E>): Promise<{ input: PupilInput; values: Partial<Record<PupilFormField, string>>; errors: Partial<Record<PupilFormField, Rejection>> }> {
  const parsed = await parseForm(c, pupilSchema);
  const values = parsed.values;
  const grade = (values.grade ?? '').trim();
  const className = (values.class ?? '').trim();
  return {
    values,
    errors: parsed.ok ? {} : parsed.errors,
    input: { name: values.name ?? '', number: values.number ?? '', grade: /^\d{1,2}$/.test(grade) ? Number(grade) : Number.NaN, className: className === '' ? null : className },
  };
}

function pupilSchool<E extends AppEnv>(c: Context<E>, school: School): PupilSchool {
  const grades: number[] = [];
  for (let grade = school.grade_min; grade <= school.grade_max; grade += 1) grades.push(grade);
  return { id: school.id, name: c.get('i18n').pick(school.name_zh, school.name_en), grades };
}

/** Pupil ids are digits in the path, so /pupils/import and /pupils/promote never reach the routes of one pupil. */
export function pupilsRoutes(deps: { pupils: PupilsService; childCheck: ChildCheckService }) {
  const { pupils, childCheck } = deps;
  const app = new Hono<AppEnv>();
  const listPath = (schoolId: number) => `/admin/schools/${schoolId}/pupils`;

  async function renderList<E extends SignedInEnv>(c: Context<E>, schoolId: number, form: FormState<PupilFormField>, status: 200 | 422) {
    const q = (c.req.query('q') ?? '').slice(0, 40);
    const gradeText = c.req.query('grade') ?? '';
    const grade = /^\d{1,2}$/.test(gradeText) ? Number(gradeText) : null;
    const className = (c.req.query('class') ?? '').slice(0, 20);
    const page = Number(c.req.query('page') ?? '1');
    const found = await pupils.list(c.get('user'), schoolId, { q, grade, className, page: Number.isSafeInteger(page) ? page : 1 }, status === 200 ? 'pupils' : undefined);
    if (!found) return errorPage(c, 404);
    const i18n = c.get('i18n');
    const school = pupilSchool(c, found.school);
    const doneText = c.req.query('done') ?? '';
    const done = Object.hasOwn(DONE, doneText) ? DONE[doneText] : undefined;
    const unmatched = found.school.child_check === 'pupil_list' ? await childCheck.unmatchedCount(c.get('user'), schoolId) : null;
    const pageHref = (to: number) => {
      const params = new URLSearchParams({ ...(q ? { q } : {}), ...(grade !== null ? { grade: String(grade) } : {}), ...(className ? { class: className } : {}), page: String(to) });
      return `${listPath(schoolId)}?${params.toString()}`;
    };
    c.header('Cache-Control', 'no-store');
    return respond(
      c,
      {
        page: () => (
          <PupilsPage
            chrome={chromeFor(c, status === 200 ? undefined : listPath(schoolId))}
            school={school}
            list={{ q, grade: grade === null ? '' : String(grade), className }}
            pupils={found.pupils.map((pupil) => ({ id: pupil.id, name: pupil.name, number: pupil.number, grade: pupil.grade, className: pupil.class_name, bound: pupil.child_id !== null }))}
            total={found.all}
            matching={found.total}
            page={found.page}
            pages={found.pages}
            pageHref={pageHref}
            done={done ? i18n.t(done) : undefined}
            form={form}
            check={{ mode: found.school.child_check, unmatched }}
          />
        ),
        fragment: () => <PupilForm i18n={i18n} action={listPath(schoolId)} form={form} grades={school.grades} submit={i18n.t('pupils.add')} formId="pupil-new" />,
      },
      status,
    );
  }

  app.get('/admin/schools/:schoolId/pupils', admins, ids('schoolId'), async (c) => {
    const { schoolId } = c.req.valid('param');
    return renderList(c, schoolId, { errors: {}, values: {} }, 200);
  });

  app.post('/admin/schools/:schoolId/pupils', admins, ids('schoolId'), async (c) => {
    const { schoolId } = c.req.valid('param');
    const user = c.get('user');
    if (!(await pupils.school(user, schoolId))) return errorPage(c, 404);
    const form = await readPupilForm(c);
    const result = await pupils.add(user, schoolId, form.input);
    if (result.ok && Object.keys(form.errors).length === 0) return redirectAfterSave(c, `${listPath(schoolId)}?done=added`);
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    const errors = { ...(result.ok ? {} : result.errors), ...form.errors };
    return renderList(c, schoolId, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, 422);
  });

  app.get('/admin/schools/:schoolId/pupils.csv', admins, ids('schoolId'), async (c) => {
    const { schoolId } = c.req.valid('param');
    const found = await pupils.exportList(c.get('user'), schoolId);
    if (!found) return errorPage(c, 404);
    const csv = csvFromRecords(
      found.pupils.map((pupil) => ({ name: pupil.name, number: pupil.number, grade: pupil.grade, class: pupil.class_name ?? '', bound: pupil.child_id !== null ? 'yes' : 'no' })),
      ['name', 'number', 'grade', 'class', 'bound'] as const,
    );
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${found.school.slug}-pupils.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(csv);
  });

  // Promoting: without confirm=yes the page saying how many move up and how many leave; nothing changes.
  app.post('/admin/schools/:schoolId/pupils/promote', admins, ids('schoolId'), async (c) => {
    const { schoolId } = c.req.valid('param');
    const user = c.get('user');
    const parsed = await parseForm(c, confirmSchema);
    if (!(parsed.ok && parsed.data.confirm === 'yes')) {
      const found = await pupils.promotion(user, schoolId);
      if (!found) return errorPage(c, 404);
      return respond(c, {
        page: () => <PromotePupilsPage chrome={chromeFor(c, listPath(schoolId))} school={pupilSchool(c, found.school)} moving={found.moving} leaving={found.leaving} top={found.school.grade_max} />,
      });
    }
    const result = await pupils.promote(user, schoolId);
    if (!result) return errorPage(c, 404);
    return redirectAfterSave(c, `${listPath(schoolId)}?done=promoted`);
  });

  async function renderEdit<E extends SignedInEnv>(c: Context<E>, schoolId: number, pupilId: number, form: FormState<PupilFormField> | null, status: 200 | 422) {
    const found = await pupils.pupil(c.get('user'), schoolId, pupilId);
    if (!found) return errorPage(c, 404);
    const { pupil } = found;
    const shown = form ?? { errors: {}, values: { name: pupil.name, number: pupil.number, grade: String(pupil.grade), class: pupil.class_name ?? '' } };
    const school = pupilSchool(c, found.school);
    const i18n = c.get('i18n');
    const action = `${listPath(schoolId)}/${pupilId}`;
    c.header('Cache-Control', 'no-store');
    return respond(
      c,
      {
        page: () => (
          <PupilEditPage
            chrome={chromeFor(c, action)}
            school={school}
            pupilId={pupilId}
            name={pupil.name}
            form={shown}
            boundChild={pupil.child_id === null ? null : { id: pupil.child_id, name: pupil.child_name ?? pupil.name }}
          />
        ),
        fragment: () => <PupilForm i18n={i18n} action={action} form={shown} grades={school.grades} submit={i18n.t('pupils.save')} formId="pupil-edit" />,
      },
      status,
    );
  }

  app.get('/admin/schools/:schoolId/pupils/:id{[0-9]+}', admins, ids('schoolId', 'id'), (c) => {
    const { schoolId, id } = c.req.valid('param');
    return renderEdit(c, schoolId, id, null, 200);
  });

  app.post('/admin/schools/:schoolId/pupils/:id{[0-9]+}', admins, ids('schoolId', 'id'), async (c) => {
    const { schoolId, id } = c.req.valid('param');
    const user = c.get('user');
    if (!(await pupils.pupil(user, schoolId, id))) return errorPage(c, 404);
    const form = await readPupilForm(c);
    const result = await pupils.update(user, schoolId, id, form.input);
    if (result.ok && Object.keys(form.errors).length === 0) return redirectAfterSave(c, `${listPath(schoolId)}?done=updated`);
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    const errors = { ...(result.ok ? {} : result.errors), ...form.errors };
    return renderEdit(c, schoolId, id, { values: form.values, errors: translateErrors(c.get('i18n'), errors) }, 422);
  });

  // Removing: without confirm=yes the confirmation page (saying whether a family has bound the pupil), nothing removed.
  app.post('/admin/schools/:schoolId/pupils/:id{[0-9]+}/delete', admins, ids('schoolId', 'id'), async (c) => {
    const { schoolId, id } = c.req.valid('param');
    const user = c.get('user');
    const parsed = await parseForm(c, confirmSchema);
    if (!(parsed.ok && parsed.data.confirm === 'yes')) {
      const found = await pupils.pupil(user, schoolId, id);
      if (!found) return errorPage(c, 404);
      const { pupil } = found;
      return respond(c, {
        page: () => (
          <RemovePupilPage
            chrome={chromeFor(c, `${listPath(schoolId)}/${id}`)}
            school={pupilSchool(c, found.school)}
            pupil={{ id, name: pupil.name, number: pupil.number }}
            boundChild={pupil.child_id === null ? null : (pupil.child_name ?? pupil.name)}
          />
        ),
      });
    }
    const result = await pupils.remove(user, schoolId, id);
    if (!result.ok) return errorPage(c, 404);
    return redirectAfterSave(c, `${listPath(schoolId)}?done=removed`);
  });

  return app;
}
