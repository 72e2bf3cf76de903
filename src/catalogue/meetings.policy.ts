// Pure rule: the dated meetings an offering's weekly slots produce over a term, minus its holidays.
import { addDays, isoWeekday } from '../kernel/calendar.ts';
import type { Day, TimeOfDay } from '../db/schema.ts';
import type { WeeklySlot } from '../kernel/slots.ts';

export interface MeetingPlan {
  day: Day;
  startsAt: TimeOfDay;
  endsAt: TimeOfDay;
}

/** Every slot on every term day of its weekday, in date then time order, skipping holidays. */
export function meetingsForTerm(
  term: { firstDay: Day; lastDay: Day; holidays: Iterable<Day> },
  slots: readonly WeeklySlot[],
): MeetingPlan[] {
  const holidays = new Set(term.holidays);
  const ordered = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const meetings: MeetingPlan[] = [];
  for (let day = term.firstDay; day <= term.lastDay; day = addDays(day, 1)) {
    if (holidays.has(day)) continue;
    const weekday = isoWeekday(day);
    for (const slot of ordered) {
      if (slot.weekday === weekday) meetings.push({ day, startsAt: slot.startsAt, endsAt: slot.endsAt });
    }
  }
  return meetings;
}
