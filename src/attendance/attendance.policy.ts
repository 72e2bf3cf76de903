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
  | { send: null; state: AbsenceAlertState | null };

/**
 * One alarm per child per meeting, at most: the first unexcused absence alarms the guardians; any later change
 * of mind is a follow-up that says so, and repeating a mark says nothing. A child its guardians reported on leave
 * (`onLeave`) raises no alarm: they know.
 */
export function absenceMessage(state: AbsenceAlertState | null, mark: AttendanceMark, facts: { onLeave?: boolean } = {}): AbsenceMessage {
  if (mark === 'absent') {
    if (facts.onLeave) return { send: null, state };
    if (state === null) return { send: 'absent', state: 'absent' };
    if (state === 'cleared') return { send: 'absent_again', state: 'absent' };
    return { send: null, state };
  }
  if (state === 'absent') return { send: 'absence_cleared', mark, state: 'cleared' };
  return { send: null, state };
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

