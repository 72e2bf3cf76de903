// Pure rules for a child's week: the weekday × time grid of their offerings, and what became of each meeting (cancelled, moved where).
import { addDays } from '../kernel/calendar.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import type { Day, MeetingStatus, TimeOfDay } from '../db/schema.ts';
import type { MeetingAsHeld, Timetable, TimetableEntry, TimetableItem } from '../../views/components/timetable.tsx';

/** An offering in the child's week, with the weekly slots that place it in the grid. */
export interface TimetableOffering extends TimetableEntry {
  slots: readonly WeeklySlot[];
}

const byTime = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  a.startsAt.localeCompare(b.startsAt) || a.endsAt.localeCompare(b.endsAt);

export function timetableLayout(offerings: readonly TimetableOffering[]): Timetable<TimetableOffering> {
  const placed: (TimetableItem<TimetableOffering> & { weekday: number })[] = [];
  for (const offering of offerings) {
    for (const slot of offering.slots) placed.push({ offering, weekday: slot.weekday, startsAt: slot.startsAt, endsAt: slot.endsAt });
  }
  placed.sort((a, b) => byTime(a, b) || a.offering.title.localeCompare(b.offering.title) || a.offering.offeringId - b.offering.offeringId);

  const weekdays = [1, 2, 3, 4, 5, ...[6, 7].filter((weekend) => placed.some((item) => item.weekday === weekend))];
  const times = [...new Map(placed.map((item) => [`${item.startsAt}-${item.endsAt}`, { startsAt: item.startsAt, endsAt: item.endsAt }])).values()];
  const strip = ({ weekday: _weekday, ...item }: TimetableItem<TimetableOffering> & { weekday: number }): TimetableItem<TimetableOffering> => item;
  const rows = times.map((time) => ({
    ...time,
    cells: weekdays.map((weekday) =>
      placed.filter((item) => item.weekday === weekday && item.startsAt === time.startsAt && item.endsAt === time.endsAt).map(strip),
    ),
  }));
  const days = weekdays
    .map((weekday) => ({ weekday, items: placed.filter((item) => item.weekday === weekday).map(strip) }))
    .filter((day) => day.items.length > 0);
  return { weekdays, rows, days };
}

export interface MeetingRow {
  id: number;
  offeringId: number;
  day: Day;
  startsAt: TimeOfDay;
  endsAt: TimeOfDay;
  room: string;
  status: MeetingStatus;
  reason: string | null;
  movedToDay: Day | null;
}

/** A meeting as it finally stands (MeetingAsHeld), with the id it was first planned under and its room. */
export interface Occurrence extends MeetingAsHeld {
  /** The id of the meeting as first planned: stable however often it moves (calendar UIDs use it). */
  id: number;
  offeringId: number;
  room: string;
}

/**
 * Folds moves into one occurrence each. Moving a meeting marks it `moved` (with the new day and the reason)
 * and adds a make-up meeting on that day with the same reason; the make-up stands in for the original (and
 * may itself be moved or cancelled later, which rewrites its reason), so it is not shown twice.
 */
export function resolveMeetings(meetings: readonly MeetingRow[]): Occurrence[] {
  const ordered = [...meetings].sort((a, b) => a.id - b.id);
  const consumed = new Set<number>();
  // A make-up is newer than what it replaces and always carries a reason (the move's, or its own later
  // cancellation's or move's); a regular meeting on that day has none.
  const replacementOf = (meeting: MeetingRow) => {
    const candidates = ordered.filter(
      (other) =>
        other.id > meeting.id && !consumed.has(other.id) && other.offeringId === meeting.offeringId && other.day === meeting.movedToDay && other.reason !== null,
    );
    return candidates.find((other) => other.reason === meeting.reason) ?? candidates[0];
  };
  const occurrences: Occurrence[] = [];
  for (const meeting of ordered) {
    if (consumed.has(meeting.id)) continue;
    let current = meeting;
    let moved = false;
    let lost = false;
    while (current.status === 'moved') {
      moved = true;
      const next = replacementOf(current);
      if (!next) {
        lost = true; // the make-up meeting is gone: say where it was going, at the old time
        break;
      }
      consumed.add(next.id);
      current = next;
    }
    const status = current.status === 'cancelled' ? 'cancelled' : moved ? 'moved' : 'scheduled';
    occurrences.push({
      id: meeting.id,
      offeringId: meeting.offeringId,
      day: lost ? (current.movedToDay ?? current.day) : current.day,
      startsAt: current.startsAt,
      endsAt: current.endsAt,
      room: current.room,
      status,
      reason: current.reason ?? (moved ? meeting.reason : null),
      original: moved ? { day: meeting.day, startsAt: meeting.startsAt, endsAt: meeting.endsAt } : null,
    });
  }
  return occurrences.sort((a, b) => a.day.localeCompare(b.day) || byTime(a, b) || a.id - b.id);
}

export const UPCOMING_DAYS = 14;

/** Occurrences a parent should hear about in the coming days: those that take place then, and those that were planned for then. */
export function upcomingOccurrences<Item extends Occurrence>(occurrences: readonly Item[], today: Day, days = UPCOMING_DAYS): Item[] {
  const last = addDays(today, days - 1);
  const within = (day: Day) => day >= today && day <= last;
  return occurrences.filter((occurrence) => within(occurrence.day) || (occurrence.original !== null && within(occurrence.original.day)));
}
