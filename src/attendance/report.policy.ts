// The term's attendance report as pure arithmetic: figures per offering and per category, a weekly series,
// and the children with repeated unexcused absences. Data in, figures out; the service fetches the data.
import { addDays, isoWeekday } from '../kernel/calendar.ts';
import type { AttendanceMark, Day } from '../db/schema.ts';
import type { AttendanceReport, Figures, ReportOffering, Tally } from '../../views/pages/attendance-report.tsx';

/** A child with this many unexcused absences in the term is flagged for the school to follow up. */
export const ABSENCE_FLAG = 3;

export interface ReportMark {
  offeringId: number;
  childId: number;
  childName: string;
  day: Day;
  mark: AttendanceMark;
}

/** Marks that no longer say whose they were (an erased child, a purged term): counted, never flagged. */
export interface AnonymousTally {
  offeringId: number;
  day: Day;
  mark: AttendanceMark;
  count: number;
}

const emptyTally = (): Tally => ({ present: 0, late: 0, absent: 0, excused: 0 });

function add(tally: Tally, mark: AttendanceMark) {
  tally[mark] += 1;
}

export function attendanceRate(tally: Tally): number | null {
  const expected = tally.present + tally.late + tally.absent;
  return expected === 0 ? null : (tally.present + tally.late) / expected;
}

function figures(tally: Tally, enrolled: number, capacity: number): Figures {
  return { ...tally, enrolled, capacity, fillRate: capacity === 0 ? null : enrolled / capacity, attendanceRate: attendanceRate(tally) };
}

export function mondayOf(day: Day): Day {
  return addDays(day, 1 - isoWeekday(day));
}

export function attendanceReport(offerings: readonly ReportOffering[], marks: readonly ReportMark[], tallies: readonly AnonymousTally[] = []): AttendanceReport {
  const byOffering = new Map(offerings.map((offering) => [offering.id, emptyTally()]));
  const byWeek = new Map<Day, Tally>();
  for (const tally of tallies) {
    const offering = byOffering.get(tally.offeringId);
    if (!offering) continue; // filtered out
    offering[tally.mark] += tally.count;
    const monday = mondayOf(tally.day);
    if (!byWeek.has(monday)) byWeek.set(monday, emptyTally());
    byWeek.get(monday)![tally.mark] += tally.count;
  }
  const absences = new Map<string, { childId: number; childName: string; offeringId: number; absences: number }>();
  for (const mark of marks) {
    const tally = byOffering.get(mark.offeringId);
    if (!tally) continue; // filtered out
    add(tally, mark.mark);
    const monday = mondayOf(mark.day);
    if (!byWeek.has(monday)) byWeek.set(monday, emptyTally());
    add(byWeek.get(monday)!, mark.mark);
    if (mark.mark === 'absent') {
      const key = `${mark.offeringId}:${mark.childId}`;
      const entry = absences.get(key) ?? { childId: mark.childId, childName: mark.childName, offeringId: mark.offeringId, absences: 0 };
      entry.absences += 1;
      absences.set(key, entry);
    }
  }
  const flagged = [...absences.values()].filter((entry) => entry.absences >= ABSENCE_FLAG).sort((a, b) => b.absences - a.absences || a.childName.localeCompare(b.childName));

  const perOffering = offerings.map((offering) => ({
    offering,
    ...figures(byOffering.get(offering.id)!, offering.enrolled, offering.capacity),
    flagged: flagged.filter((entry) => entry.offeringId === offering.id).length,
  }));

  const categoryNames = [...new Set(offerings.map((offering) => offering.category))];
  const categories = categoryNames.map((category) => {
    const members = perOffering.filter((row) => row.offering.category === category);
    const tally = emptyTally();
    for (const row of members) for (const mark of ['present', 'late', 'absent', 'excused'] as const) tally[mark] += row[mark];
    return { category, ...figures(tally, sum(members.map((row) => row.enrolled)), sum(members.map((row) => row.capacity))) };
  });

  const totalTally = emptyTally();
  for (const row of categories) for (const mark of ['present', 'late', 'absent', 'excused'] as const) totalTally[mark] += row[mark];
  const total = figures(totalTally, sum(categories.map((row) => row.enrolled)), sum(categories.map((row) => row.capacity)));

  const weeks = [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([monday, tally]) => ({ monday, rate: attendanceRate(tally), marks: tally.present + tally.late + tally.absent + tally.excused }));

  return { offerings: perOffering, categories, total, weeks, flagged };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
