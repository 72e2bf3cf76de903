// The family's forms: a child's record (add or edit, with the consent box when adding) and joining a child with a code.
import type { I18n } from '../../../src/kernel/messages.ts';
import type { FormState } from '../../chrome.ts';
import { ErrorSummary, Field, Notice, Select } from '../../components/form.tsx';
import { type Message, MessageNotice, type SchoolOption } from './common.tsx';

export type ChildFormField = 'name' | 'school' | 'grade' | 'class' | 'pupil_number' | 'consent';

/**
 * The guardian's tick to the privacy text, next to a link to its full text; the box's value is the version shown,
 * so the server records which text was agreed to.
 */
export function ConsentBox(props: { i18n: I18n; id: string; version: string; checked: boolean; error: string | undefined }) {
  const { t } = props.i18n;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class={props.error ? 'field field--invalid consent' : 'field consent'}>
      {props.error ? (
        <p class="field__error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      <label class="consent__label" for={props.id}>
        <input id={props.id} type="checkbox" name="consent" value={props.version} checked={props.checked} required aria-invalid={props.error ? 'true' : undefined} aria-describedby={errorId} />{' '}
        {t('privacy.consent.label', { version: props.version })}
      </label>{' '}
      <a href="/privacy" target="_blank" rel="noopener">
        {t('privacy.consent.read')}
      </a>
    </div>
  );
}

/**
 * The pupil number, asked only for a school that checks children against its pupil list. Its slot is always there:
 * choosing a school swaps it (GET /children/pupil-field), and without JavaScript the server's answer asks for it.
 */
export function PupilNumberField(props: { i18n: I18n; shown: boolean; value?: string | undefined; error?: string | undefined }) {
  const { t } = props.i18n;
  return (
    <div id="child-pupil" class="child-pupil">
      {props.shown ? (
        <Field
          id="child-pupil-number"
          name="pupil_number"
          label={t('family.field.pupilNumber')}
          hint={t('family.field.pupilNumberHint')}
          value={props.value}
          error={props.error}
          required
          maxlength={30}
          inputmode="text"
          autocomplete="off"
        />
      ) : null}
    </div>
  );
}

export function ChildForm(props: {
  i18n: I18n;
  action: string;
  form: FormState<ChildFormField>;
  schools: SchoolOption[];
  submit: string;
  saved?: string | undefined;
  consentVersion?: string | undefined;
  /** Where the parent goes once the child is added (the course they came from). */
  next?: string | undefined;
}) {
  const { t } = props.i18n;
  const { values, errors } = props.form;
  const grades = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('family.gradeN', { grade: i + 1 }) }));
  const checksPupils = props.schools.some((school) => school.value === values.school && school.checksPupils);
  const schoolOptions = props.schools.map((school) => ({ value: school.value, label: school.label }));
  return (
    <form method="post" action={props.action} class="form" id="child-form" hx-post={props.action} hx-target="this" hx-swap="outerHTML" novalidate>
      {props.saved ? <Notice kind="success">{props.saved}</Notice> : null}
      {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
      {props.next ? <p class="muted">{t('family.addThenBack')}</p> : null}
      <ErrorSummary
        message={t('form.errorSummary')}
        errors={errors}
        ids={{ name: 'child-name', school: 'child-school', grade: 'child-grade', class: 'child-class', pupil_number: 'child-pupil-number', consent: 'child-consent' }}
      />
      <Field id="child-name" name="name" label={t('family.field.name')} value={values.name} error={errors.name} required maxlength={40} autocomplete="off" />
      <Select
        id="child-school"
        name="school"
        label={t('family.field.school')}
        value={values.school}
        error={errors.school}
        options={[{ value: '', label: '—' }, ...schoolOptions]}
        required
        hx={{ 'hx-get': '/children/pupil-field', 'hx-trigger': 'change', 'hx-target': '#child-pupil', 'hx-swap': 'outerHTML' }}
      />
      <Select id="child-grade" name="grade" label={t('family.field.grade')} value={values.grade} error={errors.grade} options={grades} required />
      <Field id="child-class" name="class" label={t('family.field.class')} hint={t('family.field.classHint')} value={values.class} error={errors.class} maxlength={20} />
      <PupilNumberField i18n={props.i18n} shown={checksPupils} value={values.pupil_number} error={errors.pupil_number} />
      {props.consentVersion ? <ConsentBox i18n={props.i18n} id="child-consent" version={props.consentVersion} checked={values.consent === props.consentVersion} error={errors.consent} /> : null}
      <button type="submit" class="button button--primary">
        {props.submit}
      </button>
    </form>
  );
}

export type JoinFormField = 'code' | 'consent';

export function JoinForm(props: { i18n: I18n; form: FormState<JoinFormField>; message?: Message | undefined; consentVersion: string }) {
  const { t } = props.i18n;
  return (
    <form method="post" action="/family/join" class="form" id="join-form" hx-post="/family/join" hx-target="this" hx-swap="outerHTML" novalidate>
      <MessageNotice message={props.message} />
      <Field
        id="join-code"
        name="code"
        label={t('family.join.field')}
        hint={t('family.join.hint')}
        value={props.form.values.code}
        error={props.form.errors.code}
        required
        maxlength={20}
        autocomplete="off"
      />
      <ConsentBox i18n={props.i18n} id="join-consent" version={props.consentVersion} checked={props.form.values.consent === props.consentVersion} error={props.form.errors.consent} />
      <button type="submit" class="button button--primary">
        {t('family.join.submit')}
      </button>
    </form>
  );
}
