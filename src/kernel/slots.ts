// A weekly slot (weekday and times) and when two of them clash: the catalogue, enrolment, the lottery and the
// family timetable all reason about slots.
import type { TimeOfDay } from './vocabulary.ts';

export interface WeeklySlot {
  weekday: number; // ISO 1 = Monday … 7 = Sunday
  startsAt: TimeOfDay;
  endsAt: TimeOfDay;
}

/** Two weekly slots overlap when they share a weekday and their times intersect (touching ends do not). */
export function slotsOverlap(a: WeeklySlot, b: WeeklySlot): boolean {
  return a.weekday === b.weekday && a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}
