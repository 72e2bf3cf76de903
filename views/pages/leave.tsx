// The leave card (请假) of a child's page: report one upcoming meeting or a range of days with a reason, and the
// reports so far, each upcoming one with its withdraw button. The same component is the htmx fragment.
import type { I18n } from '../../src/kernel/messages.ts';
import { Field, Notice, Select, TextArea } from '../components/form.tsx';

export type LeaveFormField = 'meeting' | 'from' | 'to' | 'reason';

export interface LeaveView {
  childId: number;
  /** The longest range of days one report may cover. */
  maxDays: number;
  choices: { id: number; day: string; startsAt: string; endsAt: string; title: string }[];
  reports: { id: number; day: string; startsAt: string; endsAt: string; title: string; reason: string; upcoming: boolean; cancelled: boolean }[];
  values?: Partial<Record<LeaveFormField, string>> | undefined;
  errors?: Partial<Record<LeaveFormField, string>> | undefined;
  message?: { kind: 'success' | 'error' | 'info'; text: string } | undefined;
}

export function LeaveSection(props: { i18n: I18n; leave: LeaveView }) {
  const { t, format } = props.i18n;
  const { leave } = props;
  const values = leave.values ?? {};
  const errors = leave.errors ?? {};
  const action = `/children/${leave.childId}/absences`;
  const target = { 'hx-target': '#leave', 'hx-swap': 'outerHTML' };
  const when = (item: { day: string; startsAt: string; endsAt: string }) => `${format.shortDay(item.day)} ${format.weekday(new Date(`${item.day}T00:00:00Z`).getUTCDay() || 7)} ${item.startsAt}–${item.endsAt}`;
  const rangeOpen = Boolean(values.from || values.to || errors.from || errors.to);
  return (
    <section class="card" id="leave" aria-labelledby="leave-title">
      <h2 id="leave-title">{t('leave.title')}</h2>
      {leave.message ? <Notice kind={leave.message.kind}>{leave.message.text}</Notice> : null}
      <form method="post" action={action} hx-post={action} {...target} class="form leave-form">
        {leave.choices.length > 0 ? (
          <Select
            id="leave-meeting"
            name="meeting"
            label={t('leave.meeting')}
            value={values.meeting ?? ''}
            error={errors.meeting}
            options={[{ value: '', label: t('leave.meeting.pick') }, ...leave.choices.map((choice) => ({ value: String(choice.id), label: `${when(choice)} ${choice.title}` }))]}
          />
        ) : (
          <>
            <p class="muted">{t('leave.meeting.none')}</p>
            {errors.meeting ? <p class="field__error">{errors.meeting}</p> : null}
          </>
        )}
        <details class="leave-range" open={rangeOpen ? true : undefined}>
          <summary>{t('leave.range')}</summary>
          <Field id="leave-from" name="from" type="date" label={t('leave.from')} value={values.from} error={errors.from} />
          <Field id="leave-to" name="to" type="date" label={t('leave.to')} value={values.to} error={errors.to} hint={t('leave.range.hint', { max: leave.maxDays })} />
        </details>
        <TextArea id="leave-reason" name="reason" label={t('leave.reason')} value={values.reason} error={errors.reason} rows={2} maxlength={200} />
        <button type="submit" class="button button--primary">
          {t('leave.submit')}
        </button>
      </form>
      <h3>{t('leave.reported')}</h3>
      {leave.reports.length === 0 ? (
        <p class="muted">{t('leave.reported.none')}</p>
      ) : (
        <ul class="leave-list">
          {leave.reports.map((report) => (
            <li class="leave-item">
              <p>
                <strong>{when(report)}</strong> {report.title}
                {report.cancelled ? <span class="tag"> {t('leave.reported.cancelled')}</span> : null}
              </p>
              <p class="muted">{t('leave.reported.reason', { reason: report.reason })}</p>
              {report.upcoming ? (
                <form method="post" action={`${action}/${report.id}/withdraw`} hx-post={`${action}/${report.id}/withdraw`} {...target}>
                  <button type="submit" class="link-button link-button--ink">
                    {t('leave.withdraw')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
