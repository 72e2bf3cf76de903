// HTTP for accounts: /register, /login, /logout, /account (password, other devices), /admin/staff and ending someone's sessions.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { type FormState, emptyForm } from '../../views/chrome.ts';
import { AccountPage, type AccountSessions, PasswordForm, type PasswordField } from '../../views/pages/account.tsx';
import { LoginForm, LoginPage, type LoginField, RegisterForm, RegisterPage, type RegisterField } from '../../views/pages/auth.tsx';
import { EndSessionsPage, StaffPage, type StaffField, type StaffFormOptions } from '../../views/pages/staff.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { safeLocalPath } from '../http/local-path.ts';
import { rememberLangCookie } from '../i18n/i18n.middleware.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { type DeploymentFacts, clientAddress } from '../http/request-facts.ts';
import type { SchoolsService } from '../schools/schools.service.ts';
import { type AuthService, DEMO_LOGINS, DEMO_PASSWORD } from './auth.service.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { requireAdmin, requireUser, type SignedInEnv } from '../http/guards.ts';
import { ids } from '../http/validators.ts';
import { STAFF_ROLES, type StaffRole } from '../kernel/roles.ts';
import { clearSessionCookie, writeSessionCookie } from './session.middleware.ts';
import { parseId } from '../kernel/ids.ts';

const registerSchema = z.object({ name: textField(200), login: textField(320), password: textField(1024), next: textField(512, { optional: true }).optional() });
const loginSchema = z.object({ login: textField(320), password: textField(1024), next: textField(512, { optional: true }).optional() });
const passwordSchema = z.object({ current: textField(1024), password: textField(1024) });
const staffSchema = z.object({
  name: textField(200),
  login: textField(320),
  role: z.enum(STAFF_ROLES, { error: 'form.required' }),
  school: textField(20, { optional: true }).optional(),
});
const languageSchema = z.object({ lang: z.enum(['zh-CN', 'en'], { error: 'form.required' }), back: textField(512, { optional: true }).optional() });
const endSessionsSchema = z.object({ confirm: textField(10, { optional: true }).optional() });

export interface SessionSettings {
  sessionDays: number;
  staffIdleMinutes: number;
  sessionMaxDays: number;
}

/** After a successful form: a real redirect for browsers and scripts, HX-Redirect for htmx. */
function redirectAfterForm<E extends AppEnv>(c: Context<E>, to: string) {
  if (c.get('htmx')) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}

/** "Too many attempts, wait n minutes" for a throttled form, with Retry-After. */
function throttledRejection<E extends AppEnv>(c: Context<E>, retryAfterSeconds: number): Rejection {
  c.header('Retry-After', String(retryAfterSeconds));
  return { key: 'auth.login.throttled', params: { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) } };
}

