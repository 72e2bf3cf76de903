// Pure rules of the roll: when marks may be written, and what the guardians are told when a mark changes.
import { addDays, instantInZone } from '../kernel/calendar.ts';
import { attendanceRate } from './report.policy.ts';
import type { AbsenceAlertState, AttendanceMark, Day } from '../db/schema.ts';
import type { AttendanceTally } from '../kernel/vocabulary.ts';

export const MARKS: readonly AttendanceMark[] = ['present', 'late', 'absent', 'excused'];

export function isMark(value: unknown): value is AttendanceMark {
  return typeof value === 'string' && (MARKS as readonly string[]).includes(value);
}

/** Marks stay editable until midnight at the end of the day after the meeting, in the district's time zone. */
export function editableUntil(meetingDay: Day, timeZone: string): Date {
  return instantInZone(addDays(meetingDay, 2), '00:00', timeZone);
}

export type RollState = 'not_yet' | 'open' | 'locked' | 'unlocked';

/**
 * Whether the roll of a meeting may be written now: not before its day, then until the end of the next day;
 * after that only while an admin's unlock lasts.
 */
export function rollState(input: { meetingDay: Day; today: Day; now: Date; timeZone: string; unlockedUntil: Date | null }): RollState {
  if (input.meetingDay > input.today) return 'not_yet';
  if (input.now < editableUntil(input.meetingDay, input.timeZone)) return 'open';
  if (input.unlockedUntil && input.now < input.unlockedUntil) return 'unlocked';
  return 'locked';
}

export function canWriteRoll(state: RollState): boolean {
  return state === 'open' || state === 'unlocked';
}

/** What the guardians hear when a child's mark changes. */
export type AbsenceMessage =
  /** The alarm: the child was expected and is not there. */
  | { send: 'absent'; state: 'absent' }
  /** A correction of an earlier alarm: the child is there after all (late, present) or the absence is excused. */
  | { send: 'absence_cleared'; mark: Exclude<AttendanceMark, 'absent'>; state: 'cleared' }
  /** A correction of a correction: absent after all. */
  | { send: 'absent_again'; state: 'absent' }
  /** A correction while the first alarm is still held (its grace): withdraw it; the guardians were never told. */
  | { send: 'withdraw'; state: null }
  | { send: null; state: AbsenceAlertState | null };

/**
 * One alarm per child per meeting, at most: the first unexcused absence alarms the guardians; any later change
 * of mind is a follow-up that says so, and repeating a mark says nothing. While that first alarm is still held
 * (`alarmPending`: its grace has not run out), a change of mind withdraws it instead, and nobody is told anything.
 * A child its guardians reported on leave (`onLeave`) raises no alarm: they know.
 */
export function absenceMessage(state: AbsenceAlertState | null, mark: AttendanceMark, facts: { onLeave?: boolean; alarmPending?: boolean } = {}): AbsenceMessage {
  if (facts.alarmPending && state === 'absent' && mark !== 'absent') return { send: 'withdraw', state: null };
  if (mark === 'absent') {
    if (facts.onLeave) return { send: null, state };
    if (state === null) return { send: 'absent', state: 'absent' };
    if (state === 'cleared') return { send: 'absent_again', state: 'absent' };
    return { send: null, state };
  }
  if (state === 'absent') return { send: 'absence_cleared', mark, state: 'cleared' };
  return { send: null, state };
}

/** Whether a mark's first alarm is still held at `now` (its grace has not run out). */
export function alarmPending(mark: { alert_state: AbsenceAlertState | null; alert_due_at: string | null } | undefined, now: Date): boolean {
  return mark?.alert_state === 'absent' && mark.alert_due_at !== null && new Date(mark.alert_due_at) > now;
}

/** The key that names a child's held alarm for one meeting, so a correction can withdraw it. */
export function absenceHoldKey(meetingId: number, childId: number): string {
  return `absence:${meetingId}:${childId}`;
}

export type RollStatistics = AttendanceTally;

/** Attendance figures from a list of marks (one per held meeting that was marked). */
export function rollStatistics(marks: readonly AttendanceMark[]): RollStatistics {
  const count = (mark: AttendanceMark) => marks.filter((one) => one === mark).length;
  const present = count('present');
  const late = count('late');
  const absent = count('absent');
  const excused = count('excused');
  return { meetings: marks.length, present, late, absent, excused, rate: attendanceRate({ present, late, absent, excused }) };
}

