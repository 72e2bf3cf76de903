// Pure rules for changing one meeting: cancel it, move it, or reinstate a cancelled one — never in the past.
import type { Rejection } from '../kernel/rejection.ts';
import type { Day } from '../db/schema.ts';
import { isRealDay } from './term.policy.ts';

export type MeetingChange =
  | { kind: 'cancel'; reason: string }
  | { kind: 'move'; reason: string; day: Day; startsAt: string; endsAt: string }
  | { kind: 'reinstate' };

export type MeetingField = 'reason' | 'day' | 'time' | 'meeting';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function meetingChangeProblems(
  meeting: { day: Day; status: string },
  change: MeetingChange,
  context: { today: Day; firstDay: Day; lastDay: Day },
): Partial<Record<MeetingField, Rejection>> {
  if (meeting.day < context.today) return { meeting: { key: 'meeting.error.past' } };
  if (change.kind === 'reinstate') return meeting.status === 'cancelled' ? {} : { meeting: { key: 'meeting.error.notCancelled' } };
  const problems: Partial<Record<MeetingField, Rejection>> = {};
  if (meeting.status !== 'scheduled') problems.meeting = { key: 'meeting.error.notScheduled' };
  if (change.reason.trim() === '') problems.reason = { key: 'meeting.error.reasonRequired' };
  if (change.kind === 'move') {
    if (!isRealDay(change.day) || change.day < context.today || change.day < context.firstDay || change.day > context.lastDay) {
      problems.day = { key: 'meeting.error.dayOutside' };
    }
    if (!TIME.test(change.startsAt) || !TIME.test(change.endsAt)) problems.time = { key: 'offering.error.slotTime' };
    else if (change.endsAt <= change.startsAt) problems.time = { key: 'offering.error.slotOrder' };
  }
  return problems;
}
