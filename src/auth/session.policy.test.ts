import { describe, expect, it } from 'vitest';
import { LAST_SEEN_GRANULARITY_MS, lifetimeFromSettings, sessionStanding } from './session.policy.ts';

const lifetime = lifetimeFromSettings({ sessionDays: 30, staffIdleMinutes: 480, sessionMaxDays: 90 });
const login = new Date('2026-11-01T08:00:00Z');
const at = (ms: number) => new Date(login.getTime() + ms);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('session lifetime rules', () => {
  it('keeps a parent signed in after 29 days without use, and ends the session at 30', () => {
    expect(sessionStanding({ createdAt: login, lastSeenAt: null }, 'parent', at(29 * day), lifetime)).toMatchObject({ live: true });
    expect(sessionStanding({ createdAt: login, lastSeenAt: null }, 'parent', at(30 * day), lifetime)).toEqual({ live: false, reason: 'idle' });
  });

  it('ends a teacher’s or an admin’s session after 8 idle hours, not before', () => {
    for (const role of ['teacher', 'school_admin', 'district_admin'] as const) {
      expect(sessionStanding({ createdAt: login, lastSeenAt: at(hour) }, role, at(8 * hour + hour - minute), lifetime)).toMatchObject({ live: true });
      expect(sessionStanding({ createdAt: login, lastSeenAt: at(hour) }, role, at(9 * hour), lifetime)).toEqual({ live: false, reason: 'idle' });
    }
  });

  it('ends even a session used every day once it is 90 days past its login', () => {
    const session = { createdAt: login, lastSeenAt: at(90 * day - hour) };
    expect(sessionStanding(session, 'parent', at(90 * day - minute), lifetime)).toMatchObject({ live: true, endsBy: at(90 * day) });
    expect(sessionStanding(session, 'parent', at(90 * day), lifetime)).toEqual({ live: false, reason: 'tooOld' });
  });

  it('writes the last use down at most once a minute', () => {
    const session = { createdAt: login, lastSeenAt: at(hour) };
    expect(sessionStanding(session, 'parent', at(hour + LAST_SEEN_GRANULARITY_MS - 1), lifetime)).toMatchObject({ touch: false });
    expect(sessionStanding(session, 'parent', at(hour + LAST_SEEN_GRANULARITY_MS), lifetime)).toMatchObject({ touch: true });
  });

  it('never gives staff a longer idle limit than parents, whatever the settings say', () => {
    const odd = lifetimeFromSettings({ sessionDays: 1, staffIdleMinutes: 7 * 24 * 60, sessionMaxDays: 90 });
    expect(sessionStanding({ createdAt: login, lastSeenAt: null }, 'teacher', at(day), odd)).toEqual({ live: false, reason: 'idle' });
  });
});
