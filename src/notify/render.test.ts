import { describe, expect, it } from 'vitest';
import { languages } from '../../test/support/languages.ts';
import type { NotificationKind, NotificationPayloads } from './outbox.ts';
import { NOTIFICATION_KINDS, notificationLink, renderNotification, renderStored } from './render.ts';

const zh = languages('zh-CN');
const en = languages('en');

const course = { offeringId: 7, childId: 3, childName: '王小明', title: '机器人入门', titleEn: 'Robotics basics' };
const meeting = { ...course, meetingId: 11, day: '2026-12-01', startsAt: '16:00' };

/** One payload of every kind, as the services write them. */
const EXAMPLES: { [K in NotificationKind]: NotificationPayloads[K] } = {
  seat_confirmed: course,
  promoted: course,
  waitlisted_by_school: { ...course, position: 2 },
  withdrawn_by_school: { ...course, reason: '家长申请' },
  offering_cancelled: { ...course, reason: '教师调离，本学期停开', status: 'waitlisted' },
  moved_by_school: { ...course, fromOfferingId: 5, fromTitle: '编程', fromTitleEn: 'Coding', status: 'enrolled', reason: '年级调整' },
  meeting_cancelled: { ...meeting, reason: '教师外出培训' },
  meeting_moved: { ...meeting, toDay: '2026-12-05', toStartsAt: '09:00', toEndsAt: '10:30', room: '科技楼 302', reason: '场地维修' },
  child_absent: meeting,
  absence_cleared: { ...meeting, mark: 'late' },
  absent_again: meeting,
  lottery_seat: course,
  lottery_waitlisted: { ...course, position: 4 },
  lottery_none: { childId: 3, childName: '王小明', termId: 1 },
  pupil_unlisted: { childId: 3, childName: '王小明', school: '星湖实验小学', schoolEn: 'Xinghu Primary', reason: 'removed' },
  child_unverified: { childId: 3, childName: '王小明', school: '星湖实验小学', schoolEn: 'Xinghu Primary', reason: 'switched' },
  child_verified: { childId: 3, childName: '王小明', school: '星湖实验小学', schoolEn: 'Xinghu Primary' },
  announcement: { offeringId: 7, title: '机器人入门', titleEn: 'Robotics basics', sender: '李老师', text: '周五请带护目镜。\n王小明 的作品已展出。' },
  teacher_message: { ...course, sender: '李老师', text: '今天表现很好。' },
};

