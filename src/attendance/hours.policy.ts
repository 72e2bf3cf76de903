// Teacher hours (课后服务补助) as pure rules: which month was asked for, up to which day its meetings count as held,
// and the per-offering rows turned into hours, averages and totals per teacher. Data in, figures out.
import { addDays } from '../kernel/calendar.ts';
import type { Day } from '../kernel/vocabulary.ts';

/** A calendar month: `value` as the form shows it (YYYY-MM), its first and last day. */
export interface Month {
  value: string;
  first: Day;
  last: Day;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month of a day (YYYY-MM-DD). */
export function monthOf(day: Day): Month {
  return parseMonth(day.slice(0, 7)) as Month;
}

/** `YYYY-MM` between 2000 and 2099 as a month, or null for anything else. */
export function parseMonth(text: string): Month | null {
  const match = MONTH.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 2000 || year > 2099) return null;
  const first = `${text}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { value: text, first, last: addDays(next, -1) };
}

/** The month asked for: none (or empty) is the current month; anything not YYYY-MM is refused. */
export function askedMonth(query: string | undefined, today: Day): { ok: true; month: Month } | { ok: false; value: string } {
  if (query === undefined || query.trim() === '') return { ok: true, month: monthOf(today) };
  const month = parseMonth(query.trim());
  return month ? { ok: true, month } : { ok: false, value: query };
}

/**
 * The days whose meetings count as held: the month's, up to today. A meeting is held when it is not cancelled and
 * its day (a moved meeting's new day) has come — the roll may still be open, and a meeting later today counts.
 * Null when none of the month has come yet.
 */
export function heldDays(month: Month, today: Day): { from: Day; to: Day } | null {
  const to = month.last < today ? month.last : today;
  return to < month.first ? null : { from: month.first, to };
}

/** One teacher and offering as the repository sums them over the month's held meetings. */
export interface OfferingHoursRow {
  teacherId: number | null;
  teacherName: string | null;
  schoolId: number;
  schoolName: string;
  offeringId: number;
  code: string;
  title: string;
  /** Meetings held (not cancelled, day come). */
  held: number;
  /** Held meetings with at least one mark: the roll was taken. */
  taken: number;
  /** The held meetings' durations (their own start and end, a moved meeting's new ones), in minutes. */
  minutes: number;
  /** Children present or late, summed over the taken rolls (an excused or absent child is not present). */
  present: number;
}

export interface HoursFigures {
  held: number;
  taken: number;
  /** minutes ÷ 60, to two decimals. */
  hours: number;
  /** Children present per taken roll, to one decimal; null when no roll was taken. */
  averagePresent: number | null;
}

export interface OfferingHours extends HoursFigures {
  teacherId: number | null;
  teacherName: string | null;
  schoolName: string;
  code: string;
  title: string;
}

export interface TeacherHours extends HoursFigures {
  teacherId: number | null;
  teacherName: string | null;
  /** The schools of the teacher's offerings, in order. */
  schoolNames: string[];
  offerings: number;
}

export interface TeacherHoursReport {
  offerings: OfferingHours[];
  teachers: TeacherHours[];
  total: HoursFigures & { teachers: number };
}

function figures(sums: { held: number; taken: number; minutes: number; present: number }): HoursFigures {
  return {
    held: sums.held,
    taken: sums.taken,
    hours: Math.round((sums.minutes / 60) * 100) / 100,
    averagePresent: sums.taken === 0 ? null : Math.round((sums.present / sums.taken) * 10) / 10,
  };
}

const collator = new Intl.Collator('zh-CN');

/** Named teachers by name (the unassigned last), then school and offering code: the same order on both databases. */
function byTeacherThenOffering(a: OfferingHoursRow, b: OfferingHoursRow): number {
  if ((a.teacherName === null) !== (b.teacherName === null)) return a.teacherName === null ? 1 : -1;
  return (
    collator.compare(a.teacherName ?? '', b.teacherName ?? '') ||
    (a.teacherId ?? 0) - (b.teacherId ?? 0) ||
    collator.compare(a.schoolName, b.schoolName) ||
    a.code.localeCompare(b.code) ||
    a.offeringId - b.offeringId
  );
}

/** The rows with their hours and averages, the totals per teacher and for everyone; linear after one sort. */
export function teacherHoursReport(rows: readonly OfferingHoursRow[]): TeacherHoursReport {
  const sorted = [...rows].sort(byTeacherThenOffering);
  const teachers = new Map<string, { row: OfferingHoursRow; sums: { held: number; taken: number; minutes: number; present: number }; schools: Set<string>; offerings: number }>();
  const all = { held: 0, taken: 0, minutes: 0, present: 0 };
  for (const row of sorted) {
    // Offerings without a teacher are grouped per school: nobody to pay, but the meetings were held.
    const key = row.teacherId === null ? `none:${row.schoolId}` : String(row.teacherId);
    const entry = teachers.get(key) ?? { row, sums: { held: 0, taken: 0, minutes: 0, present: 0 }, schools: new Set<string>(), offerings: 0 };
    for (const sums of [entry.sums, all]) {
      sums.held += row.held;
      sums.taken += row.taken;
      sums.minutes += row.minutes;
      sums.present += row.present;
    }
    entry.schools.add(row.schoolName);
    entry.offerings += 1;
    teachers.set(key, entry);
  }
  return {
    offerings: sorted.map((row) => ({ teacherId: row.teacherId, teacherName: row.teacherName, schoolName: row.schoolName, code: row.code, title: row.title, ...figures(row) })),
    teachers: [...teachers.values()].map((entry) => ({
      teacherId: entry.row.teacherId,
      teacherName: entry.row.teacherName,
      schoolNames: [...entry.schools],
      offerings: entry.offerings,
      ...figures(entry.sums),
    })),
    total: { ...figures(all), teachers: [...teachers.values()].filter((entry) => entry.row.teacherId !== null).length },
  };
}
