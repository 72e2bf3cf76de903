// "My account": who you are, where you are signed in ("log out everywhere else"), and the change-password form.
import type { Chrome, FormState } from '../chrome.ts';
import { Field, Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export type PasswordField = 'current' | 'password';

export interface AccountDetails {
  name: string;
  login: string;
  roleLabel: string;
  schoolName: string | null;
}

export function PasswordForm(props: { chrome: Chrome; form: FormState<PasswordField>; changed?: boolean }) {
  const { t } = props.chrome.i18n;
  return (
    <form method="post" action="/account/password" class="form" id="password-form" hx-post="/account/password" hx-target="this" hx-swap="outerHTML" novalidate>
      {props.changed ? <Notice kind="success">{t('account.passwordChanged')}</Notice> : null}
      <Field
        id="password-current"
        name="current"
        label={t('account.currentPassword')}
        type="password"
        autocomplete="current-password"
        error={props.form.errors.current}
        required
      />
      <Field
        id="password-new"
        name="password"
        label={t('account.newPassword')}
        hint={t('auth.field.passwordHint')}
        type="password"
        autocomplete="new-password"
        error={props.form.errors.password}
        required
      />
      <button type="submit" class="button button--primary">
        {t('account.submitPassword')}
      </button>
    </form>
  );
}

export interface AccountSessions {
  /** Sessions of this user, this one included. */
  count: number;
  /** Set right after "log out everywhere else": how many ended. */
  ended?: number | undefined;
  lifetime: { parentDays: number; staffHours: string; maxDays: number };
}

export function SessionsSection(props: { chrome: Chrome; sessions: AccountSessions }) {
  const { t } = props.chrome.i18n;
  const { sessions } = props;
  return (
    <section class="card" id="sessions">
      <h2>{t('sessions.account.title')}</h2>
      {sessions.ended !== undefined ? <Notice kind="success">{t('sessions.account.ended', { count: sessions.ended })}</Notice> : null}
      <p>{t('sessions.account.count', { count: sessions.count })}</p>
      <p class="hint">{t('sessions.account.lifetime', sessions.lifetime)}</p>
      {sessions.count > 1 ? (
        <form method="post" action="/account/sessions/end-others" class="form">
          <button type="submit" class="button">
            {t('sessions.account.endOthers')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function AccountPage(props: { chrome: Chrome; account: AccountDetails; sessions: AccountSessions; form: FormState<PasswordField>; changed?: boolean }) {
  const { t } = props.chrome.i18n;
  const { account } = props;
  return (
    <Layout chrome={props.chrome} title={t('account.title')} narrow>
      <h1>{t('account.title')}</h1>
      <section class="card">
        <h2>{t('account.details')}</h2>
        <dl class="details">
          <dt>{t('auth.field.name')}</dt>
          <dd>{account.name}</dd>
          <dt>{t('auth.field.login')}</dt>
          <dd>{account.login}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{account.roleLabel}</dd>
          {account.schoolName ? (
            <>
              <dt>{t('account.school')}</dt>
              <dd>{account.schoolName}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <SessionsSection chrome={props.chrome} sessions={props.sessions} />
      <section class="card">
        <h2>{t('account.changePassword')}</h2>
        <PasswordForm chrome={props.chrome} form={props.form} changed={props.changed} />
      </section>
    </Layout>
  );
}
