// The district's data portrait as pure arithmetic: which term of each school is shown, and the aggregates the
// repository counted turned into figures per school, category and grade, unmet demand and weekly attendance.
// Attendance is the school report's own definition (report.policy.ts), not a second one.
import { CATEGORY_CODES } from '../kernel/categories.ts';
import type { AttendanceMark, ChildCheck, Day, OfferingKind } from '../db/schema.ts';
import { attendanceRate, mondayOf } from '../attendance/report.policy.ts';
import type { DistrictFigures, DistrictPortrait, GradeFigures, Tally, UnmetDemand } from '../../views/pages/district.tsx';

export interface PortraitTerm {
  id: number;
  school_id: number;
  name_zh: string;
  name_en: string;
  first_day: Day;
  last_day: Day;
}

/**
 * Each school's term shown: by default its current one (the earliest that has not ended by `today`, as its
 * catalogue has it); for a chosen term, that term at its school and, at every other school, the term running on
 * the chosen term's first day (or else the first one overlapping it). Null when the chosen term does not exist.
 */
export function termsShown<T extends PortraitTerm>(terms: readonly T[], today: Day, chosen: number | null): Map<number, T> | null {
  const shown = new Map<number, T>();
  const sorted = [...terms].sort((a, b) => a.first_day.localeCompare(b.first_day) || a.id - b.id);
  if (chosen === null) {
    for (const term of sorted) if (term.last_day >= today && !shown.has(term.school_id)) shown.set(term.school_id, term);
    return shown;
  }
  const pick = sorted.find((term) => term.id === chosen);
  if (!pick) return null;
  shown.set(pick.school_id, pick);
  for (const term of sorted) {
    if (shown.has(term.school_id)) continue;
    if (term.first_day <= pick.first_day && term.last_day >= pick.first_day) shown.set(term.school_id, term);
  }
  for (const term of sorted) {
    if (shown.has(term.school_id)) continue;
    if (term.first_day <= pick.last_day && term.last_day >= pick.first_day) shown.set(term.school_id, term);
  }
  return shown;
}

/** The terms a district admin may choose: one per period (same first and last day and name), earliest first. */
export function termChoices<T extends PortraitTerm>(terms: readonly T[]): T[] {
  const seen = new Set<string>();
  const choices: T[] = [];
  for (const term of [...terms].sort((a, b) => b.first_day.localeCompare(a.first_day) || a.id - b.id)) {
    const key = `${term.first_day}|${term.last_day}|${term.name_zh}`;
    if (seen.has(key)) continue;
    seen.add(key);
    choices.push(term);
  }
  return choices;
}

export interface PortraitSchool {
  id: number;
  slug: string;
  name: string;
  childCheck: ChildCheck;
  term: PortraitTerm | null;
}

/** What the children of one school and grade hold: totals, and per category seats held and children waiting. */
export interface ChildCounts {
  schoolId: number;
  grade: number;
  seated: number;
  enrolled: number;
  waitlisted: number;
  unmet: number;
  categories: Record<string, { seated: number; waiting: number; waitlisted: number; unmet: number }>;
}

/** The repository's aggregates, as numbers. */
export interface PortraitCounts {
  offerings: { termId: number; category: string; kind: OfferingKind; gradeMin: number; gradeMax: number; offerings: number; seats: number; enrolled: number; free: number }[];
  wanted: { termId: number; category: string; status: 'waitlisted' | 'withdrawn' | 'requested'; places: number }[];
  children: ChildCounts[];
  registered: { schoolId: number; grade: number; children: number }[];
  pupils: { schoolId: number; grade: number; children: number }[];
  /** Named marks and anonymous tallies alike. */
  marks: { termId: number; category: string; day: Day; mark: AttendanceMark; marks: number }[];
}

const emptyTally = (): Tally => ({ present: 0, late: 0, absent: 0, excused: 0 });
const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const sum = <T>(rows: readonly T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);

function figures(parts: { offerings: PortraitCounts['offerings']; wanted: PortraitCounts['wanted']; marks: { mark: AttendanceMark; marks: number }[]; seated: number; known: number }): DistrictFigures {
  const tally = emptyTally();
  for (const row of parts.marks) tally[row.mark] += row.marks;
  const seats = sum(parts.offerings, (row) => row.seats);
  const enrolled = sum(parts.offerings, (row) => row.enrolled);
  return {
    offerings: sum(parts.offerings, (row) => row.offerings),
    clubs: sum(parts.offerings.filter((row) => row.kind === 'club'), (row) => row.offerings),
    courses: sum(parts.offerings.filter((row) => row.kind === 'course'), (row) => row.offerings),
    seats,
    enrolled,
    free: sum(parts.offerings, (row) => row.free),
    waitlisted: sum(parts.wanted.filter((row) => row.status === 'waitlisted'), (row) => row.places),
    unmet: sum(parts.wanted.filter((row) => row.status === 'withdrawn'), (row) => row.places),
    requested: sum(parts.wanted.filter((row) => row.status === 'requested'), (row) => row.places),
    fillRate: rate(enrolled, seats),
    seatedChildren: parts.seated,
    knownChildren: parts.known,
    participationRate: rate(parts.seated, parts.known),
    ...tally,
    attendanceRate: attendanceRate(tally),
  };
}

