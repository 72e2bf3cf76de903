// HTTP for a parent's children: /family (with each child's week and the join-by-code form), POST /children and
// POST /family/join; the child's own pages (child.routes.tsx) and its calendar feed (calendar-feed.routes.ts)
// are mounted here too. Parse, call the service, render.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { FormState } from '../../views/chrome.ts';
import type { Message } from '../../views/pages/family/common.tsx';
import { FamilyPage } from '../../views/pages/family/family-page.tsx';
import { ChildForm, type ChildFormField, JoinForm, type JoinFormField, PupilNumberField } from '../../views/pages/family/forms.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { requireRole } from '../http/guards.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import type { DeploymentFacts } from '../http/request-facts.ts';
import type { Languages } from '../kernel/messages.ts';
import type { SchoolsService } from '../schools/schools.service.ts';
import { calendarFeedRoutes } from './calendar-feed.routes.ts';
import type { CareService } from './care.service.ts';
import { type ChildPageSources, childRoutes } from './child.routes.tsx';
import { CONSENT_VERSION, consentProblem } from './consent.policy.ts';
import type { FamilyService, JoinResult } from './family.service.ts';
import { familyViews, pupilThrottled, readChild, redirect } from './family.views.ts';

const joinSchema = z.object({ code: textField(40), consent: textField(40, { optional: true }).optional() });

export function familyRoutes(deps: { family: FamilyService; care: CareService; schools: SchoolsService; sources: ChildPageSources; facts?: DeploymentFacts; timeZone?: string; languages: Languages }) {
  const { family } = deps;
  const views = familyViews(deps);
  const app = new Hono<AppEnv>();
  const parents = requireRole(['parent'], (c, status) => errorPage(c, status));

  async function renderFamily<E extends AppEnv>(
    c: Context<E>,
    userId: number,
    state: { form?: FormState<ChildFormField>; join?: FormState<JoinFormField>; joinMessage?: Message; added?: string; notice?: Message },
    status: 200 | 422 | 429,
    fragment: 'child' | 'join' = 'child',
  ) {
    const [children, options] = await Promise.all([views.cards(c, userId), views.schoolOptions(c)]);
    const weeks = await Promise.all(children.map((child) => family.week(userId, child.id)));
    const withWeeks = children.map((child, index) => ({ ...child, week: views.weekView(c, weeks[index]!) }));
    const chrome = chromeFor(c, '/family');
    const i18n = c.get('i18n');
    const form = state.form ?? { values: {}, errors: {} };
    const join = state.join ?? { values: {}, errors: {} };
    return respond(
      c,
      {
        page: () => (
          <FamilyPage
            chrome={chrome}
            childList={withWeeks}
            form={form}
            join={join}
            joinMessage={state.joinMessage}
            schools={options}
            consentVersion={CONSENT_VERSION}
            added={state.added}
            notice={state.notice}
          />
        ),
        fragment: () =>
          fragment === 'join' ? (
            <JoinForm i18n={i18n} form={join} message={state.joinMessage} consentVersion={CONSENT_VERSION} />
          ) : (
            <ChildForm i18n={i18n} action="/children" form={form} schools={options} submit={i18n.t('family.addChild')} consentVersion={CONSENT_VERSION} />
          ),
      },
      status,
    );
  }

  app.get('/family', parents, async (c) => {
    const userId = c.get('user').id;
    const addedId = Number(c.req.query('added'));
    const added = Number.isInteger(addedId) && addedId > 0 ? await family.child(userId, addedId) : undefined;
    const left = c.req.query('left') === '1' ? ({ kind: 'info', text: c.get('i18n').t('family.left') } as const) : undefined;
    return renderFamily(c, userId, { ...(added ? { added: c.get('i18n').t('family.childAdded', { name: added.name }) } : {}), ...(left ? { notice: left } : {}) }, 200);
  });

  /** The child form's school select swaps this in: the pupil number field, for a school that checks its pupil list. */
  app.get('/children/pupil-field', parents, async (c) => {
    const school = c.req.query('school') ?? '';
    const options = await views.schoolOptions(c);
    return c.html(<PupilNumberField i18n={c.get('i18n')} shown={options.some((option) => option.value === school && option.checksPupils)} />);
  });

  app.post('/children', parents, async (c) => {
    const userId = c.get('user').id;
    const read = await readChild(c);
    const result = read.input ? await family.addChild(userId, read.input, read.consent) : null;
    if (result?.ok) return redirect(c, `/family?added=${result.childId}`);
    if (result?.reason === 'throttled') return renderFamily(c, userId, { form: { values: read.values, errors: { pupil_number: pupilThrottled(c, result.retryAfterSeconds) } } }, 429);
    // A form that failed to parse still says whether the consent box was ticked, so every problem shows at once.
    const consent = consentProblem(read.consent);
    const errors = result && result.reason === 'invalid' ? result.errors : { ...read.errors, ...(consent ? { consent } : {}) };
    return renderFamily(c, userId, { form: { values: read.values, errors: translateErrors(c.get('i18n'), errors) } }, 422);
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
    const userId = c.get('user').id;
    const parsed = await parseForm(c, joinSchema);
    if (!parsed.ok) {
      const consent = consentProblem(parsed.values.consent);
      return renderFamily(c, userId, { join: { values: parsed.values, errors: translateErrors(c.get('i18n'), { ...parsed.errors, ...(consent ? { consent } : {}) }) } }, 422, 'join');
    }
    const result = await family.joinWithCode(userId, parsed.data.code, parsed.data.consent);
    if (result.ok) return redirect(c, `/children/${result.childId}?joined=1`);
    if (result.reason === 'consent') {
      return renderFamily(c, userId, { join: { values: parsed.values, errors: translateErrors(c.get('i18n'), { consent: result.problem }) } }, 422, 'join');
    }
    const refusal = joinRefusal(c, result);
    const join = { values: refusal.error ? parsed.values : {}, errors: refusal.error ? { code: refusal.error } : {} };
    return renderFamily(c, userId, { join, ...(refusal.message ? { joinMessage: refusal.message } : {}) }, refusal.status, 'join');
  });

  app.route('/', childRoutes({ family, care: deps.care, views, sources: deps.sources, ...(deps.facts ? { facts: deps.facts } : {}) }));
  app.route('/', calendarFeedRoutes({ family, languages: deps.languages, timeZone: deps.timeZone ?? 'Asia/Shanghai' }));
  return app;
}
