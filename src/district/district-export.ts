// The portrait as open figures: district.json (rates as numbers 0–1, null without data) and one CSV per table,
// written through the one CSV writer with headers in the reader's language.
import { percent } from '../../views/components/district-charts.tsx';
import { type DistrictFigures, type DistrictPortrait, categoryLabel } from '../../views/pages/district.tsx';
import { csvFromRows } from '../http/csv.ts';
import type { I18n, MessageKey } from '../kernel/messages.ts';

export const CSV_TABLES = ['schools', 'categories', 'grades', 'unmet'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

function figuresJson(row: DistrictFigures) {
  return {
    offerings: row.offerings,
    clubs: row.clubs,
    courses: row.courses,
    seats: row.seats,
    enrolled: row.enrolled,
    free_seats: row.free,
    waitlisted: row.waitlisted,
    unmet: row.unmet,
    requested: row.requested,
    fill_rate: row.fillRate,
    children_with_seat: row.seatedChildren,
    children_known: row.knownChildren,
    participation_rate: row.participationRate,
    marks: { present: row.present, late: row.late, absent: row.absent, excused: row.excused },
    attendance_rate: row.attendanceRate,
  };
}

export function portraitJson(portrait: DistrictPortrait, filter: { term: number | null; category: string | null; grade: number | null }) {
  return {
    filter,
    district: figuresJson(portrait.total),
    schools: portrait.schools.map((school) => ({
      slug: school.slug,
      name: school.name,
      term: school.term ? { id: school.term.id, name: school.term.name_zh, name_en: school.term.name_en } : null,
      ...figuresJson(school),
    })),
    categories: portrait.categories.map((row) => ({ category: row.category, ...figuresJson(row) })),
    grades: portrait.grades.map((row) => ({
      grade: row.grade,
      children_known: row.knownChildren,
      children_with_seat: row.seatedChildren,
      participation_rate: row.participationRate,
      enrolled: row.enrolled,
      waitlisted: row.waitlisted,
      unmet: row.unmet,
    })),
    unmet_demand: portrait.unmet.map((row) => ({ category: row.category, grade: row.grade, children_waiting: row.children, waitlisted: row.waitlisted, unmet: row.unmet, free_seats: row.freeSeats })),
    weekly_attendance: portrait.weekly.map((row) => ({ slug: row.slug, weeks: row.weeks.map((week) => ({ monday: week.monday, attendance_rate: week.rate })) })),
  };
}

const FIGURE_HEADS: MessageKey[] = [
  'district.col.offerings',
  'district.csv.clubs',
  'district.csv.courses',
  'district.col.seats',
  'district.col.enrolled',
  'district.csv.free',
  'district.col.waitlisted',
  'district.col.unmet',
  'district.col.fill',
  'district.col.seated',
  'district.col.known',
  'district.col.participation',
  'district.csv.present',
  'district.csv.late',
  'district.csv.absent',
  'district.csv.excused',
  'district.col.attendance',
];

function figureCells(i18n: I18n, row: DistrictFigures) {
  return [
    row.offerings,
    row.clubs,
    row.courses,
    row.seats,
    row.enrolled,
    row.free,
    row.waitlisted,
    row.unmet,
    percent(i18n, row.fillRate),
    row.seatedChildren,
    row.knownChildren,
    percent(i18n, row.participationRate),
    row.present,
    row.late,
    row.absent,
    row.excused,
    percent(i18n, row.attendanceRate),
  ];
}

export function portraitCsv(i18n: I18n, portrait: DistrictPortrait, table: CsvTable): string {
  const { t } = i18n;
  const heads = (keys: MessageKey[]) => keys.map((key) => t(key));
  switch (table) {
    case 'schools':
      return csvFromRows([
        heads(['district.col.school', 'district.csv.slug', 'district.col.term', ...FIGURE_HEADS]),
        ...portrait.schools.map((school) => [school.name, school.slug, school.term ? i18n.pick(school.term.name_zh, school.term.name_en) : '', ...figureCells(i18n, school)]),
        [t('district.total'), '', '', ...figureCells(i18n, portrait.total)],
      ]);
    case 'categories':
      return csvFromRows([heads(['district.col.category', ...FIGURE_HEADS]), ...portrait.categories.map((row) => [categoryLabel(i18n, row.category), ...figureCells(i18n, row)])]);
    case 'grades':
      return csvFromRows([
        heads(['district.col.grade', 'district.col.known', 'district.col.seated', 'district.col.participation', 'district.col.enrolled', 'district.col.waitlisted', 'district.col.unmet']),
        ...portrait.grades.map((row) => [row.grade, row.knownChildren, row.seatedChildren, percent(i18n, row.participationRate), row.enrolled, row.waitlisted, row.unmet]),
      ]);
    case 'unmet':
      return csvFromRows([
        heads(['district.col.category', 'district.col.grade', 'district.col.waiting', 'district.col.waitlisted', 'district.col.unmet', 'district.col.freeSeats']),
        ...portrait.unmet.map((row) => [categoryLabel(i18n, row.category), row.grade, row.children, row.waitlisted, row.unmet, row.freeSeats]),
      ]);
  }
}
