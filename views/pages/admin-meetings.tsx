// An offering's upcoming meetings on its admin page, each with its cancel / move / reinstate controls.
import type { I18n } from '../../src/kernel/messages.ts';
import { Notice } from '../components/form.tsx';
import { MeetingSummary, type MeetingView } from '../components/meeting.tsx';

export function MeetingControls(props: { i18n: I18n; meetings: MeetingView[]; error?: { meetingId: number; messages: string[] } | undefined; changed?: boolean }) {
  const { t } = props.i18n;
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
