// Calendar arithmetic on YYYY-MM-DD days in the district's time zone (no library needed for whole days).
import type { Day } from './vocabulary.ts';

// Building an Intl.DateTimeFormat costs far more than using one: one of each per time zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in a time zone. */
export function dayInZone(instant: Date, timeZone: string): Day {
  let format = dayFormats.get(timeZone);
  // en-CA formats as YYYY-MM-DD.
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(instant);
}

export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The wall-clock date and time an instant shows in a time zone, as zero-padded strings. */
function wallClock(instant: Date, timeZone: string) {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    wallClockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The instant a wall-clock time on a day has in a time zone (e.g. 2026-09-01 08:00 Asia/Shanghai). */
export function instantInZone(day: Day, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const wall = wallClock(guess, timeZone);
  const asIfUtc = Date.UTC(Number(wall.year), Number(wall.month) - 1, Number(wall.day), Number(wall.hour), Number(wall.minute));
  return new Date(guess.getTime() - (asIfUtc - guess.getTime()));
}

/** An instant as the wall-clock "YYYY-MM-DDTHH:MM" of a time zone (what a datetime-local input shows). */
export function localDateTime(instant: Date, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return `${wall.year}-${wall.month}-${wall.day}T${wall.hour}:${wall.minute}`;
}
