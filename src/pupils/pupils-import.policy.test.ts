import { describe, expect, it } from 'vitest';
import { MAX_PUPIL_ROWS, type ListedPupil, importCounts, parsePupilCsv, readPupilRecords } from './pupils-import.policy.ts';

const school = { gradeMin: 1, gradeMax: 6 };
const none = new Map<string, ListedPupil>();

function read(text: string, existing: ReadonlyMap<string, ListedPupil> = none) {
  const parsed = parsePupilCsv(text);
  if (!parsed.ok) throw new Error(`unreadable: ${parsed.problem.key}`);
  return readPupilRecords(parsed.records, { existing, grades: school });
}

describe('a pupil CSV', () => {
  it('is read with or without the byte-order mark, in English or Chinese headers, in any column order', () => {
    for (const text of [
      '\uFEFFname,number,grade,class\r\n王小明,g4401,3,2班\r\n',
      'name,number,grade,class\n王小明,G4401,3,2班\n',
      '\uFEFF学号,姓名,班级,年级\r\nG4401,王小明,2班,3年级\r\n',
    ]) {
      expect(read(text)).toEqual({ rows: [{ row: 2, pupil: { name: '王小明', number: 'G4401', grade: 3, className: '2班' }, existingId: null, action: 'add' }], problems: [] });
    }
  });

  it('numbers rows as the spreadsheet does (header row 1, blank lines skipped but counted)', () => {
    const { problems } = read('name,number,grade,class\nA,1,3,\n\nB,2,9,\n');
    expect(problems).toEqual([{ row: 4, column: 'grade', key: 'pupils.error.grade', params: { min: 1, max: 6 } }]);
  });

  it('lists every problem by row and column, including a number twice in one file', () => {
    const { rows, problems } = read('name,number,grade,class\n,G1,3,1班\n李雷,-x,2,\n韩梅梅,g1,七,\n张三,G2,3,<b>\n');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { row: 2, column: 'name', key: 'form.required' },
      { row: 3, column: 'number', key: 'pupils.error.number' },
      { row: 4, column: 'number', key: 'pupilsImport.error.numberTwice', params: { row: 2 } },
      { row: 4, column: 'grade', key: 'pupils.error.grade', params: { min: 1, max: 6 } },
      { row: 5, column: 'class', key: 'pupils.error.class' },
    ]);
  });

  it('updates a listed pupil whose number it has, and leaves an identical one unchanged', () => {
    const existing = new Map<string, ListedPupil>([
      ['G1', { id: 7, name: '王小明', grade: 3, className: '2班' }],
      ['G2', { id: 8, name: '李雷', grade: 2, className: null }],
    ]);
    const { rows } = read('name,number,grade\n王小明,G1,4\n李雷,G2,2\n韩梅梅,G3,1\n', existing);
    expect(rows.map((row) => [row.pupil.number, row.existingId, row.action])).toEqual([['G1', 7, 'update'], ['G2', 8, 'same'], ['G3', null, 'add']]);
    expect(importCounts(rows)).toEqual({ added: 1, updated: 1, same: 1 });
  });

  it('is refused as a whole when it cannot be read, lacks a column, has no rows or too many', () => {
    expect(parsePupilCsv('name,number,grade\n"unclosed,1,2\n')).toMatchObject({ ok: false, problem: { key: 'pupilsImport.error.file' } });
    expect(parsePupilCsv('name,number,grade\n\uFFFD\uFFFD,1,2\n')).toMatchObject({ ok: false, problem: { key: 'pupilsImport.error.file' } });
    expect(parsePupilCsv('name,grade\nA,2\n')).toMatchObject({ ok: false, problem: { row: 1, column: 'file', key: 'pupilsImport.error.columns', params: { columns: 'number' } } });
    expect(parsePupilCsv('name,number,grade\n')).toMatchObject({ ok: false, problem: { key: 'pupilsImport.error.empty' } });
    const rows = (count: number) => `name,number,grade\n${Array.from({ length: count }, (_, i) => `P${i},N${i},1`).join('\n')}\n`;
    expect(parsePupilCsv(rows(MAX_PUPIL_ROWS))).toMatchObject({ ok: true });
    expect(parsePupilCsv(rows(MAX_PUPIL_ROWS + 1))).toMatchObject({ ok: false, problem: { key: 'pupilsImport.error.tooMany', params: { max: MAX_PUPIL_ROWS } } });
  });
});
