// One meeting as parents and admins read it: day, time, and whether it was cancelled or moved, and why.
import type { I18n } from '../../src/kernel/messages.ts';
import { isoWeekday } from '../../src/kernel/calendar.ts';

export interface MeetingView {
  id: number;
  day: string;
  weekday: number;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled' | 'moved';
  reason: string | null;
  movedToDay: string | null;
  past: boolean;
}

export function meetingView(
  meeting: { id: number; day: string; starts_at: string; ends_at: string; status: MeetingView['status']; reason: string | null; moved_to_day: string | null },
  today: string,
): MeetingView {
  return {
    id: meeting.id,
    day: meeting.day,
    weekday: isoWeekday(meeting.day),
    startsAt: meeting.starts_at,
    endsAt: meeting.ends_at,
    status: meeting.status,
    reason: meeting.reason,
    movedToDay: meeting.moved_to_day,
    past: meeting.day < today,
  };
}

export function MeetingSummary(props: { i18n: I18n; meeting: MeetingView }) {
  const { t, format } = props.i18n;
  const { meeting } = props;
  return (
    <>
      <span class="meeting__day">
        {format.shortDay(meeting.day)} {format.weekday(meeting.weekday)}
      </span>
      <span class="meeting__time">
        {meeting.startsAt}–{meeting.endsAt}
      </span>
      {meeting.status === 'cancelled' ? <span class="tag tag--cancelled">{t('offering.meeting.cancelled')}</span> : null}
      {meeting.status === 'moved' ? (
        <span class="tag tag--moved">
          {t('offering.meeting.moved')}
          {meeting.movedToDay ? ` · ${t('offering.meeting.movedTo', { day: format.shortDay(meeting.movedToDay) })}` : ''}
        </span>
      ) : null}
      {meeting.reason ? <span class="meeting__reason">{t('offering.meeting.reason', { reason: meeting.reason })}</span> : null}
    </>
  );
}