export function authRoutes(deps: { auth: AuthService; schools: SchoolsService; facts: DeploymentFacts; sessionSettings: SessionSettings }) {
  const { auth, schools, facts, sessionSettings } = deps;
  const app = new Hono<AppEnv>();

  async function demoAccounts<E extends AppEnv>(c: Context<E>) {
    if (!(await auth.demoAccountsPresent())) return null;
    const { t } = c.get('i18n');
    return { password: DEMO_PASSWORD, accounts: DEMO_LOGINS.map((demo) => ({ login: demo.login, roleLabel: t(`role.${demo.role}`) })) };
  }

  async function renderLogin<E extends AppEnv>(c: Context<E>, form: FormState<LoginField>, status: 200 | 422 | 429, failure?: string, next?: string) {
    const chrome = chromeFor(c, next ? `/login?next=${encodeURIComponent(next)}` : '/login');
    const demo = c.get('htmx') ? null : await demoAccounts(c);
    return respond(
      c,
      {
        page: () => <LoginPage chrome={chrome} form={form} failure={failure} next={next} demo={demo} />,
        fragment: () => <LoginForm chrome={chrome} form={form} failure={failure} next={next} />,
      },
      status,
    );
  }

  app.get('/register', (c) => {
    const next = safeLocalPath(c.req.query('next'));
    if (c.get('user')) return c.redirect(next ?? '/', 303);
    return respond(c, { page: () => <RegisterPage chrome={chromeFor(c)} form={emptyForm()} next={next} /> });
  });

  app.post('/register', async (c) => {
    const parsed = await parseForm(c, registerSchema);
    const next = safeLocalPath(parsed.values.next);
    const outcome = parsed.ok ? await auth.register({ ...parsed.data, lang: c.get('i18n').lang, address: clientAddress(c, facts) }) : parsed;
    const throttled = !outcome.ok && 'reason' in outcome;
    const result = throttled ? { ok: false as const, errors: { login: throttledRejection(c, outcome.retryAfterSeconds) } } : outcome;
    if (result.ok) {
      const previous = c.get('sessionId');
      if (previous) await auth.logout(previous);
      writeSessionCookie(c, result.session);
      // Back to where the parent was going (the course), or a welcome whose first step is adding a child.
      return redirectAfterForm(c, next ?? '/family?welcome=1');
    }
    const errors = translateErrors(c.get('i18n'), result.errors);
    const form: FormState<RegisterField> = { values: { name: parsed.values.name, login: parsed.values.login }, errors };
    const chrome = chromeFor(c, next ? `/register?next=${encodeURIComponent(next)}` : '/register');
    return respond(
      c,
      { page: () => <RegisterPage chrome={chrome} form={form} next={next} />, fragment: () => <RegisterForm chrome={chrome} form={form} next={next} /> },
      throttled ? 429 : 422,
    );
  });

  app.get('/login', async (c) => {
    const next = safeLocalPath(c.req.query('next'));
    if (c.get('user')) return c.redirect(next ?? '/', 303);
    return renderLogin(c, emptyForm(), 200, undefined, next);
  });

  app.post('/login', async (c) => {
    const parsed = await parseForm(c, loginSchema);
    const next = safeLocalPath(parsed.values.next);
    const { t } = c.get('i18n');
    if (!parsed.ok) {
      const errors = translateErrors(c.get('i18n'), parsed.errors);
      return renderLogin(c, { values: { login: parsed.values.login }, errors }, 422, undefined, next);
    }
    const result = await auth.login({ login: parsed.data.login, password: parsed.data.password, address: clientAddress(c, facts) });
    if (result.ok) {
      // A new session id at every login; whatever session this browser had before ends now.
      const previous = c.get('sessionId');
      if (previous) await auth.logout(previous);
      writeSessionCookie(c, result.session);
      return redirectAfterForm(c, next ?? '/');
    }
    const values = { login: parsed.values.login };
    if (result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      const failure = t('auth.login.throttled', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) });
      return renderLogin(c, { values, errors: {} }, 429, failure, next);
    }
    return renderLogin(c, { values, errors: {} }, 422, t('auth.login.failed'), next);
  });

  app.post('/logout', async (c) => {
    const previous = c.get('sessionId');
    if (previous) await auth.logout(previous);
    clearSessionCookie(c);
    return redirectAfterForm(c, '/');
  });

  function accountDetails<E extends SignedInEnv>(c: Context<E>) {
    const user = c.get('user');
    const { t, lang } = c.get('i18n');
    return { name: user.name, login: user.login, roleLabel: t(`role.${user.role}`), schoolName: user.schoolName?.[lang] ?? null };
  }

  async function accountSessions<E extends SignedInEnv>(c: Context<E>, ended?: number): Promise<AccountSessions> {
    const staffHours = Math.round((sessionSettings.staffIdleMinutes / 60) * 10) / 10;
    return {
      count: await auth.sessionCount(c.get('user').id),
      ended,
      lifetime: { parentDays: sessionSettings.sessionDays, staffHours: c.get('i18n').format.number(staffHours), maxDays: sessionSettings.sessionMaxDays },
    };
  }

  app.get('/account', requireUser(), async (c) => {
    const sessions = await accountSessions(c);
    return respond(c, { page: () => <AccountPage chrome={chromeFor(c)} account={accountDetails(c)} sessions={sessions} form={emptyForm()} /> });
  });

  app.post('/account/sessions/end-others', requireUser(), async (c) => {
    const ended = await auth.endOtherSessions(c.get('user'), c.get('sessionId')!);
    const sessions = await accountSessions(c, ended);
    return respond(c, { page: () => <AccountPage chrome={chromeFor(c, '/account')} account={accountDetails(c)} sessions={sessions} form={emptyForm()} /> });
  });

  app.post('/account/password', requireUser(), async (c) => {
    const parsed = await parseForm(c, passwordSchema);
    const outcome = parsed.ok ? await auth.changePassword(c.get('user'), { ...parsed.data, address: clientAddress(c, facts) }) : parsed;
    const throttled = !outcome.ok && 'reason' in outcome;
    const result = throttled ? { ok: false as const, errors: { current: throttledRejection(c, outcome.retryAfterSeconds) } } : outcome;
    if (result.ok) writeSessionCookie(c, result.session);
    const sessions = c.get('htmx') ? null : await accountSessions(c);
    const form: FormState<PasswordField> = result.ok ? emptyForm() : { values: {}, errors: translateErrors(c.get('i18n'), result.errors) };
    const status = result.ok ? 200 : throttled ? 429 : 422;
    const chrome = chromeFor(c, '/account');
    const changed = result.ok;
    return respond(
      c,
      {
        page: () => <AccountPage chrome={chrome} account={accountDetails(c)} sessions={sessions!} form={form} changed={changed} />,
        fragment: () => <PasswordForm chrome={chrome} form={form} changed={changed} />,
      },
      status,
    );
  });

  // The account's language (what later messages are written in) and this browser's: a POST, never a GET's side effect.
  app.post('/account/language', requireUser(), async (c) => {
    const parsed = await parseForm(c, languageSchema);
    const back = (parsed.ok && safeLocalPath(parsed.data.back)) || '/account';
    if (!parsed.ok) return redirectAfterForm(c, back);
    await auth.setLanguage(c.get('user').id, parsed.data.lang);
    rememberLangCookie(c, parsed.data.lang);
    return redirectAfterForm(c, back);
  });

  const staffOnly = requireAdmin();

  async function staffFormOptions<E extends SignedInEnv>(c: Context<E>): Promise<StaffFormOptions> {
    const user = c.get('user');
    const { t, pick } = c.get('i18n');
    const roles: StaffRole[] = user.role === 'district_admin' ? [...STAFF_ROLES] : ['teacher'];
    const all = await schools.list();
    const visible = user.role === 'district_admin' ? all : all.filter((school) => school.id === user.schoolId);
    return {
      roles: roles.map((role) => ({ value: role, label: t(`role.${role}`) })),
      schools: [
        ...(user.role === 'district_admin' ? [{ value: '', label: '—' }] : []),
        ...visible.map((school) => ({ value: String(school.id), label: pick(school.name_zh, school.name_en) })),
      ],
    };
  }

  async function renderStaff<E extends SignedInEnv>(
    c: Context<E>,
    form: FormState<StaffField>,
    status: 200 | 201 | 422,
    created?: { name: string; temporaryPassword: string },
    notice?: string,
  ) {
    const { t, pick } = c.get('i18n');
    const rows = await auth.listStaff(c.get('user'));
    const staff = rows.map((row) => ({
      name: row.name,
      login: row.email ?? row.phone ?? '',
      roleLabel: t(`role.${row.role}`),
      schoolName: row.name_zh === null ? '—' : pick(row.name_zh, row.name_en),
      endSessionsHref: row.canEndSessions ? `/admin/users/${row.id}/sessions` : null,
    }));
    const options = await staffFormOptions(c);
    // No cache anywhere: the page can carry a first password.
    c.header('Cache-Control', 'no-store');
    return respond(c, { page: () => <StaffPage chrome={chromeFor(c, '/admin/staff')} staff={staff} form={form} options={options} created={created} notice={notice} /> }, status);
  }

  app.get('/admin/staff', staffOnly, (c) => renderStaff(c, emptyForm(), 200));

  app.post('/admin/staff', staffOnly, async (c) => {
    const parsed = await parseForm(c, staffSchema);
    const values = { name: parsed.values.name, login: parsed.values.login, role: parsed.values.role, school: parsed.values.school };
    if (!parsed.ok) return renderStaff(c, { values, errors: translateErrors(c.get('i18n'), parsed.errors) }, 422);
    const schoolText = parsed.data.school ?? '';
    const schoolId = parseId(schoolText);
    const result = await auth.openStaffAccount(c.get('user'), {
      name: parsed.data.name,
      login: parsed.data.login,
      role: parsed.data.role,
      schoolId,
    });
    if (!result.ok) return renderStaff(c, { values, errors: translateErrors(c.get('i18n'), result.errors) }, 422);
    return renderStaff(c, emptyForm(), 201, { name: parsed.data.name.trim(), temporaryPassword: result.temporaryPassword });
  });

  // Signing someone out everywhere: a confirm page, then the POST. Someone the admin may not act on is "not found".
  app.get('/admin/users/:id/sessions', staffOnly, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const target = await auth.sessionsTarget(c.get('user'), id);
    if (!target) return errorPage(c, 404);
    c.header('Cache-Control', 'no-store');
    const refusal = target.decision === 'self' ? c.get('i18n').t('sessions.admin.self') : undefined;
    return respond(c, { page: () => <EndSessionsPage chrome={chromeFor(c)} target={target} refusal={refusal} /> });
  });

  app.post('/admin/users/:id/sessions/end', staffOnly, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const parsed = await parseForm(c, endSessionsSchema);
    // Only the confirm page's button says yes; anything else goes to that page first, and nothing ends.
    if (!parsed.ok || parsed.data.confirm !== 'yes') {
      const target = await auth.sessionsTarget(c.get('user'), id);
      return target ? redirectAfterForm(c, `/admin/users/${id}/sessions`) : errorPage(c, 404);
    }
    const result = await auth.endSessionsFor(c.get('user'), id);
    if (!result.ok) {
      if (result.reason === 'notFound') return errorPage(c, 404);
      const target = (await auth.sessionsTarget(c.get('user'), id))!;
      return respond(c, { page: () => <EndSessionsPage chrome={chromeFor(c)} target={target} refusal={c.get('i18n').t('sessions.admin.self')} /> }, 422);
    }
    return renderStaff(c, emptyForm(), 200, undefined, c.get('i18n').t('sessions.admin.ended', { name: result.name, count: result.ended }));
  });

  return app;
}
