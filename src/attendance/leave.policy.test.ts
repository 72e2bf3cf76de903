import { describe, expect, it } from 'vitest';
import { MAX_LEAVE_DAYS, canWithdraw, leaveRefusal, leaveRequest } from './leave.policy.ts';

const zone = 'Asia/Shanghai';
// Tuesday 24 November 2026, 15:00 in Shanghai.
const now = new Date('2026-11-24T07:00:00Z');
const today = '2026-11-24';

describe('a leave request', () => {
  it('is one meeting or a range of days, never both nor neither', () => {
    expect(leaveRequest({ meeting: '7' })).toEqual({ ok: true, request: { kind: 'meeting', meetingId: 7 } });
    expect(leaveRequest({ from: '2026-12-01', to: '2026-12-05' })).toEqual({ ok: true, request: { kind: 'range', from: '2026-12-01', to: '2026-12-05' } });
    expect(leaveRequest({ meeting: '7', from: '2026-12-01' })).toEqual({ ok: false, errors: { meeting: { key: 'leave.error.both' } } });
    expect(leaveRequest({ meeting: '', from: '', to: '' })).toEqual({ ok: false, errors: { meeting: { key: 'leave.error.choose' } } });
  });

  it('refuses a meeting that is no id, days that are no days, a range backwards or longer than a term', () => {
    expect(leaveRequest({ meeting: 'abc' })).toMatchObject({ ok: false, errors: { meeting: { key: 'leave.error.meeting' } } });
    expect(leaveRequest({ from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false, errors: { from: { key: 'leave.error.day' } } });
    expect(leaveRequest({ from: '2026-12-01' })).toMatchObject({ ok: false, errors: { to: { key: 'leave.error.day' } } });
    expect(leaveRequest({ from: '2026-12-05', to: '2026-12-01' })).toMatchObject({ ok: false, errors: { to: { key: 'leave.error.order' } } });
    expect(leaveRequest({ from: '2026-12-01', to: '2027-03-30' })).toMatchObject({ ok: true });
    expect(leaveRequest({ from: '2026-12-01', to: '2027-03-31' })).toMatchObject({ ok: false, errors: { to: { key: 'leave.error.tooLong', params: { max: MAX_LEAVE_DAYS } } } });
  });
});

describe('which meetings may be reported', () => {
  const meeting = (day: string, startsAt: string, extra: Partial<Parameters<typeof leaveRefusal>[0]> = {}) => ({ day, startsAt, status: 'scheduled' as const, marked: false, ...extra });

  it('a later meeting, or one later today', () => {
    expect(leaveRefusal(meeting('2026-11-25', '08:00'), now, today, zone)).toBeNull();
    expect(leaveRefusal(meeting(today, '16:00'), now, today, zone)).toBeNull();
  });

  it('not one that started, was held, was marked, was cancelled or moved away', () => {
    expect(leaveRefusal(meeting(today, '15:00'), now, today, zone)).toBe('held');
    expect(leaveRefusal(meeting('2026-11-23', '16:00'), now, today, zone)).toBe('held');
    expect(leaveRefusal(meeting(today, '16:00', { marked: true }), now, today, zone)).toBe('held');
    expect(leaveRefusal(meeting('2026-11-25', '16:00', { status: 'cancelled' }), now, today, zone)).toBe('cancelled');
    expect(leaveRefusal(meeting('2026-11-25', '16:00', { status: 'moved' }), now, today, zone)).toBe('cancelled');
  });

  it('a report is withdrawn only before the meeting starts and before the roll marks the child', () => {
    expect(canWithdraw({ day: today, startsAt: '16:00', marked: false }, now, today, zone)).toBe(true);
    expect(canWithdraw({ day: today, startsAt: '16:00', marked: true }, now, today, zone)).toBe(false);
    expect(canWithdraw({ day: today, startsAt: '14:00', marked: false }, now, today, zone)).toBe(false);
  });
});
