// Pure rules of leave ahead (请假): what a guardian's report asks for (one meeting or a range of days), and which
// meetings may still be reported or withdrawn (those not started and not yet on the roll).
import { addDays, instantInZone } from '../kernel/calendar.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { parseId } from '../kernel/ids.ts';
import type { Day, MeetingStatus } from '../db/schema.ts';

/** A range covers at most this many days (about a term): the work of one report stays bounded. */
export const MAX_LEAVE_DAYS = 120;
/** How many upcoming meetings the report form offers to pick from. */
export const LEAVE_CHOICES = 20;

export type LeaveField = 'meeting' | 'from' | 'to' | 'reason';
export type LeaveRequest = { kind: 'meeting'; meetingId: number } | { kind: 'range'; from: Day; to: Day };

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && addDays(text, 0) === text;

/** One meeting or a range of days, never both nor neither; the range in order and at most MAX_LEAVE_DAYS long. */
export function leaveRequest(input: { meeting?: string | undefined; from?: string | undefined; to?: string | undefined }):
  | { ok: true; request: LeaveRequest }
  | { ok: false; errors: Partial<Record<LeaveField, Rejection>> } {
  const meeting = input.meeting?.trim() ?? '';
  const from = input.from?.trim() ?? '';
  const to = input.to?.trim() ?? '';
  if (meeting !== '' && (from !== '' || to !== '')) return { ok: false, errors: { meeting: { key: 'leave.error.both' } } };
  if (meeting !== '') {
    const meetingId = parseId(meeting);
    return meetingId === null ? { ok: false, errors: { meeting: { key: 'leave.error.meeting' } } } : { ok: true, request: { kind: 'meeting', meetingId } };
  }
  if (from === '' && to === '') return { ok: false, errors: { meeting: { key: 'leave.error.choose' } } };
  const errors: Partial<Record<LeaveField, Rejection>> = {};
  if (!isDay(from)) errors.from = { key: 'leave.error.day' };
  if (!isDay(to)) errors.to = { key: 'leave.error.day' };
  if (errors.from || errors.to) return { ok: false, errors };
  if (from > to) return { ok: false, errors: { to: { key: 'leave.error.order' } } };
  if (addDays(from, MAX_LEAVE_DAYS - 1) < to) return { ok: false, errors: { to: { key: 'leave.error.tooLong', params: { max: MAX_LEAVE_DAYS } } } };
  return { ok: true, request: { kind: 'range', from, to } };
}

export interface LeaveMeeting {
  day: Day;
  startsAt: string;
  status: MeetingStatus;
  /** The child already has a mark on this meeting's roll. */
  marked: boolean;
}

/** Not started yet: a later day, or today before its start (in the district's time zone). */
export function notStarted(meeting: Pick<LeaveMeeting, 'day' | 'startsAt'>, now: Date, today: Day, timeZone: string): boolean {
  return meeting.day > today || (meeting.day === today && now < instantInZone(meeting.day, meeting.startsAt, timeZone));
}

/**
 * Why a meeting cannot be reported (null: it can). A moved meeting is reported on its make-up meeting (the one that
 * takes place, on the new day), so the moved original counts as not taking place, like a cancelled one.
 */
export function leaveRefusal(meeting: LeaveMeeting, now: Date, today: Day, timeZone: string): 'cancelled' | 'held' | null {
  if (meeting.status !== 'scheduled') return 'cancelled';
  if (!notStarted(meeting, now, today, timeZone) || meeting.marked) return 'held';
  return null;
}

/** A report may be withdrawn until its meeting starts or the roll has a mark for the child. */
export function canWithdraw(meeting: Pick<LeaveMeeting, 'day' | 'startsAt' | 'marked'>, now: Date, today: Day, timeZone: string): boolean {
  return notStarted(meeting, now, today, timeZone) && !meeting.marked;
}
