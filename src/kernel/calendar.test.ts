import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayInZone, instantInZone, isoWeekday, localDateTime } from './calendar.ts';

describe('calendar days in the district time zone', () => {
  it('knows which day an instant falls on in Shanghai', () => {
    expect(dayInZone(new Date('2026-11-28T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-11-28');
    expect(dayInZone(new Date('2026-11-28T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-29');
  });

  it('counts ISO weekdays and adds days across months and years', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('turns a wall-clock time into the instant and back, in any zone', () => {
    expect(instantInZone('2027-02-01', '08:00', 'Asia/Shanghai').toISOString()).toBe('2027-02-01T00:00:00.000Z');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'Asia/Urumqi'),
        (date, zone) => {
          const wall = localDateTime(date, zone);
          const [day, time] = wall.split('T') as [string, string];
          expect(localDateTime(instantInZone(day, time, zone), zone)).toBe(wall);
        },
      ),
    );
  });
});
