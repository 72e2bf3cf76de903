// Pure rules for a term: its days, holidays, enrolment window and limits. Each problem names its field.
import type { Rejection } from '../kernel/rejection.ts';
import type { Day } from '../db/schema.ts';

export interface TermInput {
  nameZh: string;
  nameEn: string;
  firstDay: Day;
  lastDay: Day;
  holidays: { day: Day; name: string }[];
  /** Instants (ISO, UTC). */
  opensAt: string;
  closesAt: string;
  mode: 'first_come' | 'lottery';
  courseLimit: number;
  choiceLimit: number;
}

export type TermField = 'nameZh' | 'nameEn' | 'firstDay' | 'lastDay' | 'holidays' | 'opensAt' | 'closesAt' | 'mode' | 'courseLimit' | 'choiceLimit';

export function termProblems(term: TermInput): Partial<Record<TermField, Rejection>> {
  const problems: Partial<Record<TermField, Rejection>> = {};
  if (term.lastDay <= term.firstDay) problems.lastDay = { key: 'term.error.lastDayBeforeFirst' };
  if (term.closesAt <= term.opensAt) problems.closesAt = { key: 'term.error.windowOrder' };
  const outside = term.holidays.find((holiday) => holiday.day < term.firstDay || holiday.day > term.lastDay);
  if (outside) problems.holidays = { key: 'term.error.holidayOutside' };
  const days = term.holidays.map((holiday) => holiday.day);
  if (new Set(days).size !== days.length) problems.holidays = { key: 'term.error.holidayTwice' };
  if (term.courseLimit < 1 || term.courseLimit > 20) problems.courseLimit = { key: 'term.error.limitRange', params: { min: 1, max: 20 } };
  if (term.choiceLimit < 1 || term.choiceLimit > 10) problems.choiceLimit = { key: 'term.error.limitRange', params: { min: 1, max: 10 } };
  return problems;
}

/** Holidays typed one per line: "2026-10-01 国庆节" (the name is optional). */
export function parseHolidays(text: string): { holidays: { day: Day; name: string }[]; badLine: number | null } {
  const holidays: { day: Day; name: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const match = /^(\d{4}-\d{2}-\d{2})(?:\s+(.{1,40}))?$/.exec(trimmed);
    if (!match || !isRealDay(match[1]!)) return { holidays, badLine: index + 1 };
    holidays.push({ day: match[1]!, name: match[2]?.trim() ?? '' });
  }
  return { holidays, badLine: null };
}

export function isRealDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