describe('rendering notifications', () => {
  it('names the child in both languages for every kind, with no placeholder left unfilled', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const [lang, format] of [['zh-CN', zh], ['en', en]] as const) {
        const { subject, text } = renderNotification(kind, EXAMPLES[kind], format);
        expect(`${subject}\n${text}`, `${kind} ${lang}`).toContain('王小明');
        expect(`${subject}\n${text}`, `${kind} ${lang}`).not.toMatch(/\{\w+\}|undefined|null/);
      }
    }
  });

  it('names the course in Chinese for Chinese readers and by its English title for English readers', () => {
    expect(renderNotification('seat_confirmed', course, zh)).toEqual({ subject: '名额已确认：王小明 ·「机器人入门」', text: '王小明 已报名「机器人入门」，名额已确认。' });
    expect(renderNotification('seat_confirmed', course, en).subject).toBe('Seat confirmed: 王小明 · Robotics basics');
  });

  it('falls back to the Chinese title when an offering has no English one', () => {
    expect(renderNotification('promoted', { ...course, titleEn: null }, en).text).toContain('“机器人入门”');
  });

  it('says when a cancelled meeting was, and why', () => {
    const zhText = renderNotification('meeting_cancelled', EXAMPLES.meeting_cancelled, zh);
    expect(zhText.subject).toBe('活动取消：「机器人入门」2026年12月1日');
    expect(zhText.text).toBe('王小明 参加的「机器人入门」原定 2026年12月1日（周二）16:00 的活动取消。\n原因：教师外出培训');
    const enText = renderNotification('meeting_cancelled', EXAMPLES.meeting_cancelled, en);
    expect(enText.text).toContain('Tue 1 Dec 2026, 16:00');
    expect(enText.text).toContain('Reason: 教师外出培训');
  });

  it('says where and when a moved meeting happens instead', () => {
    const { text } = renderNotification('meeting_moved', EXAMPLES.meeting_moved, zh);
    expect(text).toContain('改到 2026年12月5日（周六）09:00–10:30');
    expect(text).toContain('地点：科技楼 302');
    expect(text).toContain('原因：场地维修');
    const english = renderNotification('meeting_moved', { ...EXAMPLES.meeting_moved, room: '' }, en).text;
    expect(english).toContain('moves to Sat 5 Dec 2026, 09:00–10:30');
    expect(english).not.toContain('Room');
  });

  it('gives the waitlist position and the new attendance mark', () => {
    expect(renderNotification('waitlisted_by_school', EXAMPLES.waitlisted_by_school, en).text).toContain('position 2');
    expect(renderNotification('absence_cleared', EXAMPLES.absence_cleared, zh).text).toContain('已改记为：迟到');
  });

  it('tells guardians why their child is no longer bound to a listed pupil', () => {
    expect(renderNotification('pupil_unlisted', EXAMPLES.pupil_unlisted, zh).subject).toBe('王小明 已不在星湖实验小学的学生名单上');
    expect(renderNotification('pupil_unlisted', EXAMPLES.pupil_unlisted, en).text).toContain('Xinghu Primary removed 王小明 from its pupil list');
    expect(renderNotification('pupil_unlisted', { ...EXAMPLES.pupil_unlisted, reason: 'left' }, zh).text).toContain('最高年级升出');
    expect(renderNotification('pupil_unlisted', EXAMPLES.pupil_unlisted, zh).text).not.toContain('不能报新的课程');
    expect(renderNotification('pupil_unlisted', { ...EXAMPLES.pupil_unlisted, checked: true }, zh).text).toContain('在重新与名单匹配之前，王小明 不能报新的课程');
    expect(renderNotification('pupil_unlisted', { ...EXAMPLES.pupil_unlisted, checked: true }, en).text).toContain('cannot take new places until matched');
  });

  it('tells guardians why a child is not matched to the pupil list, and when it is', () => {
    expect(renderNotification('child_unverified', EXAMPLES.child_unverified, zh).subject).toBe('星湖实验小学开始核对学生名单：王小明 尚未匹配');
    expect(renderNotification('child_unverified', EXAMPLES.child_unverified, en).text).toContain('Seats already taken stay');
    expect(renderNotification('child_unverified', { ...EXAMPLES.child_unverified, reason: 'unbound' }, zh).text).toContain('解除了 王小明 与学生名单的匹配');
    expect(notificationLink(EXAMPLES.child_unverified)).toEqual({ kind: 'child', href: '/children/3' });
    expect(renderNotification('child_verified', EXAMPLES.child_verified, zh).text).toContain('可以正常报名了');
  });

  it("frames the sender's announcement in the reader's language and keeps their words and line breaks as written", () => {
    expect(renderNotification('announcement', EXAMPLES.announcement, zh)).toEqual({
      subject: '「机器人入门」通知',
      text: '李老师发来「机器人入门」的通知：\n周五请带护目镜。\n王小明 的作品已展出。',
    });
    const english = renderNotification('announcement', EXAMPLES.announcement, en);
    expect(english.subject).toBe('Announcement: Robotics basics');
    expect(english.text).toBe('李老师 wrote to the families of Robotics basics:\n周五请带护目镜。\n王小明 的作品已展出。');
    expect(notificationLink(EXAMPLES.announcement)).toEqual({ kind: 'offering', href: '/offerings/7' });
    expect(renderNotification('teacher_message', EXAMPLES.teacher_message, zh).subject).toBe('「机器人入门」老师的消息：关于 王小明');
    expect(renderNotification('teacher_message', { ...EXAMPLES.teacher_message, text: 'a {child} b' }, en).text).toContain('\na {child} b');
  });

  it('renders a stored row from JSON text or a parsed object, and an unknown kind or broken payload as a neutral message', () => {
    const fromText = renderStored('promoted', JSON.stringify(course), zh);
    expect(fromText).toEqual(renderNotification('promoted', course, zh));
    expect(renderStored('promoted', course, en)).toEqual(renderNotification('promoted', course, en));
    expect(renderStored('teleported', course, en)).toEqual({ subject: 'New notification', text: 'There is a new message for you; log in to Clubroll to read it.' });
    expect(renderStored('meeting_cancelled', { ...meeting, day: 'someday', reason: '' }, zh).subject).toBe('新通知');
    expect(renderStored('seat_confirmed', '{not json', zh).subject).toBe('新通知');
  });

  it('links to the offering when there is one, else to the child', () => {
    expect(notificationLink(course)).toEqual({ kind: 'offering', href: '/offerings/7' });
    expect(notificationLink(JSON.stringify(EXAMPLES.lottery_none))).toEqual({ kind: 'child', href: '/children/3' });
    expect(notificationLink({ offeringId: '7; drop' })).toBeNull();
  });
});
