// "My family": a parent's children, the form that adds one, and the page that edits one.
import type { I18n } from '../../src/i18n/i18n.ts';
import type { Chrome, FormState } from '../chrome.ts';
import { ErrorSummary, Field, Notice, Select } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export type ChildFormField = 'name' | 'school' | 'grade' | 'class';

export interface ChildCard {
  id: number;
  name: string;
  schoolName: string;
  schoolSlug: string;
  grade: number;
  className: string | null;
}

export interface SchoolOption {
  value: string;
  label: string;
}

export function ChildForm(props: { i18n: I18n; action: string; form: FormState<ChildFormField>; schools: SchoolOption[]; submit: string; saved?: string | undefined }) {
  const { t } = props.i18n;
  const { values, errors } = props.form;
  const grades = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('family.gradeN', { grade: i + 1 }) }));
  return (
    <form method="post" action={props.action} class="form" id="child-form" hx-post={props.action} hx-target="this" hx-swap="outerHTML" novalidate>
      {props.saved ? <Notice kind="success">{props.saved}</Notice> : null}
      <ErrorSummary message={t('form.errorSummary')} errors={errors} ids={{ name: 'child-name', school: 'child-school', grade: 'child-grade', class: 'child-class' }} />
      <Field id="child-name" name="name" label={t('family.field.name')} value={values.name} error={errors.name} required maxlength={40} autocomplete="off" />
      <Select id="child-school" name="school" label={t('family.field.school')} value={values.school} error={errors.school} options={[{ value: '', label: '—' }, ...props.schools]} required />
      <Select id="child-grade" name="grade" label={t('family.field.grade')} value={values.grade} error={errors.grade} options={grades} required />
      <Field id="child-class" name="class" label={t('family.field.class')} hint={t('family.field.classHint')} value={values.class} error={errors.class} maxlength={20} />
      <button type="submit" class="button button--primary">
        {props.submit}
      </button>
    </form>
  );
}

export function FamilyPage(props: { chrome: Chrome; children: ChildCard[]; form: FormState<ChildFormField>; schools: SchoolOption[]; added?: string | undefined }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('family.title')}>
      <h1>{t('family.title')}</h1>
      <p class="lead">{t('family.lead')}</p>
      {props.added ? <Notice kind="success">{props.added}</Notice> : null}
      <div class="split">
        <section class="card">
          <h2>{t('family.children')}</h2>
          {props.children.length === 0 ? (
            <p>{t('family.noChildren')}</p>
          ) : (
            <ul class="child-list">
              {props.children.map((child) => (
                <li class="child-card">
                  <h3>
                    <a href={`/children/${child.id}`}>{child.name}</a>
                  </h3>
                  <p class="muted">
                    {child.schoolName} · {t('family.gradeN', { grade: child.grade })}
                    {child.className ? ` · ${child.className}` : ''}
                  </p>
                  <p>
                    <a href={`/s/${child.schoolSlug}?grade=${child.grade}`}>{t('family.browse', { school: child.schoolName })}</a>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card">
          <h2>{t('family.addChild')}</h2>
          <ChildForm i18n={props.chrome.i18n} action="/children" form={props.form} schools={props.schools} submit={t('family.addChild')} />
        </section>
      </div>
    </Layout>
  );
}

export function ChildPage(props: { chrome: Chrome; child: ChildCard; form: FormState<ChildFormField>; schools: SchoolOption[]; saved?: string | undefined }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={props.child.name} narrow>
      <p class="breadcrumb">
        <a href="/family">← {t('family.title')}</a>
      </p>
      <h1>{props.child.name}</h1>
      <p>
        <a href={`/s/${props.child.schoolSlug}?grade=${props.child.grade}`}>{t('family.browse', { school: props.child.schoolName })}</a>
      </p>
      <section class="card">
        <h2>{t('family.editChild')}</h2>
        <ChildForm
          i18n={props.chrome.i18n}
          action={`/children/${props.child.id}`}
          form={props.form}
          schools={props.schools}
          submit={t('family.saveChild')}
          saved={props.saved}
        />
      </section>
    </Layout>
  );
}