const categoryOrder = (code: string) => {
  const index = (CATEGORY_CODES as readonly string[]).indexOf(code);
  return index === -1 ? CATEGORY_CODES.length : index;
};

export function portrait(schools: readonly PortraitSchool[], counts: PortraitCounts, grade: number | null): DistrictPortrait {
  const schoolOfTerm = new Map(schools.flatMap((school) => (school.term ? [[school.term.id, school.id] as const] : [])));
  const knownRows = (school: PortraitSchool) => (school.childCheck === 'pupil_list' ? counts.pupils : counts.registered).filter((row) => row.schoolId === school.id && (grade === null || row.grade === grade));
  const bySchool = schools.map((school) => {
    const termId = school.term?.id ?? -1;
    return {
      slug: school.slug,
      name: school.name,
      term: school.term,
      ...figures({
        offerings: counts.offerings.filter((row) => row.termId === termId),
        wanted: counts.wanted.filter((row) => row.termId === termId),
        marks: counts.marks.filter((row) => row.termId === termId),
        seated: sum(counts.children.filter((row) => row.schoolId === school.id), (row) => row.seated),
        known: sum(knownRows(school), (row) => row.children),
      }),
    };
  });
  const knownInDistrict = sum(bySchool, (row) => row.knownChildren);
  const shownTerms = new Set(schoolOfTerm.keys());
  const inShown = <T extends { termId: number }>(rows: readonly T[]) => rows.filter((row) => shownTerms.has(row.termId));
  const total = figures({
    offerings: inShown(counts.offerings),
    wanted: inShown(counts.wanted),
    marks: inShown(counts.marks),
    seated: sum(counts.children, (row) => row.seated),
    known: knownInDistrict,
  });

  const categoryCodes = [...new Set([...inShown(counts.offerings).map((row) => row.category), ...inShown(counts.wanted).map((row) => row.category)])].sort(
    (a, b) => categoryOrder(a) - categoryOrder(b) || a.localeCompare(b),
  );
  const byCategory = categoryCodes.map((category) => ({
    category,
    ...figures({
      offerings: inShown(counts.offerings).filter((row) => row.category === category),
      wanted: inShown(counts.wanted).filter((row) => row.category === category),
      marks: inShown(counts.marks).filter((row) => row.category === category),
      seated: sum(counts.children, (row) => row.categories[category]?.seated ?? 0),
      known: knownInDistrict,
    }),
  }));

  const grades = [
    ...new Set([
      ...schools.flatMap((school) => knownRows(school).map((row) => row.grade)),
      ...counts.children.map((row) => row.grade),
    ]),
  ].sort((a, b) => a - b);
  const byGrade: GradeFigures[] = grades.map((one) => {
    const known = sum(schools.flatMap((school) => knownRows(school).filter((row) => row.grade === one)), (row) => row.children);
    const rows = counts.children.filter((row) => row.grade === one);
    const seated = sum(rows, (row) => row.seated);
    return { grade: one, knownChildren: known, seatedChildren: seated, participationRate: rate(seated, known), enrolled: sum(rows, (row) => row.enrolled), waitlisted: sum(rows, (row) => row.waitlisted), unmet: sum(rows, (row) => row.unmet) };
  });

  const waitingIn = (category: string, grade: number, what: 'waiting' | 'waitlisted' | 'unmet') =>
    sum(counts.children.filter((row) => row.grade === grade), (row) => row.categories[category]?.[what] ?? 0);
  const unmetDemand: UnmetDemand[] = [...CATEGORY_CODES]
    .flatMap((category) => grades.map((grade) => ({ category, grade, children: waitingIn(category, grade, 'waiting') })))
    .filter((row) => row.children > 0)
    .map((row) => ({
      ...row,
      waitlisted: waitingIn(row.category, row.grade, 'waitlisted'),
      unmet: waitingIn(row.category, row.grade, 'unmet'),
      freeSeats: sum(
        inShown(counts.offerings).filter((offering) => offering.category === row.category && offering.gradeMin <= row.grade && offering.gradeMax >= row.grade),
        (offering) => offering.free,
      ),
    }));

  const weeks = [...new Set(counts.marks.map((row) => mondayOf(row.day)))].sort();
  const weekly = schools.map((school) => {
    const byWeek = new Map<Day, Tally>();
    for (const row of counts.marks) {
      if (row.termId !== school.term?.id) continue;
      const monday = mondayOf(row.day);
      if (!byWeek.has(monday)) byWeek.set(monday, emptyTally());
      byWeek.get(monday)![row.mark] += row.marks;
    }
    return { slug: school.slug, name: school.name, weeks: weeks.map((monday) => ({ monday, rate: byWeek.has(monday) ? attendanceRate(byWeek.get(monday)!) : null })) };
  });

  return { schools: bySchool, total, categories: byCategory, grades: byGrade, unmet: unmetDemand, weeks, weekly };
}
