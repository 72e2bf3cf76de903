// Staff accounts: the list for an admin's scope and the form that opens a new account.
import type { Chrome, FormState } from '../chrome.ts';
import { ErrorSummary, Field, Notice, Select } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export type StaffField = 'name' | 'login' | 'role' | 'school';

export interface StaffRow {
  name: string;
  login: string;
  roleLabel: string;
  schoolName: string;
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
}) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('staff.title')}>
      <h1>{t('staff.title')}</h1>
      <p class="lead">{t('staff.lead')}</p>
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
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('staff.column.name')}</th>
                    <th scope="col">{t('staff.column.login')}</th>
                    <th scope="col">{t('staff.column.role')}</th>
                    <th scope="col">{t('staff.column.school')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.staff.map((row) => (
                    <tr>
                      <td>{row.name}</td>
                      <td>{row.login}</td>
                      <td>{row.roleLabel}</td>
                      <td>{row.schoolName}</td>
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
