// Offering administration pages: the offering form (new and edit), managing one offering, and the confirm step of
// taking one that children hold places in out of the catalogue.
import { CATEGORY_CODES } from '../../src/kernel/categories.ts';
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome, FormState } from '../chrome.ts';
import { Breadcrumb, type OfferingStatusName, StatusTag } from '../components/admin.tsx';
import { ErrorSummary, Field, FieldError, Notice, Select, TextArea, errorIdOf } from '../components/form.tsx';
import type { MeetingView } from '../components/meeting.tsx';
import { Layout } from '../layout.tsx';
import { MeetingControls } from './admin-meetings.tsx';

export type OfferingFormField =
  | 'code' | 'kind' | 'category' | 'title_zh' | 'title_en' | 'description_zh' | 'description_en' | 'teacher' | 'room'
  | 'capacity' | 'grade_min' | 'grade_max' | 'fee' | 'slots';
/** Every field of the offering form, in order: the live check answers a message (maybe empty) for each. */
export const OFFERING_FORM_FIELDS: readonly OfferingFormField[] = [
  'code', 'kind', 'category', 'title_zh', 'title_en', 'description_zh', 'description_en', 'teacher', 'room',
  'capacity', 'grade_min', 'grade_max', 'fee', 'slots',
];

/** The live check's answer: each field's message, swapped into its slot by id (out of band), nothing else. */
export function OfferingFormMessages(props: { errors: Partial<Record<OfferingFormField, string>> }) {
  return (
    <>
      {OFFERING_FORM_FIELDS.map((field) => (
        <FieldError id={errorIdOf(`offering-${field}`)} message={props.errors[field]} live oob />
      ))}
    </>
  );
}

export interface SlotRow {
  weekday: string;
  start: string;
  end: string;
}
export const SLOT_ROWS = 3;

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
      {/* Checked as the admin types: each change posts the form to the validator, which writes nothing and answers
          only the fields' messages (swapped in by id), so nothing the admin is typing into is ever replaced. */}
      <div class="form__fields" hx-post={props.validate} hx-trigger="change delay:200ms" hx-swap="none" hx-include="closest form" hx-sync="this:replace">
        <Field id={id('code')} live name="code" label={t('offering.field.code')} hint={t('offering.field.codeHint')} value={values.code} error={errors.code} required maxlength={20} />
        <Select
          id={id('kind')}
          live
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
          live
          name="category"
          label={t('offering.field.category')}
          value={values.category}
          error={errors.category}
          options={CATEGORY_CODES.map((code) => ({ value: code, label: t(`category.${code}`) }))}
        />
        <Field id={id('title_zh')} live name="title_zh" label={t('offering.field.titleZh')} value={values.title_zh} error={errors.title_zh} required maxlength={60} />
        <Field id={id('title_en')} live name="title_en" label={t('offering.field.titleEn')} value={values.title_en} error={errors.title_en} maxlength={100} />
        <TextArea id={id('description_zh')} live name="description_zh" label={t('offering.field.descriptionZh')} value={values.description_zh} error={errors.description_zh} maxlength={2000} />
        <TextArea id={id('description_en')} live name="description_en" label={t('offering.field.descriptionEn')} value={values.description_en} error={errors.description_en} maxlength={3000} />
        <Select id={id('teacher')} live name="teacher" label={t('offering.field.teacher')} value={values.teacher} error={errors.teacher} options={props.options.teachers} />
        <Field id={id('room')} live name="room" label={t('offering.field.room')} value={values.room} error={errors.room} maxlength={60} />
        <Field id={id('capacity')} live name="capacity" type="number" min={0} max={500} label={t('offering.field.capacity')} value={values.capacity} error={errors.capacity} required />
        <Select id={id('grade_min')} live name="grade_min" label={t('offering.field.gradeMin')} value={values.grade_min} error={errors.grade_min} options={gradeOptions} />
        <Select id={id('grade_max')} live name="grade_max" label={t('offering.field.gradeMax')} value={values.grade_max ?? grades.at(-1)} error={errors.grade_max} options={gradeOptions} />
        <Field id={id('fee')} live name="fee" inputmode="numeric" label={t('offering.field.fee')} value={values.fee} error={errors.fee} maxlength={12} />
        <fieldset class={errors.slots ? 'slots field--invalid' : 'slots'} id={id('slots')} aria-describedby={`${errorIdOf(id('slots'))} ${id('slots')}-hint`}>
          <legend>{t('offering.field.slots')}</legend>
          <FieldError id={errorIdOf(id('slots'))} message={errors.slots} live />
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

export function OfferingAdminPage(props: {
  chrome: Chrome;
  title: string;
  back: { href: string; label: string };
  formProps: Omit<Parameters<typeof OfferingForm>[0], 'i18n'>;
  meetings?: { rows: MeetingView[]; error?: { meetingId: number; messages: string[] } | undefined; changed?: boolean } | undefined;
  manage?: {
    id: number;
    status: OfferingStatusName;
    publicHref: string;
    terms: { value: string; label: string }[];
    duplicated?: boolean;
  } | undefined;
}) {
  const { t } = props.chrome.i18n;
  const manage = props.manage;
  return (
    <Layout chrome={props.chrome} title={props.title}>
      <Breadcrumb href={props.back.href} label={props.back.label} />
      <h1>{props.title}</h1>
      {manage ? (
        <section class="card manage">
          {manage.duplicated ? <Notice kind="success">{t('admin.duplicated')}</Notice> : null}
          <p class="manage__links">
            <StatusTag i18n={props.chrome.i18n} status={manage.status} />{' '}
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
      <Breadcrumb href={`/admin/offerings/${props.offering.id}`} label={props.offering.title} />
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
