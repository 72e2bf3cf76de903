import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AbsenceAlertState, AttendanceMark } from '../db/schema.ts';
import { MARKS, absenceMessage, editableUntil, rollState, rollStatistics } from './attendance.policy.ts';

const zone = 'Asia/Shanghai';

describe('the edit window', () => {
  it('closes at midnight after the day following the meeting, in the district time zone', () => {
    expect(editableUntil('2026-11-30', zone).toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('cannot be written before the meeting day', () => {
    expect(rollState({ meetingDay: '2026-12-01', today: '2026-11-30', now: new Date('2026-11-30T10:00:00Z'), timeZone: zone, unlockedUntil: null })).toBe('not_yet');
  });

  it('is open on the day and the next day, then locked', () => {
    const at = (now: string) => rollState({ meetingDay: '2026-11-30', today: now.slice(0, 10), now: new Date(now), timeZone: zone, unlockedUntil: null });
    expect(at('2026-11-30T09:00:00Z')).toBe('open');
    expect(at('2026-12-01T15:59:00Z')).toBe('open');
    expect(at('2026-12-01T16:00:00Z')).toBe('locked');
  });

  it('reopens while an admin unlock lasts', () => {
    const input = { meetingDay: '2026-11-20', today: '2026-11-30', timeZone: zone, unlockedUntil: new Date('2026-11-30T12:00:00Z') };
    expect(rollState({ ...input, now: new Date('2026-11-30T11:00:00Z') })).toBe('unlocked');
    expect(rollState({ ...input, now: new Date('2026-11-30T12:00:00Z') })).toBe('locked');
  });
});

describe('absence messages', () => {
  it('alarms the guardians the first time a child is marked absent', () => {
    expect(absenceMessage(null, 'absent')).toEqual({ send: 'absent', state: 'absent' });
  });

  it('says nothing when a child is marked present, late or excused without an earlier alarm', () => {
    for (const mark of ['present', 'late', 'excused'] as const) expect(absenceMessage(null, mark).send).toBeNull();
  });

  it('follows an alarm up when the child turns out late, present or excused', () => {
    expect(absenceMessage('absent', 'late')).toEqual({ send: 'absence_cleared', mark: 'late', state: 'cleared' });
    expect(absenceMessage('absent', 'present')).toEqual({ send: 'absence_cleared', mark: 'present', state: 'cleared' });
  });

  it('never sends a second alarm for the same absence', () => {
    expect(absenceMessage('absent', 'absent').send).toBeNull();
  });

  it('raises no alarm for a child its guardians reported on leave (请假)', () => {
    expect(absenceMessage(null, 'absent', { onLeave: true })).toEqual({ send: null, state: null });
  });

  it('over any sequence of marks, sends at most one alarm and never two messages saying the same thing in a row, and nothing for a child on leave', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKS), { maxLength: 30 }), fc.boolean(), (marks: AttendanceMark[], onLeave: boolean) => {
        let state: AbsenceAlertState | null = null;
        const sent: string[] = [];
        for (const mark of marks) {
          const message = absenceMessage(state, mark, { onLeave });
          state = message.state;
          if (message.send) sent.push(message.send);
        }
        // The guardians who reported the leave are never alarmed, nor followed up about an alarm they never had.
        if (onLeave) expect(sent).toEqual([]);
        expect(sent.filter((kind) => kind === 'absent').length).toBeLessThanOrEqual(1);
        // Told "absent" and "not absent" alternately: each message changes what the guardians believe.
        for (let i = 1; i < sent.length; i++) expect(sent[i] === 'absence_cleared').not.toBe(sent[i - 1] === 'absence_cleared');
        // The guardians' last word matches the last mark (when they were told anything at all).
        const last = sent.at(-1);
        if (last) expect(last === 'absence_cleared').toBe(marks.at(-1) !== 'absent');
      }),
    );
  });
});

describe('absence messages with a grace to correct a mis-tap', () => {
  it('withdraws a held alarm when the child turns out late, present or excused within the grace', () => {
    for (const mark of ['present', 'late', 'excused'] as const) expect(absenceMessage('absent', mark, { alarmPending: true })).toEqual({ send: 'withdraw', state: null });
  });

  it('follows the alarm up as before once the grace has run out', () => {
    expect(absenceMessage('absent', 'present', { alarmPending: false })).toEqual({ send: 'absence_cleared', mark: 'present', state: 'cleared' });
  });

  it('over any sequence of marks and waits, delivers at most one alarm and leaves the guardians with the right picture', () => {
    // Each step is a tap, possibly after the grace ran out; whatever is still held at the end falls due.
    const step = fc.record({ mark: fc.constantFrom(...MARKS), afterGrace: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state: AbsenceAlertState | null = null;
        let held = false;
        const delivered: string[] = [];
        for (const { mark, afterGrace } of steps) {
          if (afterGrace && held) {
            delivered.push('absent');
            held = false;
          }
          const message = absenceMessage(state, mark, { alarmPending: held });
          state = message.state;
          if (message.send === 'absent') held = true;
          else if (message.send === 'withdraw') held = false;
          else if (message.send) delivered.push(message.send);
        }
        if (held) delivered.push('absent');
        expect(delivered.filter((kind) => kind === 'absent').length).toBeLessThanOrEqual(1);
        // Nothing but an alarm ever comes first: a withdrawn mis-tap is never followed by "arrived after all".
        if (delivered.length > 0) expect(delivered[0]).toBe('absent');
        for (let i = 1; i < delivered.length; i++) expect(delivered[i] === 'absence_cleared').not.toBe(delivered[i - 1] === 'absence_cleared');
        // The guardians believe the child absent exactly when the last mark is an absence.
        const believeAbsent = delivered.length > 0 && delivered.at(-1) !== 'absence_cleared';
        expect(believeAbsent).toBe(steps.at(-1)?.mark === 'absent');
      }),
    );
  });
});

describe('statistics', () => {
  it('counts late as attended and leaves excused meetings out of the rate', () => {
    expect(rollStatistics(['present', 'late', 'absent', 'excused'])).toEqual({ meetings: 4, present: 1, late: 1, absent: 1, excused: 1, rate: 2 / 3 });
  });

  it('has no rate before any expected meeting', () => {
    expect(rollStatistics(['excused']).rate).toBeNull();
    expect(rollStatistics([]).rate).toBeNull();
  });
});
