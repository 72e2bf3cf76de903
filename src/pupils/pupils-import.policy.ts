// Pure rules for the pupil list's CSV import: reading the file (csv-parse; UTF-8 with or without the BOM Excel and
// WPS add), its header (English or Chinese), and each row as a pupil to add, update or leave, or "row N, column: …".
import { parse } from 'csv-parse/sync';
import { normaliseText } from '../auth/credentials.policy.ts';
import { spreadsheetTextRead } from '../http/csv.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { type PupilField, type PupilInput, normalisePupilNumber, pupilProblems } from './pupils.policy.ts';

/** At most this many pupil rows in one file; a school's whole register fits. */
export const MAX_PUPIL_ROWS = 5000;

/** The header a file may use for each field: the public names, or the Chinese ones of a register export. */
const HEADERS: Record<string, PupilField> = {
  name: 'name', number: 'number', grade: 'grade', class: 'class',
  姓名: 'name', 学号: 'number', 学籍号: 'number', 年级: 'grade', 班级: 'class',
};
const REQUIRED: readonly PupilField[] = ['name', 'number', 'grade'];

export interface PupilCsvProblem extends Rejection {
  /** The spreadsheet row: the header is row 1, the first pupil row 2. */
  row: number;
  column: PupilField | 'file';
}

export type PupilRecord = { row: number; cells: Partial<Record<PupilField, string>> };

/** The file's pupil records, or the one problem that stops it being read at all (encoding, header, size). */
export function parsePupilCsv(text: string): { ok: true; records: PupilRecord[] } | { ok: false; problem: PupilCsvProblem } {
  if (text.includes('\uFFFD')) return { ok: false, problem: { row: 1, column: 'file', key: 'pupilsImport.error.file' } };
  let header: (PupilField | null)[] = [];
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      // The header and MAX_PUPIL_ROWS rows, and one more to know the file has too many: never the rest.
      to: MAX_PUPIL_ROWS + 2,
      cast: (value: string) => spreadsheetTextRead(value),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    return { ok: false, problem: { row: 1, column: 'file', key: 'pupilsImport.error.file' } };
  }
  const [first, ...rest] = parsed;
  header = (first?.record ?? []).map((name) => HEADERS[normaliseText(name).toLowerCase()] ?? null);
  const missing = REQUIRED.filter((field) => !header.includes(field));
  if (missing.length > 0) return { ok: false, problem: { row: 1, column: 'file', key: 'pupilsImport.error.columns', params: { columns: missing.join(', ') } } };
  if (rest.length === 0) return { ok: false, problem: { row: 2, column: 'file', key: 'pupilsImport.error.empty' } };
  if (rest.length > MAX_PUPIL_ROWS) return { ok: false, problem: { row: MAX_PUPIL_ROWS + 2, column: 'file', key: 'pupilsImport.error.tooMany', params: { max: MAX_PUPIL_ROWS } } };
  const records = rest.map(({ record, info }) => {
    const cells: Partial<Record<PupilField, string>> = {};
    header.forEach((field, index) => {
      if (field && cells[field] === undefined) cells[field] = record[index] ?? '';
    });
    return { row: info.lines, cells };
  });
  return { ok: true, records };
}

/** A listed pupil as the import compares it. */
export interface ListedPupil {
  id: number;
  name: string;
  grade: number;
  className: string | null;
}

export type PupilImportAction = 'add' | 'update' | 'same';

export interface PupilImportRow {
  row: number;
  pupil: PupilInput;
  /** The listed pupil with this number, or null for a new one. */
  existingId: number | null;
  action: PupilImportAction;
}

/** "3", "３", "3年级" or "三年级" → 3; anything else NaN (the grade rule then names the school's grades). */
function readGrade(text: string): number {
  const plain = normaliseText(text).replace(/\s*年级$/u, '');
  const chinese = '一二三四五六七八九'.indexOf(plain);
  if (plain.length === 1 && chinese >= 0) return chinese + 1;
  return /^\d{1,2}$/.test(plain) ? Number(plain) : Number.NaN;
}

/**
 * Every record checked with the same rules as the form (pupilProblems) plus what only a file can get wrong: a
 * number twice in one file. A row whose number is already listed updates that pupil; no listed pupil is removed.
 */
export function readPupilRecords(
  records: readonly PupilRecord[],
  context: { existing: ReadonlyMap<string, ListedPupil>; grades: { gradeMin: number; gradeMax: number } },
): { rows: PupilImportRow[]; problems: PupilCsvProblem[] } {
  const rows: PupilImportRow[] = [];
  const problems: PupilCsvProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of records) {
    const className = normaliseText(cells.class ?? '');
    const pupil: PupilInput = {
      name: normaliseText(cells.name ?? ''),
      number: normalisePupilNumber(cells.number ?? ''),
      grade: readGrade(cells.grade ?? ''),
      className: className === '' ? null : className,
    };
    const found = Object.entries(pupilProblems(pupil, context.grades)) as [PupilField, Rejection][];
    const earlier = pupil.number === '' ? undefined : seen.get(pupil.number);
    if (earlier !== undefined && !found.some(([field]) => field === 'number')) found.push(['number', { key: 'pupilsImport.error.numberTwice', params: { row: earlier } }]);
    if (pupil.number !== '' && earlier === undefined) seen.set(pupil.number, row);
    if (found.length > 0) {
      const order: PupilField[] = ['name', 'number', 'grade', 'class'];
      found.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
      for (const [column, rejection] of found) problems.push({ row, column, ...rejection });
      continue;
    }
    const listed = context.existing.get(pupil.number) ?? null;
    const same = listed !== null && listed.name === pupil.name && listed.grade === pupil.grade && listed.className === pupil.className;
    rows.push({ row, pupil, existingId: listed?.id ?? null, action: listed === null ? 'add' : same ? 'same' : 'update' });
  }
  return { rows, problems };
}

/** The counts a preview promises; the commit writes only when the list still gives the same plan. */
export function importCounts(rows: readonly PupilImportRow[]) {
  const counts = { added: 0, updated: 0, same: 0 };
  for (const row of rows) counts[row.action === 'add' ? 'added' : row.action === 'update' ? 'updated' : 'same'] += 1;
  return counts;
}

/** What the commit must find again to write: each row's number, the pupil it matches and what it does. */
export function importPlan(rows: readonly PupilImportRow[]): string {
  return rows.map((row) => `${row.pupil.number}:${row.existingId ?? '-'}:${row.action}`).join('\n');
}
