// The audit log for admins: filters, then one page of events, newest first.
import type { Chrome } from '../chrome.ts';
import { Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export interface AuditEventView {
  at: string;
  actor: string;
  /** The kind in words, and its code (kept for whoever searches the log by it). */
  action: string;
  code: string;
  subject: string;
  detail: string;
}

export interface AuditFilterValues {
  action: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}

export const SUBJECT_TYPES = ['child', 'enrollment', 'offering', 'term', 'meeting', 'user', 'deletion_request', 'school', 'pupil'] as const;

type Choice = { value: string; label: string };

export function AuditPage(props: { chrome: Chrome; filters: AuditFilterValues; families: Choice[]; subjectTypes: Choice[]; events: AuditEventView[]; olderHref: string | null; invalid: boolean }) {
  const { t } = props.chrome.i18n;
  const { filters } = props;
  return (
    <Layout chrome={props.chrome} title={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      <p class="muted">{t('audit.intro')}</p>
      {props.invalid ? <Notice kind="error">{t('audit.filter.invalid')}</Notice> : null}
      <form method="get" action="/admin/audit" class="filters">
        <div class="filters__field">
          <label for="audit-action">{t('audit.filter.action')}</label>
          <select id="audit-action" name="action">
            <option value="">{t('audit.filter.anyAction')}</option>
            {props.families.map((family) => (
              <option value={family.value} selected={filters.action === family.value}>
                {family.label}
              </option>
            ))}
          </select>
        </div>
        <div class="filters__field">
          <label for="audit-subject-type">{t('audit.filter.subjectType')}</label>
          <select id="audit-subject-type" name="subject_type">
            <option value="">{t('audit.filter.anyAction')}</option>
            {props.subjectTypes.map((type) => (
              <option value={type.value} selected={filters.subjectType === type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </div>
        <div class="filters__field">
          <label for="audit-subject-id">{t('audit.filter.subjectId')}</label>
          <input id="audit-subject-id" name="subject_id" inputmode="numeric" maxlength={12} value={filters.subjectId} />
        </div>
        <div class="filters__field">
          <label for="audit-from">{t('audit.filter.from')}</label>
          <input id="audit-from" name="from" type="date" value={filters.from} />
        </div>
        <div class="filters__field">
          <label for="audit-to">{t('audit.filter.to')}</label>
          <input id="audit-to" name="to" type="date" value={filters.to} />
        </div>
        <div class="filters__actions">
          <button type="submit" class="button button--primary">
            {t('audit.filter.apply')}
          </button>
        </div>
      </form>
      {props.events.length === 0 ? (
        <p class="empty">{t('audit.empty')}</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label={t('audit.title')}>
          <table class="table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.col.at')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.subject')}</th>
                <th scope="col">{t('audit.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((event) => (
                <tr>
                  <td>{event.at}</td>
                  <td>{event.actor}</td>
                  <td title={event.code}>{event.action}</td>
                  <td>{event.subject}</td>
                  <td class="audit-table__detail">{event.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.olderHref ? (
        <p>
          <a href={props.olderHref}>{t('audit.older')} →</a>
        </p>
      ) : null}
    </Layout>
  );
}
