import { describe, expect, it } from 'vitest';
import { createLanguages } from '../i18n/i18n.ts';
import { MESSAGES } from '../messages.ts';
import { type FeedMeeting, childCalendar } from './calendar-feed.ts';

const meeting = (extra: Partial<FeedMeeting>): FeedMeeting => ({
  id: 7,
  offeringId: 1,
  day: '2026-12-01',
  startsAt: '15:30',
  endsAt: '17:00',
  room: '科技楼 301',
  status: 'scheduled',
  reason: null,
  original: null,
  titleZh: '机器人',
  titleEn: 'Robotics',
  ...extra,
});

const feed = (meetings: FeedMeeting[], lang: 'zh-CN' | 'en' = 'zh-CN', timeZone = 'Asia/Shanghai') =>
  childCalendar({ childName: '小米', meetings, i18n: createLanguages(MESSAGES, timeZone)(lang), timeZone, now: new Date('2026-11-27T08:00:00Z') });

describe('a child’s calendar feed', () => {
  it('puts a 15:30 Shanghai meeting at 07:30 UTC, with a stable UID and the room', () => {
    const ics = feed([meeting({})]);
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('UID:meeting-7@clubroll');
    expect(ics).toContain('DTSTART:20261201T073000Z');
    expect(ics).toContain('DTEND:20261201T090000Z');
    expect(ics).toContain('DTSTAMP:20261127T080000Z');
    expect(ics).toContain('LOCATION:科技楼 301');
    expect(ics).toContain('X-WR-CALNAME:小米 的课程');
  });

  it('converts with the district’s own time zone', () => {
    expect(feed([meeting({})], 'en', 'Europe/London')).toContain('DTSTART:20261201T153000Z');
  });

  it('keeps a cancelled meeting as CANCELLED, with the reason', () => {
    const ics = feed([meeting({ status: 'cancelled', reason: '运动会' })]);
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SUMMARY:已取消：小米：机器人');
    expect(ics).toContain('原因：运动会');
  });

  it('puts a moved meeting at its new time and says where it was', () => {
    const ics = feed([meeting({ status: 'moved', day: '2026-12-03', startsAt: '16:00', endsAt: '17:30', reason: '场地检修', original: { day: '2026-12-01', startsAt: '15:30', endsAt: '17:00' } })], 'en');
    expect(ics).toContain('DTSTART:20261203T080000Z');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('SUMMARY:小米: Robotics');
    expect(ics).toMatch(/DESCRIPTION:Moved\\; was 1 Dec 2026\\, 15:30–17:00/);
  });

  it('is a valid, empty calendar when nothing is planned', () => {
    const ics = feed([]);
    expect(ics).toMatch(/^BEGIN:VCALENDAR[^]*END:VCALENDAR\r\n$/);
    expect(ics).not.toContain('BEGIN:VEVENT');
  });
});
