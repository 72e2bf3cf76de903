// Term administration pages: the schools an admin manages, a school's terms, a term with its offerings and form.
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome, FormState } from '../chrome.ts';
import { Breadcrumb, type OfferingStatusName, StatusTag } from '../components/admin.tsx';
import { ErrorSummary, Field, Notice, Select, TextArea } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export type TermFormField = 'name_zh' | 'name_en' | 'first_day' | 'last_day' | 'holidays' | 'opens_at' | 'closes_at' | 'mode' | 'course_limit' | 'choice_limit';

export function AdminSchoolsPage(props: { chrome: Chrome; schools: { id: number; name: string; kindLabel: string }[]; district?: boolean }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('admin.title')}>
      <h1>{t('admin.title')}</h1>
      {props.district ? (
        <p class="manage__actions">
          <a class="button" href="/admin/district">
            {t('district.link')}
          </a>
          <a class="button" href="/admin/district/teacher-hours">
            {t('hours.link')}
          </a>
        </p>
      ) : null}
      <ul class="link-list">
        {props.schools.map((school) => (
          <li>
            <a href={`/admin/schools/${school.id}`}>{school.name}</a> <span class="tag">{school.kindLabel}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function TermForm(props: { i18n: I18n; action: string; form: FormState<TermFormField>; submit: string; saved?: string | undefined }) {
  const { t } = props.i18n;
  const { values, errors } = props.form;
  const id = (field: string) => `term-${field}`;
  return (
    <form method="post" action={props.action} class="form form--grid" id="term-form" hx-post={props.action} hx-target="this" hx-swap="outerHTML" novalidate>
      {props.saved ? <Notice kind="success">{props.saved}</Notice> : null}
      <ErrorSummary message={t('form.errorSummary')} errors={errors} ids={Object.fromEntries(Object.keys(errors).map((field) => [field, id(field)]))} />
      <Field id={id('name_zh')} name="name_zh" label={t('term.field.nameZh')} value={values.name_zh} error={errors.name_zh} required maxlength={60} />
      <Field id={id('name_en')} name="name_en" label={t('term.field.nameEn')} value={values.name_en} error={errors.name_en} maxlength={80} />
      <Field id={id('first_day')} name="first_day" type="date" label={t('term.field.firstDay')} value={values.first_day} error={errors.first_day} required />
      <Field id={id('last_day')} name="last_day" type="date" label={t('term.field.lastDay')} value={values.last_day} error={errors.last_day} required />
      <Field id={id('opens_at')} name="opens_at" type="datetime-local" label={t('term.field.opensAt')} value={values.opens_at} error={errors.opens_at} required />
      <Field id={id('closes_at')} name="closes_at" type="datetime-local" label={t('term.field.closesAt')} value={values.closes_at} error={errors.closes_at} required />
      <Select
        id={id('mode')}
        name="mode"
        label={t('term.field.mode')}
        value={values.mode}
        error={errors.mode}
        options={[
          { value: 'first_come', label: t('catalogue.mode.first_come') },
          { value: 'lottery', label: t('catalogue.mode.lottery') },
        ]}
      />
      <Field id={id('course_limit')} name="course_limit" type="number" min={1} max={20} label={t('term.field.courseLimit')} value={values.course_limit} error={errors.course_limit} required />
      <Field id={id('choice_limit')} name="choice_limit" type="number" min={1} max={10} label={t('term.field.choiceLimit')} value={values.choice_limit} error={errors.choice_limit} required />
      <TextArea id={id('holidays')} name="holidays" label={t('term.field.holidays')} value={values.holidays} error={errors.holidays} rows={4} maxlength={4000} />
      <div class="form__actions">
        <button type="submit" class="button button--primary">
          {props.submit}
        </button>
      </div>
    </form>
  );
}

export function SchoolTermsPage(props: {
  chrome: Chrome;
  schoolId: number;
  schoolName: string;
  terms: { id: number; name: string; firstDay: string; lastDay: string; mode: 'first_come' | 'lottery' }[];
  form: FormState<TermFormField>;
}) {
  const { t, format } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={`${props.schoolName} · ${t('admin.terms')}`}>
      <h1>{props.schoolName}</h1>
      <p class="manage__actions">
        <a class="button" href={`/admin/schools/${props.schoolId}/pupils`}>
          {t('pupils.link')}
        </a>{' '}
        <a class="button" href={`/admin/schools/${props.schoolId}/teacher-hours`}>
          {t('hours.link')}
        </a>
      </p>
      <div class="split">
        <section class="card">
          <h2>{t('admin.terms')}</h2>
          {props.terms.length === 0 ? (
            <p>{t('admin.noTerms')}</p>
          ) : (
            <ul class="link-list">
              {props.terms.map((term) => (
                <li>
                  <a href={`/admin/terms/${term.id}`}>{term.name}</a>
                  <span class="muted">
                    {' '}
                    {format.day(term.firstDay)} – {format.day(term.lastDay)} · {t(`catalogue.mode.${term.mode}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card">
          <h2>{t('admin.newTerm')}</h2>
          <TermForm i18n={props.chrome.i18n} action={`/admin/schools/${props.schoolId}/terms`} form={props.form} submit={t('admin.newTerm')} />
        </section>
      </div>
    </Layout>
  );
}

export interface OfferingRow {
  id: number;
  code: string;
  title: string;
  teacher: string | null;
  taken: number;
  capacity: number;
  status: OfferingStatusName;
}

export function TermPage(props: {
  chrome: Chrome;
  termId: number;
  schoolId: number;
  schoolName: string;
  termName: string;
  form: FormState<TermFormField>;
  saved?: string | undefined;
  offerings: OfferingRow[];
  total: number;
  list: { q: string; sort: string };
}) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={props.termName}>
      <Breadcrumb href={`/admin/schools/${props.schoolId}`} label={props.schoolName} />
      <h1>{props.termName}</h1>
      <section class="card">
        <div class="card__head">
          <h2>{t('admin.offerings')}</h2>
          <span class="manage__actions">
            <a class="button" href={`/admin/terms/${props.termId}/import`}>
              {t('csv.title')}
            </a>
            <a class="button" href={`/admin/terms/${props.termId}/attendance`}>
              {t('report.link')}
            </a>
            <a class="button button--primary" href={`/admin/terms/${props.termId}/offerings/new`}>
              {t('admin.newOffering')}
            </a>
          </span>
        </div>
        <form method="get" action={`/admin/terms/${props.termId}`} class="inline-form" role="search">
          <label for="offering-q">{t('admin.search')}</label>
          <input id="offering-q" type="search" name="q" value={props.list.q} maxlength={100} />
          <label for="offering-sort">{t('admin.sort')}</label>
          <select id="offering-sort" name="sort">
            {(['code', 'title', 'fill'] as const).map((sort) => (
              <option value={sort} selected={props.list.sort === sort}>
                {t(`admin.sort.${sort}`)}
              </option>
            ))}
          </select>
          <button type="submit" class="button">
            {t('catalogue.filter.submit')}
          </button>
        </form>
        <p class="results__count">{t('catalogue.count', { shown: props.offerings.length, total: props.total })}</p>
        {props.offerings.length === 0 ? (
          <p>{t('admin.noOfferings')}</p>
        ) : (
          <div class="table-scroll" tabindex={0} role="region" aria-label={t('admin.title')}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.column.code')}</th>
                  <th scope="col">{t('admin.column.title')}</th>
                  <th scope="col">{t('admin.column.teacher')}</th>
                  <th scope="col">{t('admin.column.seats')}</th>
                  <th scope="col">{t('admin.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {props.offerings.map((row) => (
                  <tr>
                    <td>{row.code}</td>
                    <td>
                      <a href={`/admin/offerings/${row.id}`}>{row.title}</a>
                    </td>
                    <td>{row.teacher ?? t('admin.noTeacher')}</td>
                    <td>
                      {row.taken} / {row.capacity}{' '}
                      <a href={`/offerings/${row.id}/roster`} aria-label={t('roster.linkFor', { title: row.title })}>
                        {t('roster.link')}
                      </a>
                    </td>
                    <td>
                      <StatusTag i18n={props.chrome.i18n} status={row.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card">
        <h2>{t('admin.editTerm')}</h2>
        <TermForm i18n={props.chrome.i18n} action={`/admin/terms/${props.termId}`} form={props.form} submit={t('admin.saveTerm')} saved={props.saved} />
      </section>
    </Layout>
  );
}
