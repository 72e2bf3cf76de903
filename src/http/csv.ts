// The one writer of every CSV the app sends (catalogues, attendance, rosters and any later export): UTF-8 with a
// byte-order mark, and no cell a spreadsheet would run as a formula (CSV injection).
import { stringify } from 'csv-stringify/sync';

/** Text starting with = + - @ (or a tab / return) gets a leading quote, so Excel, WPS and LibreOffice show it as text. */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** What an export cell holds; numbers are written as numbers (they are never formulas). */
export type CsvCell = string | number | boolean | null | undefined;

const OPTIONS = { cast: { string: spreadsheetText } } as const;

/** Rows of cells, the first usually the header; a byte-order mark so Excel and WPS open the Chinese as UTF-8. */
export function csvFromRows(rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + stringify(rows as CsvCell[][], OPTIONS);
}

/** Records under a header of `columns`, in that order. */
export function csvFromRecords<Column extends string>(records: readonly Partial<Record<Column, CsvCell>>[], columns: readonly Column[]): string {
  return '\uFEFF' + stringify(records as unknown as Record<string, CsvCell>[], { ...OPTIONS, header: true, columns: [...columns] });
}

/** The inverse for a file that comes back (the catalogue import): the quote the writer added is taken off again. */
export function spreadsheetTextRead(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
