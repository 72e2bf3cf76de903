// A child's meetings as an iCalendar feed (RFC 5545) made by the ics library: one event per meeting, in UTC, stable UIDs.
import { type EventAttributes, createEvents } from 'ics';
import { instantInZone } from '../kernel/calendar.ts';
import type { I18n } from '../kernel/messages.ts';
import type { Occurrence } from './timetable.policy.ts';

export interface FeedMeeting extends Occurrence {
  titleZh: string;
  titleEn: string | null;
}

/**
 * Meetings keep the UID of the meeting as first planned, so a calendar app moves the event it already has
 * instead of adding a second one; a cancelled meeting stays in the feed as STATUS:CANCELLED so the app
 * takes it off the day.
 */
export function childCalendar(input: { childName: string; meetings: readonly FeedMeeting[]; i18n: I18n; timeZone: string; now: Date }): string {
  const { t, format, pick } = input.i18n;
  const child = input.childName;
  // DTSTAMP from the injected clock (ics reads `timestamp`, which its types leave out).
  const stamp = { timestamp: input.now.getTime() } as Partial<EventAttributes>;
  const events = input.meetings.map((meeting): EventAttributes => {
    const title = pick(meeting.titleZh, meeting.titleEn);
    const notes: string[] = [];
    if (meeting.original) {
      notes.push(t('family.calendar.movedFrom', { day: format.day(meeting.original.day), start: meeting.original.startsAt, end: meeting.original.endsAt }));
    }
    if (meeting.reason) notes.push(t('offering.meeting.reason', { reason: meeting.reason }));
    const cancelled = meeting.status === 'cancelled';
    return {
      ...stamp,
      uid: `meeting-${meeting.id}@clubroll`,
      start: instantInZone(meeting.day, meeting.startsAt, input.timeZone).getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: instantInZone(meeting.day, meeting.endsAt, input.timeZone).getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: cancelled ? t('family.calendar.cancelledTitle', { child, title }) : t('family.calendar.eventTitle', { child, title }),
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      busyStatus: cancelled ? 'FREE' : 'BUSY',
      ...(meeting.room ? { location: meeting.room } : {}),
      ...(notes.length > 0 ? { description: notes.join('\n') } : {}),
    };
  });
  const { error, value } = createEvents(events, { productId: '-//Clubroll//Family calendar//EN', calName: t('family.calendar.name', { child }) });
  if (error || value === null) throw error ?? new Error('ics produced no calendar');
  return value;
}
