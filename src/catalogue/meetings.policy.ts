// Pure rules: the dated meetings an offering's weekly slots produce over a term, minus its holidays, and how the
// future meetings follow a changed plan.
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

/**
 * Which meetings to drop and which to add so the future follows the plan: a future meeting that still
 * matches a planned day and time stays (with any cancellation or move on it), one with attendance stays
 * whatever happens, every other future meeting goes, and planned ones not yet there are added.
 */
export function reconcileMeetings(
  existing: readonly { id: number; day: Day; starts_at: string; ends_at: string; marks: number; status: string; reason: string | null }[],
  plans: readonly MeetingPlan[],
): { remove: number[]; add: MeetingPlan[] } {
  const key = (day: string, start: string, end: string) => `${day} ${start} ${end}`;
  const wanted = new Map(plans.map((plan) => [key(plan.day, plan.startsAt, plan.endsAt), plan]));
  const remove: number[] = [];
  for (const meeting of existing) {
    const k = key(meeting.day, meeting.starts_at, meeting.ends_at);
    // Parents were told about a cancelled, moved or made-up meeting: it stays as it is.
    const announced = meeting.status !== 'scheduled' || meeting.reason !== null;
    if (wanted.has(k)) wanted.delete(k);
    else if (Number(meeting.marks) === 0 && !announced) remove.push(meeting.id);
  }
  return { remove, add: [...wanted.values()] };
}
