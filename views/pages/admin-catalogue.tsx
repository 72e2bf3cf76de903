// Catalogue management pages: a school's terms, a term with its offerings, the offering form, a teacher's list.
import { CATEGORY_CODES } from '../../src/kernel/categories.ts';
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome, FormState } from '../chrome.ts';
import { ErrorSummary, Field, Notice, Select, TextArea } from '../components/form.tsx';
import { MeetingSummary, type MeetingView } from '../components/meeting.tsx';
import { Layout } from '../layout.tsx';

export type TermFormField = 'name_zh' | 'name_en' | 'first_day' | 'last_day' | 'holidays' | 'opens_at' | 'closes_at' | 'mode' | 'course_limit' | 'choice_limit';
export type OfferingFormField =
  | 'code' | 'kind' | 'category' | 'title_zh' | 'title_en' | 'description_zh' | 'description_en' | 'teacher' | 'room'
  | 'capacity' | 'grade_min' | 'grade_max' | 'fee' | 'slots';
export interface SlotRow {
  weekday: string;
  start: string;
  end: string;
}
export const SLOT_ROWS = 3;

export function AdminSchoolsPage(props: { chrome: Chrome; schools: { id: number; name: string; kindLabel: string }[] }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('admin.title')}>
      <h1>{t('admin.title')}</h1>
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
  status: 'draft' | 'published' | 'archived';
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
      <p class="breadcrumb">
        <a href={`/admin/schools/${props.schoolId}`}>← {props.schoolName}</a>
      </p>
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
          <div class="table-scroll">
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
                      <span class={`tag tag--status-${row.status}`}>{t(`admin.status.${row.status}`)}</span>
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

export interface OfferingFormOptions {
  teachers: { value: string; label: string }[];
  gradeMin: number;
  gradeMax: number;
}

