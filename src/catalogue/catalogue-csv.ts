// Reading and writing the catalogue CSV with csv-parse / csv-stringify: UTF-8 with or without the BOM Excel and WPS add.
import { parse } from 'csv-parse/sync';
import { csvFromRecords, spreadsheetTextRead } from '../http/csv.ts';
import { CATALOGUE_CSV_COLUMNS, type CsvProblem, missingColumns } from './catalogue-csv.policy.ts';

export const MAX_IMPORT_ROWS = 1000;

export function parseCatalogueCsv(
  text: string,
): { ok: true; records: Record<string, string>[] } | { ok: false; problem: CsvProblem } {
  let records: Record<string, string>[];
  let header: string[] = [];
  try {
    // Line endings are folded to \n: forms and Windows tools turn them into \r\n, inside quoted cells too.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim().toLowerCase());
        return header;
      },
      skip_empty_lines: true,
      relax_column_count: true,
      // Our own export put a quote before formula-like text; it comes back without it.
      cast: (value, context) => (context.header ? value : spreadsheetTextRead(value)),
    }) as Record<string, string>[];
  } catch {
    return { ok: false, problem: { row: 1, column: 'file', key: 'csv.error.file' } };
  }
  if (text.includes('\uFFFD')) return { ok: false, problem: { row: 1, column: 'file', key: 'csv.error.file' } };
  const missing = missingColumns(header);
  if (header.length === 0 || missing.length > 0) {
    return { ok: false, problem: { row: 1, column: 'file', key: 'csv.error.columns', params: { columns: missing.join(', ') } } };
  }
  if (records.length === 0) return { ok: false, problem: { row: 2, column: 'file', key: 'csv.error.empty' } };
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, problem: { row: MAX_IMPORT_ROWS + 2, column: 'file', key: 'csv.error.tooMany', params: { max: MAX_IMPORT_ROWS } } };
  return { ok: true, records };
}

/** The catalogue as CSV (the shared writer: a byte-order mark, formula-like text behind a quote). */
export function catalogueCsv(rows: readonly Record<string, string>[]): string {
  return csvFromRecords(rows, CATALOGUE_CSV_COLUMNS);
}
