import { describe, expect, it } from 'vitest';
import { askedMonth, heldDays, parseMonth, teacherHoursReport, type OfferingHoursRow } from './hours.policy.ts';

const row = (over: Partial<OfferingHoursRow>): OfferingHoursRow => ({
  teacherId: 1,
  teacherName: '张老师',
  schoolId: 1,
  schoolName: '一小',
  offeringId: 1,
  code: 'A',
  title: '机器人',
  held: 0,
  taken: 0,
  minutes: 0,
  present: 0,
  ...over,
});

describe('teacher hours rules', () => {
  it('reads YYYY-MM as a month with its first and last day, February and December included', () => {
    expect(parseMonth('2028-02')).toEqual({ value: '2028-02', first: '2028-02-01', last: '2028-02-29' });
    expect(parseMonth('2026-12')).toEqual({ value: '2026-12', first: '2026-12-01', last: '2026-12-31' });
  });

  it('refuses anything that is not a month of this century', () => {
    for (const text of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '1999-12', '2100-01', ' ', 'x'.repeat(10_000)]) expect(parseMonth(text), text).toBeNull();
  });

  it('takes no month as the current one and keeps a refused one as typed', () => {
    expect(askedMonth(undefined, '2026-02-10')).toMatchObject({ ok: true, month: { value: '2026-02' } });
    expect(askedMonth('', '2026-02-10')).toMatchObject({ ok: true, month: { value: '2026-02' } });
    expect(askedMonth('2026-2', '2026-02-10')).toEqual({ ok: false, value: '2026-2' });
  });

  it('counts a month as held up to today, and a month to come not at all', () => {
    expect(heldDays(parseMonth('2026-02')!, '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-10' });
    expect(heldDays(parseMonth('2026-01')!, '2026-02-10')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(heldDays(parseMonth('2026-03')!, '2026-02-10')).toBeNull();
  });

  it("sums a teacher's offerings into hours and children present per taken roll", () => {
    const report = teacherHoursReport([
      row({ offeringId: 1, held: 2, taken: 2, minutes: 180, present: 7 }),
      row({ offeringId: 2, code: 'B', held: 1, taken: 1, minutes: 50, present: 3 }),
      row({ teacherId: 2, teacherName: '李老师', offeringId: 3, held: 1, taken: 0, minutes: 60, present: 0 }),
    ]);
    const zhang = report.teachers.find((teacher) => teacher.teacherId === 1)!;
    // 230 minutes = 3.83 hours; 10 present over 3 rolls = 3.3.
    expect(zhang).toMatchObject({ held: 3, taken: 3, hours: 3.83, averagePresent: 3.3, offerings: 2 });
    expect(report.teachers.find((teacher) => teacher.teacherId === 2)).toMatchObject({ hours: 1, averagePresent: null });
    expect(report.total).toMatchObject({ teachers: 2, held: 4, taken: 3, hours: 4.83 });
  });

  it('lists offerings without a teacher last, grouped per school, and does not count them as teachers', () => {
    const report = teacherHoursReport([row({ teacherId: null, teacherName: null, offeringId: 9, held: 1, minutes: 60 }), row({ offeringId: 1, held: 1, minutes: 60 })]);
    expect(report.offerings.map((one) => one.teacherName)).toEqual(['张老师', null]);
    expect(report.total.teachers).toBe(1);
    expect(report.teachers).toHaveLength(2);
  });
});