export function OfferingForm(props: {
  i18n: I18n;
  action: string;
  validate: string;
  form: FormState<OfferingFormField>;
  slots: SlotRow[];
  options: OfferingFormOptions;
  saved?: string | undefined;
}) {
  const { t, format } = props.i18n;
  const { values, errors } = props.form;
  const id = (field: string) => `offering-${field}`;
  const grades = Array.from({ length: props.options.gradeMax - props.options.gradeMin + 1 }, (_, i) => String(props.options.gradeMin + i));
  const gradeOptions = grades.map((grade) => ({ value: grade, label: t('catalogue.filter.gradeN', { grade }) }));
  const rows = Array.from({ length: SLOT_ROWS }, (_, i) => props.slots[i] ?? { weekday: '', start: '', end: '' });
  return (
    <form
      method="post"
      action={props.action}
      class="form form--grid"
      id="offering-form"
      hx-post={props.action}
      hx-target="this"
      hx-swap="outerHTML"
      novalidate
    >
      {props.saved ? <Notice kind="success">{props.saved}</Notice> : null}
      <ErrorSummary message={t('form.errorSummary')} errors={errors} ids={Object.fromEntries(Object.keys(errors).map((field) => [field, id(field)]))} />
      {/* Checked as the admin types: each change posts the form to the validator, which writes nothing. */}
      <div class="form__fields" hx-post={props.validate} hx-trigger="change delay:200ms" hx-target="#offering-form" hx-swap="outerHTML" hx-include="closest form">
        <Field id={id('code')} name="code" label={t('offering.field.code')} hint={t('offering.field.codeHint')} value={values.code} error={errors.code} required maxlength={20} />
        <Select
          id={id('kind')}
          name="kind"
          label={t('offering.field.kind')}
          value={values.kind}
          error={errors.kind}
          options={[
            { value: 'course', label: t('offering.kind.course') },
            { value: 'club', label: t('offering.kind.club') },
          ]}
        />
        <Select
          id={id('category')}
          name="category"
          label={t('offering.field.category')}
          value={values.category}
          error={errors.category}
          options={CATEGORY_CODES.map((code) => ({ value: code, label: t(`category.${code}`) }))}
        />
        <Field id={id('title_zh')} name="title_zh" label={t('offering.field.titleZh')} value={values.title_zh} error={errors.title_zh} required maxlength={60} />
        <Field id={id('title_en')} name="title_en" label={t('offering.field.titleEn')} value={values.title_en} error={errors.title_en} maxlength={100} />
        <TextArea id={id('description_zh')} name="description_zh" label={t('offering.field.descriptionZh')} value={values.description_zh} error={errors.description_zh} maxlength={2000} />
        <TextArea id={id('description_en')} name="description_en" label={t('offering.field.descriptionEn')} value={values.description_en} error={errors.description_en} maxlength={3000} />
        <Select id={id('teacher')} name="teacher" label={t('offering.field.teacher')} value={values.teacher} error={errors.teacher} options={props.options.teachers} />
        <Field id={id('room')} name="room" label={t('offering.field.room')} value={values.room} error={errors.room} maxlength={60} />
        <Field id={id('capacity')} name="capacity" type="number" min={0} max={500} label={t('offering.field.capacity')} value={values.capacity} error={errors.capacity} required />
        <Select id={id('grade_min')} name="grade_min" label={t('offering.field.gradeMin')} value={values.grade_min} error={errors.grade_min} options={gradeOptions} />
        <Select id={id('grade_max')} name="grade_max" label={t('offering.field.gradeMax')} value={values.grade_max ?? grades.at(-1)} error={errors.grade_max} options={gradeOptions} />
        <Field id={id('fee')} name="fee" inputmode="numeric" label={t('offering.field.fee')} value={values.fee} error={errors.fee} maxlength={12} />
        <fieldset class={errors.slots ? 'slots field--invalid' : 'slots'} id={id('slots')} aria-describedby={errors.slots ? `${id('slots')}-error` : `${id('slots')}-hint`}>
          <legend>{t('offering.field.slots')}</legend>
          {errors.slots ? (
            <p class="field__error" id={`${id('slots')}-error`}>
              {errors.slots}
            </p>
          ) : null}
          <p class="field__hint" id={`${id('slots')}-hint`}>
            {t('offering.field.slotsHint')}
          </p>
          {rows.map((row, index) => (
            <div class="slot-row">
              <label>
                <span class="visually-hidden">
                  {t('offering.field.weekday')} {index + 1}
                </span>
                <select name="slot_weekday">
                  <option value="">—</option>
                  {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
                    <option value={String(weekday)} selected={row.weekday === String(weekday)}>
                      {format.weekday(weekday, 'long')}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span class="visually-hidden">
                  {t('offering.field.start')} {index + 1}
                </span>
                <input type="time" name="slot_start" value={row.start} />
              </label>
              <span aria-hidden="true">–</span>
              <label>
                <span class="visually-hidden">
                  {t('offering.field.end')} {index + 1}
                </span>
                <input type="time" name="slot_end" value={row.end} />
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      <div class="form__actions">
        <button type="submit" class="button button--primary">
          {t('admin.saveOffering')}
        </button>
      </div>
    </form>
  );
}

function MeetingControls(props: { i18n: I18n; meetings: MeetingView[]; error?: { meetingId: number; messages: string[] } | undefined; changed?: boolean }) {
  const { t, format } = props.i18n;
  return (
    <section class="card" id="meetings" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('admin.meetings')}</h2>
      <p class="muted">{t('admin.meetingsHint')}</p>
      {props.changed ? <Notice kind="success">{t('admin.meetingChanged')}</Notice> : null}
      {props.error && !props.meetings.some((meeting) => meeting.id === props.error?.meetingId) ? (
        <Notice kind="error">
          {props.error.messages.map((message) => (
            <p>{message}</p>
          ))}
        </Notice>
      ) : null}
      {props.meetings.length === 0 ? <p>{t('admin.noUpcoming')}</p> : null}
      <ol class="meetings meetings--admin">
        {props.meetings.map((meeting) => {
          const error = props.error?.meetingId === meeting.id ? props.error.messages : null;
          return (
            <li class={`meeting meeting--${meeting.status}`} id={`meeting-${meeting.id}`}>
              <MeetingSummary i18n={props.i18n} meeting={meeting} />
              {error ? (
                <div class="notice notice--error meeting__error" role="alert">
                  {error.map((message) => (
                    <p>{message}</p>
                  ))}
                </div>
              ) : null}
              {meeting.status === 'scheduled' ? (
                <details class="meeting__actions" open={error !== null}>
                  <summary>
                    {t('admin.cancelMeeting')} / {t('admin.moveMeeting')}
                  </summary>
                  <form method="post" action={`/admin/meetings/${meeting.id}/cancel`} class="inline-form">
                    <label for={`cancel-reason-${meeting.id}`}>{t('meeting.field.reason')}</label>
                    <input id={`cancel-reason-${meeting.id}`} name="reason" maxlength={200} required />
                    <button type="submit" class="button">
                      {t('admin.cancelMeeting')}
                    </button>
                  </form>
                  <form method="post" action={`/admin/meetings/${meeting.id}/move`} class="inline-form">
                    <label for={`move-day-${meeting.id}`}>{t('meeting.field.newDay')}</label>
                    <input id={`move-day-${meeting.id}`} type="date" name="day" required />
                    <label for={`move-start-${meeting.id}`}>{t('offering.field.start')}</label>
                    <input id={`move-start-${meeting.id}`} type="time" name="start" value={meeting.startsAt} required />
                    <label for={`move-end-${meeting.id}`}>{t('offering.field.end')}</label>
                    <input id={`move-end-${meeting.id}`} type="time" name="end" value={meeting.endsAt} required />
                    <label for={`move-reason-${meeting.id}`}>{t('meeting.field.reason')}</label>
                    <input id={`move-reason-${meeting.id}`} name="reason" maxlength={200} required />
                    <button type="submit" class="button">
                      {t('admin.moveMeeting')}
                    </button>
                  </form>
                </details>
              ) : meeting.status === 'cancelled' ? (
                <form method="post" action={`/admin/meetings/${meeting.id}/reinstate`} class="inline">
                  <button type="submit" class="link-button link-button--ink">
                    {t('admin.reinstateMeeting')}
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function OfferingAdminPage(props: {
  chrome: Chrome;
  title: string;
  back: { href: string; label: string };
  formProps: Omit<Parameters<typeof OfferingForm>[0], 'i18n'>;
  meetings?: { rows: MeetingView[]; error?: { meetingId: number; messages: string[] } | undefined; changed?: boolean } | undefined;
  manage?: {
    id: number;
    status: 'draft' | 'published' | 'archived';
    publicHref: string;
    terms: { value: string; label: string }[];
    duplicated?: boolean;
  } | undefined;
}) {
  const { t } = props.chrome.i18n;
  const manage = props.manage;
  return (
    <Layout chrome={props.chrome} title={props.title}>
      <p class="breadcrumb">
        <a href={props.back.href}>← {props.back.label}</a>
      </p>
      <h1>{props.title}</h1>
      {manage ? (
        <section class="card manage">
          {manage.duplicated ? <Notice kind="success">{t('admin.duplicated')}</Notice> : null}
          <p>
            <span class={`tag tag--status-${manage.status}`}>{t(`admin.status.${manage.status}`)}</span>{' '}
            {manage.status === 'published' ? <a href={manage.publicHref}>{t('admin.viewPublic')}</a> : null}{' '}
            <a href={`/offerings/${manage.id}/roster`}>{t('roster.link')}</a>
          </p>
          <div class="manage__actions">
            {manage.status !== 'published' ? <StatusButton id={manage.id} status="published" label={t('admin.publish')} primary /> : null}
            {manage.status === 'published' ? <StatusButton id={manage.id} status="draft" label={t('admin.unpublish')} /> : null}
            {manage.status !== 'archived' ? <StatusButton id={manage.id} status="archived" label={t('admin.archive')} /> : null}
          </div>
          <form method="post" action={`/admin/offerings/${manage.id}/duplicate`} class="inline-form">
            <label for="duplicate-term">{t('admin.duplicate')}</label>
            <select id="duplicate-term" name="term">
              {manage.terms.map((term) => (
                <option value={term.value}>{term.label}</option>
              ))}
            </select>
            <button type="submit" class="button">
              {t('admin.duplicate')}
            </button>
          </form>
        </section>
      ) : null}
      <section class="card">
        <OfferingForm i18n={props.chrome.i18n} {...props.formProps} />
      </section>
      {props.meetings ? (
        <MeetingControls i18n={props.chrome.i18n} meetings={props.meetings.rows} error={props.meetings.error} changed={props.meetings.changed} />
      ) : null}
    </Layout>
  );
}

function StatusButton(props: { id: number; status: string; label: string; primary?: boolean }) {
  return (
    <form method="post" action={`/admin/offerings/${props.id}/status`} class="inline">
      <input type="hidden" name="status" value={props.status} />
      <button type="submit" class={props.primary ? 'button button--primary' : 'button'}>
        {props.label}
      </button>
    </form>
  );
}

export function TeacherOfferingsPage(props: {
  chrome: Chrome;
  offerings: { id: number; code: string; title: string; term: string; status: 'draft' | 'published' | 'archived'; taken: number; capacity: number }[];
}) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('admin.myOfferings')}>
      <h1>{t('admin.myOfferings')}</h1>
      {props.offerings.length === 0 ? (
        <p class="empty">{t('admin.noOfferings')}</p>
      ) : (
        <ul class="offering-grid">
          {props.offerings.map((offering) => (
            <li class="offering-card">
              <p class="tags">
                <span class={`tag tag--status-${offering.status}`}>{t(`admin.status.${offering.status}`)}</span>
                <span class="tag">{offering.code}</span>
              </p>
              <h2 class="offering-card__title">
                {offering.status === 'published' ? <a href={`/offerings/${offering.id}`}>{offering.title}</a> : offering.title}
              </h2>
              <p class="muted">{offering.term}</p>
              <p>
                {t('admin.column.seats')}: {offering.taken} / {offering.capacity}
              </p>
              <p>
                <a href={`/offerings/${offering.id}/roster`} aria-label={t('roster.linkFor', { title: offering.title })}>
                  {t('roster.link')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface ImportPreviewView {
  problems: { row: number; column: string; message: string }[];
  rows: { row: number; code: string; title: string; action: 'create' | 'update' }[];
  created: number;
  updated: number;
  /** The CSV text carried to the commit step (present only when there are no problems). */
  csv: string | null;
  imported: boolean;
}

export function ImportPage(props: { chrome: Chrome; termId: number; termName: string; preview: ImportPreviewView | null }) {
  const { t } = props.chrome.i18n;
  const { preview } = props;
  const base = `/admin/terms/${props.termId}`;
  return (
    <Layout chrome={props.chrome} title={t('csv.title')}>
      <p class="breadcrumb">
        <a href={base}>← {props.termName}</a>
      </p>
      <h1>{t('csv.title')}</h1>
      <section class="card">
        <p class="lead">{t('csv.lead')}</p>
        <p class="manage__actions">
          <a class="button" href="/admin/catalogue-template.csv">
            {t('csv.template')}
          </a>
          <a class="button" href={`${base}/catalogue.csv`}>
            {t('csv.export')}
          </a>
        </p>
        <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="inline-form">
          <input type="hidden" name="step" value="preview" />
          <label for="import-file">{t('csv.file')}</label>
          <input id="import-file" type="file" name="file" accept=".csv,text/csv" required />
          <button type="submit" class="button button--primary">
            {t('csv.preview')}
          </button>
        </form>
      </section>
      {preview ? (
        <section class="card" aria-live="polite">
          {preview.imported ? (
            <Notice kind="success">{t('csv.imported', { created: preview.created, updated: preview.updated })}</Notice>
          ) : preview.problems.length > 0 ? (
            <div class="notice notice--error" role="alert">
              <p>{t('csv.problems', { count: preview.problems.length })}</p>
              <ul class="csv-problems">
                {preview.problems.map((problem) => (
                  <li>{t('csv.problem', { row: problem.row, column: problem.column, message: problem.message })}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              <Notice kind="info">{t('csv.ready', { rows: preview.rows.length, created: preview.created, updated: preview.updated })}</Notice>
              <form method="post" action={`${base}/import`} class="inline-form">
                <input type="hidden" name="step" value="commit" />
                <textarea name="csv" hidden aria-hidden="true">
                  {preview.csv ?? ''}
                </textarea>
                <button type="submit" class="button button--primary">
                  {t('csv.commit')}
                </button>
              </form>
            </>
          )}
          {preview.rows.length > 0 && !preview.imported ? (
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('admin.column.code')}</th>
                    <th scope="col">{t('admin.column.title')}</th>
                    <th scope="col">{t('csv.column.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr>
                      <td>{row.row}</td>
                      <td>{row.code}</td>
                      <td>{row.title}</td>
                      <td>{t(`csv.action.${row.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}

/** Taking an offering with children in it out of the catalogue: what it does, and the reason every family is sent. */
export function CancelOfferingPage(props: {
  chrome: Chrome;
  offering: { id: number; title: string };
  status: 'draft' | 'archived';
  places: { enrolled: number; waitlisted: number; requested: number };
  reason: string;
  error?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = props.chrome.i18n;
  const title = t('admin.cancel.title', { title: props.offering.title });
  return (
    <Layout chrome={props.chrome} title={title} narrow>
      <p class="breadcrumb">
        <a href={`/admin/offerings/${props.offering.id}`}>← {props.offering.title}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('admin.cancel.lead', props.places)}</p>
      <form method="post" action={`/admin/offerings/${props.offering.id}/status`} class="form card">
        {props.problem ? <Notice kind="error">{props.problem}</Notice> : props.error ? <Notice kind="error">{t('form.errorSummary')}</Notice> : null}
        <input type="hidden" name="status" value={props.status} />
        <input type="hidden" name="confirm" value="yes" />
        <TextArea id="cancel-reason" name="reason" label={t('admin.cancel.reason')} value={props.reason} error={props.error} rows={3} maxlength={500} />
        <p class="manage__actions">
          <button type="submit" class="button button--primary">
            {t(props.status === 'archived' ? 'admin.cancel.confirmArchive' : 'admin.cancel.confirmDraft')}
          </button>
          <a class="button" href={`/admin/offerings/${props.offering.id}`}>
            {t('admin.cancel.back')}
          </a>
        </p>
      </form>
    </Layout>
  );
}
