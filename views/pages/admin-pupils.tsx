// A school's pupil list for its admins: search, one card per pupil (readable at 360 px), the add form, the edit
// page, and the confirmation pages for removing a pupil and promoting everyone a grade.
import type { I18n } from '../../src/kernel/messages.ts';
import type { ChildCheck } from '../../src/kernel/vocabulary.ts';
import type { Chrome, FormState } from '../chrome.ts';
import { Breadcrumb } from '../components/admin.tsx';
import { ErrorSummary, Field, Notice, Select } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import { ChildCheckControl } from './admin-child-check.tsx';

/** The form and CSV fields of a pupil (the public contract). */
export type PupilFormField = 'name' | 'number' | 'grade' | 'class';

export interface PupilRow {
  id: number;
  name: string;
  number: string;
  grade: number;
  className: string | null;
  bound: boolean;
}

export interface PupilSchool {
  id: number;
  name: string;
  grades: number[];
}

const listHref = (schoolId: number) => `/admin/schools/${schoolId}/pupils`;

export function PupilForm(props: { i18n: I18n; action: string; form: FormState<PupilFormField>; grades: number[]; submit: string; formId: string }) {
  const { t } = props.i18n;
  const { values, errors } = props.form;
  const id = (field: string) => `${props.formId}-${field}`;
  return (
    <form method="post" action={props.action} class="form" id={props.formId} hx-post={props.action} hx-target="this" hx-swap="outerHTML" novalidate>
      <ErrorSummary message={t('form.errorSummary')} errors={errors} ids={Object.fromEntries(Object.keys(errors).map((field) => [field, id(field)]))} />
      <Field id={id('name')} name="name" label={t('pupils.field.name')} value={values.name} error={errors.name} required maxlength={40} autocomplete="off" />
      <Field id={id('number')} name="number" label={t('pupils.field.number')} value={values.number} error={errors.number} required maxlength={30} autocomplete="off" />
      <Select
        id={id('grade')}
        name="grade"
        label={t('pupils.field.grade')}
        value={values.grade}
        error={errors.grade}
        required
        options={props.grades.map((grade) => ({ value: String(grade), label: t('pupils.gradeN', { grade }) }))}
      />
      <Field id={id('class')} name="class" label={t('pupils.field.class')} value={values.class} error={errors.class} maxlength={20} autocomplete="off" />
      <div class="form__actions">
        <button type="submit" class="button button--primary">
          {props.submit}
        </button>
      </div>
    </form>
  );
}

function PupilCard(props: { i18n: I18n; schoolId: number; pupil: PupilRow }) {
  const { t } = props.i18n;
  const { pupil } = props;
  return (
    <li class="pupil-card">
      <p class="pupil-card__name">
        <a href={`${listHref(props.schoolId)}/${pupil.id}`}>{pupil.name}</a>
        <span class={pupil.bound ? 'tag tag--open' : 'tag'}>{pupil.bound ? t('pupils.bound') : t('pupils.unbound')}</span>
      </p>
      <p class="pupil-card__facts">
        <span>
          {t('pupils.field.number')} <strong>{pupil.number}</strong>
        </span>{' '}
        <span>{t('pupils.gradeN', { grade: pupil.grade })}</span> {pupil.className ? <span>{pupil.className}</span> : null}
      </p>
    </li>
  );
}

export function PupilsPage(props: {
  chrome: Chrome;
  school: PupilSchool;
  list: { q: string; grade: string; className: string };
  pupils: PupilRow[];
  total: number;
  matching: number;
  page: number;
  pages: number;
  pageHref: (page: number) => string;
  done?: string | undefined;
  form: FormState<PupilFormField>;
  /** How the school checks children, and (when it checks them) how many are unmatched. */
  check: { mode: ChildCheck; unmatched: number | null };
}) {
  const { t } = props.chrome.i18n;
  const base = listHref(props.school.id);
  const filtered = props.list.q !== '' || props.list.grade !== '' || props.list.className !== '';
  return (
    <Layout chrome={props.chrome} title={`${props.school.name} · ${t('pupils.title')}`}>
      <Breadcrumb href={`/admin/schools/${props.school.id}`} label={props.school.name} />
      <h1>{t('pupils.title')}</h1>
      <p class="lead">{t('pupils.lead')}</p>
      {props.done ? <Notice kind="success">{props.done}</Notice> : null}
      <p class="manage__actions">
        <a class="button" href={`${base}/import`}>
          {t('pupils.import')}
        </a>
        <a class="button" href={`${base}.csv`}>
          {t('pupils.export')}
        </a>
      </p>
      <ChildCheckControl i18n={props.chrome.i18n} schoolId={props.school.id} mode={props.check.mode} unmatched={props.check.unmatched} />
      <div class="split">
        <section class="card">
          <form method="get" action={base} class="filters" role="search">
            <div class="filters__field filters__field--wide">
              <label for="pupil-q">{t('pupils.search')}</label>
              <input id="pupil-q" type="search" name="q" value={props.list.q} maxlength={40} />
            </div>
            <div class="filters__field">
              <label for="pupil-grade">{t('pupils.filter.grade')}</label>
              <select id="pupil-grade" name="grade">
                <option value="">{t('pupils.filter.allGrades')}</option>
                {props.school.grades.map((grade) => (
                  <option value={String(grade)} selected={props.list.grade === String(grade)}>
                    {t('pupils.gradeN', { grade })}
                  </option>
                ))}
              </select>
            </div>
            <div class="filters__field">
              <label for="pupil-class">{t('pupils.filter.class')}</label>
              <input id="pupil-class" type="text" name="class" value={props.list.className} maxlength={20} />
            </div>
            <div class="filters__actions">
              <button type="submit" class="button">
                {t('pupils.filter.submit')}
              </button>
              {filtered ? (
                <a class="filters__reset" href={base}>
                  {t('pupils.filter.reset')}
                </a>
              ) : null}
            </div>
          </form>
          <p class="results__count">{t('pupils.count', { total: props.total, matching: props.matching })}</p>
          {props.pupils.length === 0 ? (
            <p class="empty">{props.total === 0 ? t('pupils.empty') : t('pupils.noMatch')}</p>
          ) : (
            <ul class="pupil-list">
              {props.pupils.map((pupil) => (
                <PupilCard i18n={props.chrome.i18n} schoolId={props.school.id} pupil={pupil} />
              ))}
            </ul>
          )}
          {props.pages > 1 ? (
            <nav class="pager" aria-label={t('pupils.page', { page: props.page, pages: props.pages })}>
              {props.page > 1 ? <a href={props.pageHref(props.page - 1)}>{t('pupils.page.prev')}</a> : null}{' '}
              <span>{t('pupils.page', { page: props.page, pages: props.pages })}</span>{' '}
              {props.page < props.pages ? <a href={props.pageHref(props.page + 1)}>{t('pupils.page.next')}</a> : null}
            </nav>
          ) : null}
        </section>
        <div>
          <section class="card">
            <h2>{t('pupils.add')}</h2>
            <PupilForm i18n={props.chrome.i18n} action={base} form={props.form} grades={props.school.grades} submit={t('pupils.add')} formId="pupil-new" />
          </section>
          <section class="card">
            <h2>{t('pupils.promote')}</h2>
            <p>{t('pupils.promote.lead')}</p>
            <form method="post" action={`${base}/promote`}>
              <button type="submit" class="button">
                {t('pupils.promote')}
              </button>
            </form>
          </section>
        </div>
      </div>
    </Layout>
  );
}

