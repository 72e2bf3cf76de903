import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSlots, parseSlots, readCatalogueRecords } from './catalogue-csv.policy.ts';

const context = {
  teachers: [
    { id: 1, name: '王晓燕', email: 'wang-xy@example.com', phone: null },
    { id: 2, name: '李明', email: null, phone: '13800138000' },
    { id: 3, name: '李明', email: 'li.ming2@example.com', phone: null },
  ],
  existing: new Map([['OLD-1', { id: 9, seatsTaken: 12 }]]),
  schoolGrades: { min: 1, max: 6 },
};

const good = {
  code: 'ROB-01', kind: 'course', category: 'robotics', title_zh: '乐高机器人', title_en: '', description_zh: '', description_en: '',
  teacher: 'Wang-XY@example.com', room: '302', capacity: '20', grade_min: '3', grade_max: '6', fee: '300', slots: '1 16:00-17:30', status: '',
};

describe('weekly slots in a cell', () => {
  it('reads digits, Chinese and English weekday names and both kinds of dash', () => {
    expect(parseSlots('1 16:00-17:30; 周三 16:00–17:30；Fri 9:00~10:00')).toEqual([
      { weekday: 1, startsAt: '16:00', endsAt: '17:30' },
      { weekday: 3, startsAt: '16:00', endsAt: '17:30' },
      { weekday: 5, startsAt: '09:00', endsAt: '10:00' },
    ]);
    expect(parseSlots('Monday at four')).toBeNull();
    expect(parseSlots('8 16:00-17:00')).toBeNull();
  });

  it('reads back whatever it writes', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), startsAt: time, endsAt: time }), { minLength: 1, maxLength: 3 }), (slots) => {
        expect(parseSlots(formatSlots(slots))).toEqual(slots);
      }),
    );
  });
});

describe('catalogue rows', () => {
  it('turns a good row into an offering to create, and a known code into one to update', () => {
    const { rows, problems } = readCatalogueRecords([good, { ...good, code: 'OLD-1', capacity: '30', teacher: '+86 138-0013-8000' }], context);
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.row, row.existingId, row.input.teacherId, row.input.feeCents])).toEqual([
      [2, null, 1, 30000],
      [3, 9, 2, 30000],
    ]);
  });

  it('reports every problem as row and column, counting the header as row 1', () => {
    const { rows, problems } = readCatalogueRecords(
      [
        good,
        { ...good, code: 'ROB-01' },
        { ...good, code: 'X-2', kind: 'lecture', slots: 'whenever' },
        { ...good, code: 'X-3', teacher: '李明' },
        { ...good, code: 'OLD-1', capacity: '5' },
        { ...good, code: 'X-4', grade_min: '', title_zh: '' },
      ],
      context,
    );
    expect(rows.map((row) => row.row)).toEqual([2]);
    expect(problems.map((problem) => [problem.row, problem.column, problem.key])).toEqual([
      [3, 'code', 'csv.error.codeTwice'],
      [4, 'kind', 'csv.error.kind'],
      [4, 'slots', 'csv.error.slots'],
      [5, 'teacher', 'csv.error.teacherAmbiguous'],
      [6, 'capacity', 'offering.error.capacityBelowTaken'],
      [7, 'title_zh', 'form.required'],
      [7, 'grade_min', 'form.required'],
    ]);
  });
});
