import { describe, expect, it } from 'vitest';
import { type MeetingRow, type TimetableOffering, resolveMeetings, timetableLayout, upcomingOccurrences } from './timetable.policy.ts';

const offering = (id: number, title: string, slots: TimetableOffering['slots'], status: TimetableOffering['status'] = 'enrolled', position: number | null = null): TimetableOffering => ({
  offeringId: id,
  title,
  room: `R${id}`,
  status,
  position,
  slots,
});

describe('a child’s weekly timetable', () => {
  const robots = offering(1, '机器人', [{ weekday: 2, startsAt: '15:30', endsAt: '17:00' }, { weekday: 4, startsAt: '15:30', endsAt: '17:00' }]);
  const cube = offering(2, '魔方', [{ weekday: 2, startsAt: '17:10', endsAt: '18:00' }], 'waitlisted', 3);

  it('has Monday to Friday columns and one row per distinct time, earliest first', () => {
    const week = timetableLayout([cube, robots]);
    expect(week.weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(week.rows.map((row) => `${row.startsAt}-${row.endsAt}`)).toEqual(['15:30-17:00', '17:10-18:00']);
    expect(week.rows[0]!.cells.map((cell) => cell.map((item) => item.offering.title))).toEqual([[], ['机器人'], [], ['机器人'], []]);
    expect(week.rows[1]!.cells[1]![0]!.offering).toMatchObject({ status: 'waitlisted', position: 3 });
  });

  it('adds Saturday or Sunday only when something is on then', () => {
    expect(timetableLayout([offering(3, '周六创客', [{ weekday: 6, startsAt: '09:00', endsAt: '11:00' }])]).weekdays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(timetableLayout([offering(4, '周日', [{ weekday: 7, startsAt: '09:00', endsAt: '11:00' }])]).weekdays).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it('lists the same items day by day for phones, skipping empty days', () => {
    const days = timetableLayout([cube, robots]).days;
    expect(days.map((day) => [day.weekday, day.items.map((item) => `${item.startsAt} ${item.offering.title}`)])).toEqual([
      [2, ['15:30 机器人', '17:10 魔方']],
      [4, ['15:30 机器人']],
    ]);
  });

  it('puts two offerings at the same time into one cell (a clash is shown, not hidden)', () => {
    const clash = offering(5, '3D 打印', [{ weekday: 2, startsAt: '15:30', endsAt: '17:00' }], 'waitlisted', 1);
    const week = timetableLayout([robots, clash]);
    expect(week.rows[0]!.cells[1]!.map((item) => item.offering.title)).toEqual(['3D 打印', '机器人']);
  });

  it('is empty for a child with nothing this term', () => {
    expect(timetableLayout([])).toEqual({ weekdays: [1, 2, 3, 4, 5], rows: [], days: [] });
  });
});

const meeting = (id: number, day: string, extra: Partial<MeetingRow> = {}): MeetingRow => ({
  id,
  offeringId: 1,
  day,
  startsAt: '15:30',
  endsAt: '17:00',
  room: '301',
  status: 'scheduled',
  reason: null,
  movedToDay: null,
  ...extra,
});

describe('what became of each meeting', () => {
  it('keeps a cancelled meeting, with its reason', () => {
    expect(resolveMeetings([meeting(1, '2026-12-01', { status: 'cancelled', reason: '运动会' })])).toEqual([
      expect.objectContaining({ id: 1, day: '2026-12-01', status: 'cancelled', reason: '运动会', original: null }),
    ]);
  });

  it('shows a moved meeting once, at its new day and time, under its first id', () => {
    const result = resolveMeetings([
      meeting(1, '2026-12-01', { status: 'moved', reason: '老师培训', movedToDay: '2026-12-03' }),
      meeting(2, '2026-12-08'),
      meeting(3, '2026-12-03', { startsAt: '16:00', endsAt: '17:30', reason: '老师培训' }),
    ]);
    expect(result.map((one) => [one.id, one.day, one.startsAt, one.status])).toEqual([
      [1, '2026-12-03', '16:00', 'moved'],
      [2, '2026-12-08', '15:30', 'scheduled'],
    ]);
    expect(result[0]).toMatchObject({ reason: '老师培训', original: { day: '2026-12-01', startsAt: '15:30', endsAt: '17:00' } });
  });

  it('follows a meeting moved twice, and a make-up that was then cancelled', () => {
    const twice = resolveMeetings([
      meeting(1, '2026-12-01', { status: 'moved', reason: 'A', movedToDay: '2026-12-03' }),
      meeting(2, '2026-12-03', { status: 'moved', reason: 'B', movedToDay: '2026-12-04' }),
      meeting(3, '2026-12-04', { reason: 'B' }),
    ]);
    expect(twice).toEqual([expect.objectContaining({ id: 1, day: '2026-12-04', status: 'moved', reason: 'B' })]);
    const cancelled = resolveMeetings([
      meeting(1, '2026-12-01', { status: 'moved', reason: 'A', movedToDay: '2026-12-03' }),
      meeting(2, '2026-12-03', { status: 'cancelled', reason: '下雪' }),
    ]);
    expect(cancelled).toEqual([expect.objectContaining({ id: 1, day: '2026-12-03', status: 'cancelled', reason: '下雪', original: expect.objectContaining({ day: '2026-12-01' }) })]);
  });

  it('does not take a regular meeting on the new day for the make-up', () => {
    const result = resolveMeetings([
      meeting(1, '2026-12-01', { status: 'moved', reason: 'A', movedToDay: '2026-12-08' }),
      meeting(2, '2026-12-08'),
      meeting(3, '2026-12-08', { startsAt: '17:10', endsAt: '18:00', reason: 'A' }),
    ]);
    expect(result.map((one) => [one.id, one.day, one.startsAt, one.status])).toEqual([
      [2, '2026-12-08', '15:30', 'scheduled'],
      [1, '2026-12-08', '17:10', 'moved'],
    ]);
  });

  it('does not take another offering’s meeting for a make-up', () => {
    const result = resolveMeetings([
      meeting(1, '2026-12-01', { status: 'moved', reason: 'A', movedToDay: '2026-12-03' }),
      meeting(2, '2026-12-03', { offeringId: 9, reason: 'A' }),
    ]);
    expect(result.map((one) => [one.id, one.offeringId, one.day])).toEqual([
      [1, 1, '2026-12-03'],
      [2, 9, '2026-12-03'],
    ]);
  });

  it('lists the next fourteen days, and a meeting moved away from them', () => {
    const occurrences = resolveMeetings([
      meeting(1, '2026-11-26'),
      meeting(2, '2026-11-27'),
      meeting(3, '2026-12-10'),
      meeting(4, '2026-12-11'),
      meeting(5, '2026-12-01', { status: 'moved', reason: 'A', movedToDay: '2026-12-20' }),
      meeting(6, '2026-12-20', { reason: 'A' }),
    ]);
    expect(upcomingOccurrences(occurrences, '2026-11-27').map((one) => one.id)).toEqual([2, 3, 5]);
  });
});
