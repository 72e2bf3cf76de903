// HTTP for a parent's children: /family, POST /children, /children/:id. Parse, call the service, render.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { FormState } from '../../views/chrome.ts';
import { ChildForm, type ChildFormField, ChildPage, FamilyPage, type SchoolOption } from '../../views/pages/family.tsx';
import type { Rejection } from '../auth/credentials.policy.ts';
import { requireRole } from '../auth/guards.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import type { SchoolsService } from '../schools/schools.service.ts';
import type { ChildForm as ChildInput, FamilyService } from './family.service.ts';

const childSchema = z.object({
  name: textField(200),
  school: textField(60),
  grade: z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), z.string({ error: 'form.required' }).regex(/^(1[0-2]|[1-9])$/, { error: 'family.error.grade' })),
  class: textField(100, { optional: true }).optional(),
});

export function familyRoutes(deps: { family: FamilyService; schools: SchoolsService }) {
  const { family, schools } = deps;
  const app = new Hono<AppEnv>();
  const parents = requireRole(['parent'], (c, status) => errorPage(c, status));

  async function schoolOptions(c: Context<AppEnv>): Promise<SchoolOption[]> {
    const english = c.var.i18n.lang === 'en';
    return (await schools.list()).map((school) => ({ value: String(school.id), label: english ? school.name_en : school.name_zh }));
  }

  async function cards(c: Context<AppEnv>) {
    const english = c.var.i18n.lang === 'en';
    return (await family.children(c.var.user!.id)).map((child) => ({
      id: child.id,
      name: child.name,
      schoolName: english ? child.school_name_en : child.school_name_zh,
      schoolSlug: child.school_slug,
      grade: child.grade,
      className: child.class_name,
    }));
  }

  async function readChild(c: Context<AppEnv>): Promise<{ input: ChildInput | null; values: Partial<Record<ChildFormField, string>>; errors: Partial<Record<ChildFormField, Rejection>> }> {
    const parsed = await parseForm(c, childSchema);
    if (!parsed.ok) return { input: null, values: parsed.values, errors: parsed.errors };
    return {
      values: parsed.values,
      errors: {},
      input: { name: parsed.data.name, school: parsed.data.school, grade: Number(parsed.data.grade), className: parsed.data.class ?? null },
    };
  }

  async function renderFamily(c: Context<AppEnv>, form: FormState<ChildFormField>, status: 200 | 422, added?: string) {
    const [children, options] = await Promise.all([cards(c), schoolOptions(c)]);
    const chrome = chromeFor(c, '/family');
    const { t } = c.var.i18n;
    return respond(
      c,
      {
        page: () => <FamilyPage chrome={chrome} children={children} form={form} schools={options} added={added} />,
        fragment: () => <ChildForm i18n={c.var.i18n} action="/children" form={form} schools={options} submit={t('family.addChild')} />,
      },
      status,
    );
  }

  app.get('/family', parents, async (c) => {
    const addedId = Number(c.req.query('added'));
    const added = Number.isInteger(addedId) && addedId > 0 ? await family.child(c.var.user!.id, addedId) : undefined;
    return renderFamily(c, { values: {}, errors: {} }, 200, added ? c.var.i18n.t('family.childAdded', { name: added.name }) : undefined);
  });

  app.post('/children', parents, async (c) => {
    const read = await readChild(c);
    const result = read.input ? await family.addChild(c.var.user!.id, read.input) : null;
    if (result?.ok) {
      const to = `/family?added=${result.childId}`;
      if (c.var.htmx) {
        c.header('HX-Redirect', to);
        return c.body(null, 204);
      }
      return c.redirect(to, 303);
    }
    const errors = result && result.reason === 'invalid' ? result.errors : read.errors;
    return renderFamily(c, { values: read.values, errors: translateErrors(c.var.i18n, errors) }, 422);
  });

  async function renderChild(c: Context<AppEnv>, childId: number, form: FormState<ChildFormField> | null, status: 200 | 422, saved?: string) {
    const card = (await cards(c)).find((child) => child.id === childId);
    if (!card) return errorPage(c, 404);
    const options = await schoolOptions(c);
    const child = await family.child(c.var.user!.id, childId);
    const values: FormState<ChildFormField> = form ?? {
      errors: {},
      values: { name: card.name, school: String(child!.school_id), grade: String(card.grade), class: card.className ?? '' },
    };
    const chrome = chromeFor(c, `/children/${childId}`);
    return respond(
      c,
      {
        page: () => <ChildPage chrome={chrome} child={card} form={values} schools={options} saved={saved} />,
        fragment: () => <ChildForm i18n={c.var.i18n} action={`/children/${childId}`} form={values} schools={options} submit={c.var.i18n.t('family.saveChild')} saved={saved} />,
      },
      status,
    );
  }

  const childId = (c: Context<AppEnv>) => (/^\d{1,9}$/.test(c.req.param('id') ?? '') ? Number(c.req.param('id')) : null);

  app.get('/children/:id', parents, (c) => {
    const id = childId(c);
    return id === null ? errorPage(c, 404) : renderChild(c, id, null, 200);
  });

  app.post('/children/:id', parents, async (c) => {
    const id = childId(c);
    if (id === null) return errorPage(c, 404);
    const read = await readChild(c);
    const result = read.input ? await family.updateChild(c.var.user!.id, id, read.input) : null;
    if (result && !result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!read.input && !(await family.child(c.var.user!.id, id))) return errorPage(c, 404);
    if (result?.ok) return renderChild(c, id, null, 200, c.var.i18n.t('family.childSaved'));
    const errors = result && !result.ok && result.reason === 'invalid' ? result.errors : read.errors;
    return renderChild(c, id, { values: read.values, errors: translateErrors(c.var.i18n, errors) }, 422);
  });

  return app;
}
