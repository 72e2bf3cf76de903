// Staff accounts: the list for an admin's scope, the form that opens a new account, and signing someone out everywhere.
import type { Chrome, FormState } from '../chrome.ts';
import { ErrorSummary, Field, Notice, Select } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export type StaffField = 'name' | 'login' | 'role' | 'school';

export interface StaffRow {
  name: string;
  login: string;
  roleLabel: string;
  schoolName: string;
  /** Where to confirm ending this person's sessions, when the admin may. */
  endSessionsHref: string | null;
}

export interface StaffFormOptions {
  roles: { value: string; label: string }[];
  schools: { value: string; label: string }[];
}

export function StaffForm(props: {
  chrome: Chrome;
  form: FormState<StaffField>;
  options: StaffFormOptions;
  created?: { name: string; temporaryPassword: string } | undefined;
}) {
  const { t } = props.chrome.i18n;
  const { values, errors } = props.form;
  return (
    <form method="post" action="/admin/staff" class="form" id="staff-form" novalidate>
      {props.created ? (
        <Notice kind="success">
          <p>
            {t('staff.created', { name: props.created.name })} <code class="secret">{props.created.temporaryPassword}</code>
          </p>
          <p>{t('staff.createdHint')}</p>
        </Notice>
      ) : null}
      <ErrorSummary
        message={t('form.errorSummary')}
        errors={errors}
        ids={{ name: 'staff-name', login: 'staff-login', role: 'staff-role', school: 'staff-school' }}
      />
      <Field id="staff-name" name="name" label={t('auth.field.name')} value={values.name} error={errors.name} required maxlength={40} />
      <Field
        id="staff-login"
        name="login"
        label={t('auth.field.login')}
        hint={t('auth.field.loginHint')}
        value={values.login}
        error={errors.login}
        required
        maxlength={254}
      />
      <Select id="staff-role" name="role" label={t('auth.field.role')} options={props.options.roles} value={values.role} error={errors.role} required />
      <Select
        id="staff-school"
        name="school"
        label={t('auth.field.school')}
        options={props.options.schools}
        value={values.school}
        error={errors.school}
      />
      <button type="submit" class="button button--primary">
        {t('staff.submit')}
      </button>
    </form>
  );
}

export function StaffPage(props: {
  chrome: Chrome;
  staff: StaffRow[];
  form: FormState<StaffField>;
  options: StaffFormOptions;
  created?: { name: string; temporaryPassword: string } | undefined;
  /** A success line after signing someone out everywhere. */
  notice?: string | undefined;
}) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('staff.title')}>
      <h1>{t('staff.title')}</h1>
      <p class="lead">{t('staff.lead')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <div class="split">
        <section class="card">
          <h2>{t('staff.create')}</h2>
          <StaffForm chrome={props.chrome} form={props.form} options={props.options} created={props.created} />
        </section>
        <section class="card">
          <h2>{t('staff.list')}</h2>
          {props.staff.length === 0 ? (
            <p>{t('staff.empty')}</p>
          ) : (
            <div class="table-scroll" tabindex={0} role="region" aria-label={t('staff.list')}>
              <table class="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('staff.column.name')}</th>
                    <th scope="col">{t('staff.column.login')}</th>
                    <th scope="col">{t('staff.column.role')}</th>
                    <th scope="col">{t('staff.column.school')}</th>
                    <th scope="col">{t('sessions.admin.column')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.staff.map((row) => (
                    <tr>
                      <th scope="row" class="table__name" data-label={t('staff.column.name')}>
                        {row.name}
                      </th>
                      <td data-label={t('staff.column.login')}>{row.login}</td>
                      <td data-label={t('staff.column.role')}>{row.roleLabel}</td>
                      <td data-label={t('staff.column.school')}>{row.schoolName}</td>
                      <td data-label={t('sessions.admin.column')}>{row.endSessionsHref ? <a href={row.endSessionsHref}>{t('sessions.admin.action')}</a> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </Layout>
  );
}

/** The confirm step before an admin signs someone out on every device. */
export function EndSessionsPage(props: {
  chrome: Chrome;
  target: { id: number; name: string; login: string; sessions: number };
  /** Set when the admin opened their own account: they are pointed to the account page instead. */
  refusal?: string | undefined;
}) {
  const { t } = props.chrome.i18n;
  const { target } = props;
  return (
    <Layout chrome={props.chrome} title={t('sessions.admin.confirmTitle', { name: target.name })} narrow>
      <h1>{t('sessions.admin.confirmTitle', { name: target.name })}</h1>
      {props.refusal ? (
        <Notice kind="error">
          <p>{props.refusal}</p>
          <p>
            <a href="/account#sessions">{t('nav.account')}</a>
          </p>
        </Notice>
      ) : (
        <section class="card">
          <p>{t('sessions.admin.confirmBody', { name: target.name, login: target.login, count: target.sessions })}</p>
          <p class="hint">{t('sessions.admin.confirmHint')}</p>
          <form method="post" action={`/admin/users/${target.id}/sessions/end`} class="form">
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" class="button button--primary">
              {t('sessions.admin.confirm')}
            </button>{' '}
            <a class="button" href="/admin/staff">
              {t('sessions.admin.cancel')}
            </a>
          </form>
        </section>
      )}
    </Layout>
  );
}
