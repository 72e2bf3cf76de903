import { describe, expect, it } from 'vitest';
import { type ReportMark, attendanceReport, mondayOf } from './report.policy.ts';

const offerings = [
  { id: 1, code: 'R1', title: '机器人A', category: 'robotics', capacity: 10, enrolled: 8 },
  { id: 2, code: 'R2', title: '机器人B', category: 'robotics', capacity: 10, enrolled: 10 },
  { id: 3, code: 'P1', title: 'Scratch', category: 'programming', capacity: 20, enrolled: 5 },
];

const mark = (offeringId: number, childId: number, day: string, value: ReportMark['mark']): ReportMark => ({ offeringId, childId, childName: `孩子${childId}`, day, mark: value });

describe('the attendance report', () => {
  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });

  it('computes fill and attendance rates per offering, category and overall, by hand-checked figures', () => {
    const report = attendanceReport(offerings, [
      mark(1, 11, '2026-11-17', 'present'),
      mark(1, 12, '2026-11-17', 'absent'),
      mark(1, 13, '2026-11-17', 'excused'),
      mark(2, 21, '2026-11-18', 'late'),
      mark(3, 31, '2026-11-24', 'present'),
      mark(3, 32, '2026-11-24', 'present'),
      mark(3, 33, '2026-11-24', 'absent'),
      mark(3, 34, '2026-11-24', 'absent'),
    ]);
    // Offering 1: present 1, absent 1 (excused not counted) → 50 %; fill 8/10.
    expect(report.offerings[0]).toMatchObject({ present: 1, absent: 1, excused: 1, attendanceRate: 0.5, fillRate: 0.8 });
    // Robotics: present 1 + late 1 of 3 expected → 2/3; fill 18/20.
    expect(report.categories.find((row) => row.category === 'robotics')).toMatchObject({ attendanceRate: 2 / 3, fillRate: 0.9, enrolled: 18, capacity: 20 });
    // Programming: 2 of 4 → 50 %; fill 5/20.
    expect(report.categories.find((row) => row.category === 'programming')).toMatchObject({ attendanceRate: 0.5, fillRate: 0.25 });
    // Overall: 4 attended of 7 expected; 23 of 40 seats.
    expect(report.total).toMatchObject({ attendanceRate: 4 / 7, fillRate: 23 / 40 });
    // Weeks: 16–22 Nov has 3 of 4 marks expected (2 attended of 3), 23–29 Nov 2 of 4.
    expect(report.weeks).toEqual([
      { monday: '2026-11-16', rate: 2 / 3, marks: 4 },
      { monday: '2026-11-23', rate: 0.5, marks: 4 },
    ]);
  });

  it('flags children with three or more unexcused absences in one offering', () => {
    const days = ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24'];
    const report = attendanceReport(offerings, [
      ...days.slice(0, 3).map((day) => mark(1, 11, day, 'absent')),
      ...days.slice(0, 2).map((day) => mark(1, 12, day, 'absent')),
      mark(1, 12, days[2]!, 'excused'),
      mark(1, 12, days[3]!, 'excused'),
    ]);
    expect(report.flagged).toEqual([{ childId: 11, childName: '孩子11', offeringId: 1, absences: 3 }]);
    expect(report.offerings[0]!.flagged).toBe(1);
  });

  it('has no rates where nothing was marked or there are no seats', () => {
    const report = attendanceReport([{ id: 9, code: 'Z', title: 'Z', category: 'maker', capacity: 0, enrolled: 0 }], []);
    expect(report.offerings[0]).toMatchObject({ attendanceRate: null, fillRate: null });
    expect(report.weeks).toEqual([]);
  });

  it('counts anonymous tallies (erased children, purged terms) in every figure, but flags nobody for them', () => {
    const named = [mark(1, 11, '2026-11-17', 'absent'), mark(1, 11, '2026-11-18', 'absent'), mark(1, 11, '2026-11-19', 'absent')];
    const asNamed = attendanceReport(offerings, [...named, mark(1, 12, '2026-11-17', 'present'), mark(1, 12, '2026-11-18', 'absent'), mark(1, 12, '2026-11-19', 'absent'), mark(1, 12, '2026-11-20', 'absent')]);
    const anonymised = attendanceReport(offerings, named, [
      { offeringId: 1, day: '2026-11-17', mark: 'present', count: 1 },
      { offeringId: 1, day: '2026-11-18', mark: 'absent', count: 1 },
      { offeringId: 1, day: '2026-11-19', mark: 'absent', count: 1 },
      { offeringId: 1, day: '2026-11-20', mark: 'absent', count: 1 },
      { offeringId: 99, day: '2026-11-20', mark: 'absent', count: 5 }, // filtered out
    ]);
    expect(anonymised.total).toEqual(asNamed.total);
    expect(anonymised.categories).toEqual(asNamed.categories);
    expect(anonymised.weeks).toEqual(asNamed.weeks);
    expect(asNamed.flagged.map((entry) => entry.childId)).toEqual([11, 12]);
    expect(anonymised.flagged.map((entry) => entry.childId)).toEqual([11]);
  });
});
