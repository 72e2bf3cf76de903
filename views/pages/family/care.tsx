// The card of who collects the child and who to call, on the child's page: the people allowed to collect it, each
// with a remove button, a form to add one (up to five), and the emergency note. The same component is the htmx
// fragment; a plain form's answer (the whole page) scrolls back to it (#care).
import type { I18n } from '../../../src/kernel/messages.ts';
import { Field, Notice, TextArea } from '../../components/form.tsx';
import type { Message } from './common.tsx';

export type CollectorFormField = 'name' | 'relation' | 'phone';

export interface CareView {
  childId: number;
  /** How many collectors, and how many characters per field, the service keeps. */
  limits: { collectors: number; note: number; name: number; relation: number; phone: number };
  collectors: { id: number; name: string; relation: string; phone: string; dial: string }[];
  note: string | null;
  add?: { values: Partial<Record<CollectorFormField, string>>; errors: Partial<Record<CollectorFormField, string>> } | undefined;
  noteForm?: { value: string; error?: string | undefined } | undefined;
  message?: Message | undefined;
}

export function CareSection(props: { i18n: I18n; care: CareView }) {
  const { t } = props.i18n;
  const { care } = props;
  const base = `/children/${care.childId}`;
  const target = { 'hx-target': '#care', 'hx-swap': 'outerHTML' };
  const add = care.add ?? { values: {}, errors: {} };
  return (
    <section class="card" id="care" aria-labelledby="care-title">
      <h2 id="care-title">{t('care.title')}</h2>
      <p class="muted">{t('care.lead')}</p>
      {care.message ? <Notice kind={care.message.kind}>{care.message.text}</Notice> : null}
      <h3>{t('care.collectors')}</h3>
      {care.collectors.length === 0 ? (
        <p class="muted">{t('care.collectors.none')}</p>
      ) : (
        <ul class="care-list">
          {care.collectors.map((collector) => (
            <li class="care-item">
              <span>
                <strong>{t('care.collector.line', { name: collector.name, relation: collector.relation })}</strong>{' '}
                <a href={`tel:${collector.dial}`} class="nowrap">
                  {collector.phone}
                </a>
              </span>
              <form method="post" action={`${base}/collectors/${collector.id}/remove#care`} hx-post={`${base}/collectors/${collector.id}/remove`} {...target}>
                <button type="submit" class="link-button link-button--ink" aria-label={t('care.removeNamed', { name: collector.name })}>
                  {t('care.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {care.collectors.length < care.limits.collectors ? (
        <form method="post" action={`${base}/collectors#care`} hx-post={`${base}/collectors`} {...target} class="form care-form">
          <Field id="care-name" name="name" label={t('care.name')} value={add.values.name} error={add.errors.name} maxlength={care.limits.name} autocomplete="off" />
          <Field id="care-relation" name="relation" label={t('care.relation')} value={add.values.relation} error={add.errors.relation} hint={t('care.relation.hint')} maxlength={care.limits.relation} autocomplete="off" />
          <Field id="care-phone" name="phone" type="tel" inputmode="tel" label={t('care.phone')} value={add.values.phone} error={add.errors.phone} maxlength={care.limits.phone} autocomplete="off" />
          <button type="submit" class="button">
            {t('care.add')}
          </button>
        </form>
      ) : (
        <p class="muted">
          {add.errors.name ?? t('care.collectors.max', { max: care.limits.collectors })}
        </p>
      )}
      <form method="post" action={`${base}/emergency-note#care`} hx-post={`${base}/emergency-note`} {...target} class="form care-form">
        <TextArea
          id="care-note"
          name="note"
          label={t('care.note')}
          value={care.noteForm?.value ?? care.note ?? ''}
          error={care.noteForm?.error}
          hint={t('care.note.hint', { max: care.limits.note })}
          rows={3}
          maxlength={care.limits.note}
        />
        <button type="submit" class="button">
          {t('care.note.save')}
        </button>
      </form>
    </section>
  );
}
