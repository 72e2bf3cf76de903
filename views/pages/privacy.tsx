// Children's data: the privacy text (/privacy), the child page's data card (consent, export, deletion request)
// and the school admin's page of deletion requests with the confirm step.
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome } from '../chrome.ts';
import { Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

const SECTIONS = ['what', 'why', 'who', 'keep', 'rights', 'consent'] as const;

export function PrivacyPage(props: { chrome: Chrome; version: string; retentionDays: number }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('privacy.title')} narrow>
      <article class="privacy-text">
        <h1>{t('privacy.title')}</h1>
        <p class="muted">{t('privacy.version', { version: props.version })}</p>
        <p>{t('privacy.lead')}</p>
        {SECTIONS.map((section) => (
          <section aria-labelledby={`privacy-${section}`}>
            <h2 id={`privacy-${section}`}>{t(`privacy.text.${section}.title`)}</h2>
            <p>{section === 'keep' ? t('privacy.text.keep.body', { days: props.retentionDays }) : t(`privacy.text.${section}.body`)}</p>
          </section>
        ))}
      </article>
    </Layout>
  );
}

/** What the child page's data card is built from: this guardian's consent and any pending deletion request. */
export interface ChildDataStatus {
  consent: { version: string; givenAt: Date } | null;
  pending: { requestedAt: Date } | null;
}

export interface ChildDataView {
  childId: number;
  childName: string;
  consent: { version: string; at: string } | null;
  pending: { at: string } | null;
  /** The confirm step of a deletion request is showing (with the reason box). */
  confirming: boolean;
  message?: { kind: 'success' | 'error'; text: string } | undefined;
  reason?: string | undefined;
  reasonError?: string | undefined;
}

/** The child page's card: what consent was given, the export, and the deletion request (asked once, confirmed). */
export function ChildDataSection(props: { i18n: I18n; data: ChildDataView }) {
  const { t } = props.i18n;
  const { data } = props;
  const action = `/children/${data.childId}/deletion-request`;
  const target = { 'hx-target': '#child-data', 'hx-swap': 'outerHTML' };
  return (
    <section class="card" id="child-data" aria-labelledby="child-data-title">
      <h2 id="child-data-title">{t('privacy.data.title')}</h2>
      <p>{t('privacy.data.lead', { child: data.childName })}</p>
      {data.message ? <Notice kind={data.message.kind}>{data.message.text}</Notice> : null}
      <p class="muted">{data.consent ? t('privacy.data.consent', { version: data.consent.version, at: data.consent.at }) : t('privacy.data.noConsent', { child: data.childName })}</p>
      <p>
        <a href={`/children/${data.childId}/export.json`} download>
          {t('privacy.export.download', { child: data.childName })}
        </a>
      </p>
      {data.pending ? (
        <Notice kind="info">{t('privacy.delete.pending', { at: data.pending.at, child: data.childName })}</Notice>
      ) : data.confirming ? (
        <form method="post" action={action} hx-post={action} class="form deletion-confirm" {...target}>
          <p>{t('privacy.delete.confirmLead', { child: data.childName })}</p>
          <div class={data.reasonError ? 'field field--invalid' : 'field'}>
            <label for="deletion-reason">{t('privacy.delete.reason')}</label>
            {data.reasonError ? (
              <p class="field__error" id="deletion-reason-error">
                {data.reasonError}
              </p>
            ) : null}
            <textarea id="deletion-reason" name="reason" maxlength={500} aria-describedby={data.reasonError ? 'deletion-reason-error deletion-reason-hint' : 'deletion-reason-hint'}>
              {data.reason ?? ''}
            </textarea>
            <p class="field__hint" id="deletion-reason-hint">
              {t('privacy.delete.reasonHint')}
            </p>
          </div>
          <input type="hidden" name="confirm" value="yes" />
          <p>
            <button type="submit" class="button">
              {t('privacy.delete.confirm')}
            </button>{' '}
            <a href={`/children/${data.childId}#child-data`}>{t('privacy.delete.keep')}</a>
          </p>
        </form>
      ) : (
        <form method="post" action={action} hx-post={action} {...target}>
          <button type="submit" class="link-button link-button--ink">
            {t('privacy.delete.ask', { child: data.childName })}
          </button>
        </form>
      )}
    </section>
  );
}

export interface DeletionRequestView {
  id: number;
  childName: string;
  details: string;
  school: string;
  requestedAt: string;
  reason: string | null;
  enrollments: number;
}

export function DeletionRequestsPage(props: { chrome: Chrome; requests: DeletionRequestView[]; confirming: number | null; notice?: string | undefined }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('privacy.admin.title')}>
      <h1>{t('privacy.admin.title')}</h1>
      <p class="muted">{t('privacy.admin.lead')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.requests.length === 0 ? (
        <p>{t('privacy.admin.empty')}</p>
      ) : (
        <ul class="deletion-list">
          {props.requests.map((request) => (
            <li class="card" id={`request-${request.id}`}>
              <h2>{request.childName}</h2>
              <p class="muted">
                {request.details} · {request.school}
              </p>
              <p>
                {t('privacy.admin.requestedAt', { at: request.requestedAt })} · {t('privacy.admin.enrollments', { count: request.enrollments })}
              </p>
              {request.reason ? <p>{t('privacy.admin.reason', { reason: request.reason })}</p> : null}
              {props.confirming === request.id ? (
                <form method="post" action={`/admin/deletions/${request.id}`} class="deletion-confirm">
                  <Notice kind="error">{t('privacy.admin.confirm', { child: request.childName })}</Notice>
                  <input type="hidden" name="confirm" value="yes" />
                  <p>
                    <button type="submit" class="button button--danger">
                      {t('privacy.admin.confirmButton')}
                    </button>{' '}
                    <a href="/admin/deletions">{t('privacy.admin.keep')}</a>
                  </p>
                </form>
              ) : (
                <form method="post" action={`/admin/deletions/${request.id}`}>
                  <button type="submit" class="button">
                    {t('privacy.admin.carryOut')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