export function PupilEditPage(props: {
  chrome: Chrome;
  school: PupilSchool;
  pupilId: number;
  name: string;
  form: FormState<PupilFormField>;
  /** The child a family (or the school) bound to this pupil, with the way to undo a wrong match. */
  boundChild?: { id: number; name: string } | null;
}) {
  const { t } = props.chrome.i18n;
  const action = `${listHref(props.school.id)}/${props.pupilId}`;
  return (
    <Layout chrome={props.chrome} title={t('pupils.editTitle', { name: props.name })}>
      <Breadcrumb href={listHref(props.school.id)} label={t('pupils.title')} />
      <h1>{t('pupils.editTitle', { name: props.name })}</h1>
      <section class="card">
        <PupilForm i18n={props.chrome.i18n} action={action} form={props.form} grades={props.school.grades} submit={t('pupils.save')} formId="pupil-edit" />
      </section>
      {props.boundChild ? (
        <section class="card">
          <p>{t('childCheck.boundTo', { child: props.boundChild.name })}</p>
          <form method="post" action={`/admin/schools/${props.school.id}/children/${props.boundChild.id}/pupil/unbind`}>
            <button type="submit" class="button">
              {t('childCheck.unbind')}
            </button>
          </form>
        </section>
      ) : null}
      <section class="card">
        <form method="post" action={`${action}/delete`}>
          <button type="submit" class="button">
            {t('pupils.remove')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** A yes/no page: the question, what follows, the confirming button (confirm=yes) and the way back. */
function ConfirmPage(props: { chrome: Chrome; school: PupilSchool; title: string; question: string; warning: string | null; action: string; confirm: string; back: string }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={props.title}>
      <Breadcrumb href={listHref(props.school.id)} label={t('pupils.title')} />
      <h1>{props.title}</h1>
      <section class="card">
        <p>{props.question}</p>
        {props.warning ? <Notice kind="info">{props.warning}</Notice> : null}
        <form method="post" action={props.action} class="form">
          <input type="hidden" name="confirm" value="yes" />
          <div class="form__actions">
            <button type="submit" class="button button--primary">
              {props.confirm}
            </button>{' '}
            <a href={props.back}>{t('pupils.cancel')}</a>
          </div>
        </form>
      </section>
    </Layout>
  );
}

export function RemovePupilPage(props: { chrome: Chrome; school: PupilSchool; pupil: { id: number; name: string; number: string }; boundChild: string | null }) {
  const { t } = props.chrome.i18n;
  const href = `${listHref(props.school.id)}/${props.pupil.id}`;
  return (
    <ConfirmPage
      chrome={props.chrome}
      school={props.school}
      title={t('pupils.remove')}
      question={t('pupils.remove.question', { name: props.pupil.name, number: props.pupil.number })}
      warning={props.boundChild === null ? null : t('pupils.remove.bound', { child: props.boundChild })}
      action={`${href}/delete`}
      confirm={t('pupils.remove.confirm')}
      back={href}
    />
  );
}

export function PromotePupilsPage(props: { chrome: Chrome; school: PupilSchool; moving: number; leaving: number; top: number }) {
  const { t } = props.chrome.i18n;
  const base = listHref(props.school.id);
  return (
    <ConfirmPage
      chrome={props.chrome}
      school={props.school}
      title={t('pupils.promote')}
      question={t('pupils.promote.question', { moving: props.moving, leaving: props.leaving, top: props.top })}
      warning={null}
      action={`${base}/promote`}
      confirm={t('pupils.promote.confirm')}
      back={base}
    />
  );
}
