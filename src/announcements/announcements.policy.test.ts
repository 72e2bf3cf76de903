import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, mayReadAnnouncements, messageText, sendDecision } from './announcements.policy.ts';

const offering = { teacherId: 7, schoolId: 1 };

describe('what a teacher may write to families', () => {
  it('keeps the words as written, trimmed, with line breaks made plain', () => {
    expect(messageText('  周五带护目镜。\r\n谢谢  ')).toEqual({ ok: true, text: '周五带护目镜。\n谢谢' });
  });

  it('refuses an empty text, one over the limit and one with control characters other than line breaks', () => {
    expect(messageText(' \n ')).toMatchObject({ ok: false, rejection: { key: 'announce.error.required' } });
    expect(messageText('课'.repeat(MAX_MESSAGE_CHARS + 1))).toMatchObject({ ok: false, rejection: { key: 'announce.error.tooLong' } });
    expect(messageText('a\tb')).toMatchObject({ ok: false, rejection: { key: 'announce.error.control' } });
    expect(messageText('a\u0000b')).toMatchObject({ ok: false, rejection: { key: 'announce.error.control' } });
  });

  it('counts a character outside the basic plane once, as the textarea does', () => {
    expect(messageText('😀'.repeat(MAX_MESSAGE_CHARS)).ok).toBe(true);
    expect(messageText(` ${'课'.repeat(MAX_MESSAGE_CHARS)} `).ok).toBe(true);
  });
});

describe('who may send and who may read', () => {
  it("lets the offering's teacher and its school's admins send; refuses other staff outright and answers parents as if nothing were there", () => {
    expect(sendDecision({ id: 7, role: 'teacher', schoolId: 1 }, offering)).toBe('allowed');
    expect(sendDecision({ id: 2, role: 'school_admin', schoolId: 1 }, offering)).toBe('allowed');
    expect(sendDecision({ id: 3, role: 'district_admin', schoolId: null }, offering)).toBe('allowed');
    expect(sendDecision({ id: 8, role: 'teacher', schoolId: 1 }, offering)).toBe('forbidden');
    expect(sendDecision({ id: 4, role: 'school_admin', schoolId: 2 }, offering)).toBe('forbidden');
    expect(sendDecision({ id: 5, role: 'parent', schoolId: null }, offering)).toBe('not_found');
  });

  it('shows past announcements to the staff and the families of the offering only', () => {
    expect(mayReadAnnouncements(null, offering, false)).toBe(false);
    expect(mayReadAnnouncements({ id: 5, role: 'parent', schoolId: null }, offering, true)).toBe(true);
    expect(mayReadAnnouncements({ id: 5, role: 'parent', schoolId: null }, offering, false)).toBe(false);
    expect(mayReadAnnouncements({ id: 7, role: 'teacher', schoolId: 1 }, offering, false)).toBe(true);
    expect(mayReadAnnouncements({ id: 8, role: 'teacher', schoolId: 1 }, offering, false)).toBe(false);
  });
});
