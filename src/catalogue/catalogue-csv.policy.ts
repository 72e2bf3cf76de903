// Pure rules for the catalogue CSV: its columns, and turning each record into an offering or "row N, column: message".
import type { Rejection } from '../kernel/rejection.ts';
import type { OfferingStatus } from '../db/schema.ts';
import { CATEGORY_CODES, type CategoryCode } from '../kernel/categories.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import { type OfferingField, type OfferingInput, offeringProblems, parseFee } from './offering.policy.ts';

/** The columns, in order, of the import template and the export (documented in docs/api.md). */
export const CATALOGUE_CSV_COLUMNS = [
  'code', 'kind', 'category', 'title_zh', 'title_en', 'description_zh', 'description_en', 'teacher', 'room',
  'capacity', 'grade_min', 'grade_max', 'fee', 'slots', 'status',
] as const;
export type CatalogueColumn = (typeof CATALOGUE_CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CatalogueColumn[] = ['code', 'kind', 'category', 'title_zh', 'capacity', 'grade_min', 'grade_max', 'slots'];

export interface CsvProblem extends Rejection {
  /** The spreadsheet row: the header is row 1, the first offering row 2. */
  row: number;
  column: CatalogueColumn | 'file';
}

export interface CsvTeacher {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
}

export interface CatalogueRow {
  row: number;
  input: OfferingInput;
  status: OfferingStatus | null;
  existingId: number | null;
}

const FIELD_COLUMNS: Record<OfferingField, CatalogueColumn> = {
  code: 'code', kind: 'kind', category: 'category', titleZh: 'title_zh', titleEn: 'title_en', descriptionZh: 'description_zh',
  descriptionEn: 'description_en', teacherId: 'teacher', room: 'room', capacity: 'capacity', gradeMin: 'grade_min',
  gradeMax: 'grade_max', fee: 'fee', slots: 'slots',
};

const KINDS: Record<string, 'club' | 'course'> = { club: 'club', course: 'course', 社团: 'club', 课程: 'course' };
const STATUSES: Record<string, OfferingStatus> = { draft: 'draft', published: 'published', archived: 'archived', 草稿: 'draft', 已发布: 'published', 发布: 'published', 已归档: 'archived', 归档: 'archived' };
const WEEKDAYS: Record<string, number> = {
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7,
  周一: 1, 周二: 2, 周三: 3, 周四: 4, 周五: 5, 周六: 6, 周日: 7, 周天: 7,
  星期一: 1, 星期二: 2, 星期三: 3, 星期四: 4, 星期五: 5, 星期六: 6, 星期日: 7, 星期天: 7,
  mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7,
};

/** "1 16:00-17:30; 周三 16:00–17:30" → slots; null when a part cannot be read. */
export function parseSlots(text: string): WeeklySlot[] | null {
  const parts = text.split(/[;；\n]/).map((part) => part.trim()).filter(Boolean);
  const slots: WeeklySlot[] = [];
  for (const part of parts) {
    const match = /^(\S+)\s+(\d{1,2}:\d{2})\s*[-–~至到]\s*(\d{1,2}:\d{2})$/.exec(part);
    const weekday = match ? WEEKDAYS[match[1]!.toLowerCase()] : undefined;
    if (!match || weekday === undefined) return null;
    const pad = (time: string) => time.padStart(5, '0');
    slots.push({ weekday, startsAt: pad(match[2]!), endsAt: pad(match[3]!) });
  }
  return slots;
}

export function formatSlots(slots: readonly WeeklySlot[]): string {
  return slots.map((slot) => `${slot.weekday} ${slot.startsAt}-${slot.endsAt}`).join('; ');
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function missingColumns(header: readonly string[]): CatalogueColumn[] {
  return REQUIRED_COLUMNS.filter((column) => !header.includes(column));
}

/**
 * Every record checked against the same rules as the form, plus what only a file can get wrong: unknown
 * teachers, unreadable slots, a code twice in one file. Nothing is half-read: a row either becomes an
 * offering or contributes its problems.
 */
export function readCatalogueRecords(
  records: readonly Record<string, string | undefined>[],
  context: {
    teachers: readonly CsvTeacher[];
    existing: ReadonlyMap<string, { id: number; seatsTaken: number }>;
    schoolGrades: { min: number; max: number };
  },
): { rows: CatalogueRow[]; problems: CsvProblem[] } {
  const rows: CatalogueRow[] = [];
  const problems: CsvProblem[] = [];
  const seenCodes = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    const row = index + 2;
    const rowProblems: CsvProblem[] = [];
    const problem = (column: CatalogueColumn, rejection: Rejection) => rowProblems.push({ row, column, ...rejection });
    const text = (column: CatalogueColumn) => (record[column] ?? '').trim();

    for (const column of REQUIRED_COLUMNS) if (text(column) === '') problem(column, { key: 'form.required' });
    const code = text('code');
    const earlier = seenCodes.get(code.toLowerCase());
    if (code && earlier !== undefined) problem('code', { key: 'csv.error.codeTwice', params: { row: earlier } });
    if (code) seenCodes.set(code.toLowerCase(), row);
    const kind = KINDS[text('kind').toLowerCase()];
    if (text('kind') && !kind) problem('kind', { key: 'csv.error.kind' });
    const category = text('category').toLowerCase() as CategoryCode;
    if (text('category') && !CATEGORY_CODES.includes(category)) problem('category', { key: 'csv.error.category', params: { codes: CATEGORY_CODES.join(', ') } });
    const capacity = wholeNumber(text('capacity'), 0, 500);
    if (text('capacity') && capacity === null) problem('capacity', { key: 'offering.error.number', params: { min: 0, max: 500 } });
    const gradeMin = wholeNumber(text('grade_min'), 1, 12);
    if (text('grade_min') && gradeMin === null) problem('grade_min', { key: 'offering.error.number', params: { min: 1, max: 12 } });
    const gradeMax = wholeNumber(text('grade_max'), 1, 12);
    if (text('grade_max') && gradeMax === null) problem('grade_max', { key: 'offering.error.number', params: { min: 1, max: 12 } });
    const feeCents = parseFee(text('fee'));
    if (feeCents === null) problem('fee', { key: 'offering.error.fee' });
    const slots = parseSlots(text('slots'));
    if (text('slots') && slots === null) problem('slots', { key: 'csv.error.slots' });
    const statusText = text('status').toLowerCase();
    const status = statusText === '' ? null : (STATUSES[statusText] ?? undefined);
    if (status === undefined) problem('status', { key: 'csv.error.status' });
    const teacherText = text('teacher');
    let teacherId: number | null = null;
    if (teacherText) {
      const login = teacherText.includes('@') ? teacherText.toLowerCase() : teacherText.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
      const byLogin = context.teachers.filter((teacher) => teacher.email === login || teacher.phone === login);
      const byName = context.teachers.filter((teacher) => teacher.name === teacherText);
      const match = byLogin.length === 1 ? byLogin : byName;
      if (match.length === 1) teacherId = match[0]!.id;
      else problem('teacher', { key: match.length > 1 ? 'csv.error.teacherAmbiguous' : 'csv.error.teacher' });
    }
    for (const column of ['title_zh', 'room'] as const) if (text(column).length > 60) problem(column, { key: 'form.tooLong', params: { max: 60 } });
    for (const column of ['description_zh', 'description_en'] as const) if (text(column).length > 3000) problem(column, { key: 'form.tooLong', params: { max: 3000 } });

    if (rowProblems.length === 0) {
      const existing = context.existing.get(code) ?? null;
      const input: OfferingInput = {
        code,
        kind: kind!,
        category,
        titleZh: text('title_zh'),
        titleEn: text('title_en') || null,
        descriptionZh: text('description_zh'),
        descriptionEn: text('description_en') || null,
        teacherId,
        room: text('room'),
        capacity: capacity!,
        gradeMin: gradeMin!,
        gradeMax: gradeMax!,
        feeCents: feeCents!,
        slots: slots!,
      };
      const ruleProblems = offeringProblems(input, { seatsTaken: existing?.seatsTaken ?? 0, schoolGrades: context.schoolGrades });
      for (const [field, rejection] of Object.entries(ruleProblems) as [OfferingField, Rejection][]) problem(FIELD_COLUMNS[field], rejection);
      if (rowProblems.length === 0) rows.push({ row, input, status: status ?? null, existingId: existing?.id ?? null });
    }
    problems.push(...rowProblems);
  }
  return { rows, problems };
}

/** An offering's own fields as the text a form or a CSV cell shows (teacher, slots and status are added by the caller). */
export function offeringAsText(offering: {
  code: string;
  kind: string;
  category: string;
  title_zh: string;
  title_en: string | null;
  description_zh: string;
  description_en: string | null;
  room: string;
  capacity: number;
  grade_min: number;
  grade_max: number;
  fee_cents: number;
}) {
  return {
    code: offering.code,
    kind: offering.kind,
    category: offering.category,
    title_zh: offering.title_zh,
    title_en: offering.title_en ?? '',
    description_zh: offering.description_zh,
    description_en: offering.description_en ?? '',
    room: offering.room,
    capacity: String(offering.capacity),
    grade_min: String(offering.grade_min),
    grade_max: String(offering.grade_max),
    fee: offering.fee_cents % 100 === 0 ? String(offering.fee_cents / 100) : (offering.fee_cents / 100).toFixed(2),
  };
}
