// Login and parent registration pages; the forms re-render in place with their errors.
import type { Chrome, FormState } from '../chrome.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export type LoginField = 'login' | 'password';
export type RegisterField = 'name' | 'login' | 'password';

/** The other auth page's address, carrying the page the parent was going to. */
function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

export interface DemoAccounts {
  password: string;
  accounts: { login: string; roleLabel: string }[];
}

export function LoginForm(props: { chrome: Chrome; form: FormState<LoginField>; failure?: string | undefined; next?: string | undefined }) {
  const { t } = props.chrome.i18n;
  return (
    <form method="post" action="/login" class="form" id="login-form" hx-post="/login" hx-target="this" hx-swap="outerHTML" novalidate>
      {props.failure ? <Notice kind="error">{props.failure}</Notice> : null}
      {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
      <Field
        id="login-login"
        name="login"
        label={t('auth.field.login')}
        type="text"
        inputmode="email"
        autocomplete="username"
        value={props.form.values.login}
        error={props.form.errors.login}
        required
        maxlength={254}
      />
      <Field
        id="login-password"
        name="password"
        label={t('auth.field.password')}
        type="password"
        autocomplete="current-password"
        error={props.form.errors.password}
        required
      />
      <button type="submit" class="button button--primary button--block">
        {t('auth.login.submit')}
      </button>
    </form>
  );
}

export function LoginPage(props: {
  chrome: Chrome;
  form: FormState<LoginField>;
  failure?: string | undefined;
  next?: string | undefined;
  demo: DemoAccounts | null;
}) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('auth.login.title')} narrow>
      <section class="card">
        <h1>{t('auth.login.title')}</h1>
        <p class="lead">{t('auth.login.lead')}</p>
        <LoginForm chrome={props.chrome} form={props.form} failure={props.failure} next={props.next} />
        <p class="form-aside">
          {t('auth.login.noAccount')} <a href={withNext('/register', props.next)}>{t('auth.login.registerLink')}</a>
        </p>
      </section>
      {props.demo ? (
        <section class="card card--muted demo-accounts" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('auth.login.demoTitle')}</h2>
          <p>
            {t('auth.login.demoLead')} 
            <code>{props.demo.password}</code>
          </p>
          <ul>
            {props.demo.accounts.map((account) => (
              <li>
                <span class="demo-accounts__role">{account.roleLabel}</span> <code>{account.login}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

export function RegisterForm(props: { chrome: Chrome; form: FormState<RegisterField>; next?: string | undefined }) {
  const { t } = props.chrome.i18n;
  const { values, errors } = props.form;
  return (
    <form method="post" action="/register" class="form" id="register-form" hx-post="/register" hx-target="this" hx-swap="outerHTML" novalidate>
      {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
      <ErrorSummary
        message={t('form.errorSummary')}
        errors={errors}
        ids={{ name: 'register-name', login: 'register-login', password: 'register-password' }}
      />
      <Field
        id="register-name"
        name="name"
        label={t('auth.field.name')}
        hint={t('auth.field.nameHint')}
        autocomplete="name"
        value={values.name}
        error={errors.name}
        required
        maxlength={40}
      />
      <Field
        id="register-login"
        name="login"
        label={t('auth.field.login')}
        hint={t('auth.field.loginHint')}
        inputmode="email"
        autocomplete="username"
        value={values.login}
        error={errors.login}
        required
        maxlength={254}
      />
      <Field
        id="register-password"
        name="password"
        label={t('auth.field.password')}
        hint={t('auth.field.passwordHint')}
        type="password"
        autocomplete="new-password"
        error={errors.password}
        required
      />
      <button type="submit" class="button button--primary button--block">
        {t('auth.register.submit')}
      </button>
    </form>
  );
}

export function RegisterPage(props: { chrome: Chrome; form: FormState<RegisterField>; next?: string | undefined }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('auth.register.title')} narrow>
      <section class="card">
        <h1>{t('auth.register.title')}</h1>
        <p class="lead">{t('auth.register.lead')}</p>
        <RegisterForm chrome={props.chrome} form={props.form} next={props.next} />
        <p class="form-aside">
          {t('auth.register.haveAccount')} <a href={withNext('/login', props.next)}>{t('auth.register.loginLink')}</a>
        </p>
      </section>
    </Layout>
  );
}
