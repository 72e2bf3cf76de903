import { describe, expect, it } from 'vitest';
import { MAX_COLLECTORS, careNoteFrom, collectorFrom, collectorLimitProblem, dialable, seesCare } from './care.policy.ts';

describe('who collects the child', () => {
  it('accepts mobile and landline numbers written with spaces, dashes and full-width digits, and dials their digits', () => {
    expect(dialable('138 0013 8000')).toBe('13800138000');
    expect(dialable('0571-8888 1234')).toBe('057188881234');
    expect(dialable('（0571）88881234')).toBe('057188881234');
    expect(dialable('+86 138-0013-8000')).toBe('+8613800138000');
    expect(dialable('１３８００１３８０００')).toBe('13800138000');
  });

  it('refuses text that is not a phone number', () => {
    expect(dialable('奶奶的手机')).toBeNull();
    expect(dialable('1234')).toBeNull();
    expect(dialable('1'.repeat(16))).toBeNull();
    expect(dialable('138+0013')).toBeNull();
  });

  it('names every missing or wrong field at once, and tidies what it keeps', () => {
    expect(collectorFrom({ name: ' ', relation: '', phone: 'abc' })).toEqual({
      ok: false,
      errors: { name: { key: 'form.required' }, relation: { key: 'form.required' }, phone: { key: 'care.error.phone' } },
    });
    expect(collectorFrom({ name: '  王  秀英 ', relation: '奶奶', phone: '138 0013 8000' })).toEqual({ ok: true, collector: { name: '王 秀英', relation: '奶奶', phone: '138 0013 8000' } });
    expect(collectorFrom({ name: '名'.repeat(41), relation: '奶'.repeat(21), phone: '13800138000' })).toMatchObject({ ok: false, errors: { name: { key: 'form.tooLong', params: { max: 40 } }, relation: { key: 'form.tooLong', params: { max: 20 } } } });
  });

  it('allows five collectors and no sixth', () => {
    expect(collectorLimitProblem(MAX_COLLECTORS - 1)).toBeNull();
    expect(collectorLimitProblem(MAX_COLLECTORS)).toEqual({ key: 'care.error.tooMany', params: { max: 5 } });
  });

  it('keeps a note of up to 300 characters, and an empty note as none', () => {
    expect(careNoteFrom('  对花生过敏  ')).toEqual({ ok: true, note: '对花生过敏' });
    expect(careNoteFrom('   ')).toEqual({ ok: true, note: null });
    expect(careNoteFrom('敏'.repeat(300))).toMatchObject({ ok: true });
    expect(careNoteFrom('敏'.repeat(301))).toEqual({ ok: false, error: { key: 'form.tooLong', params: { max: 300 } } });
  });

  it('shows them to the offering teacher and the school admins only', () => {
    const offering = { teacherId: 7, schoolId: 2 };
    expect(seesCare({ id: 7, role: 'teacher', schoolId: 2 }, offering)).toBe(true);
    expect(seesCare({ id: 8, role: 'teacher', schoolId: 2 }, offering)).toBe(false);
    expect(seesCare({ id: 9, role: 'school_admin', schoolId: 2 }, offering)).toBe(true);
    expect(seesCare({ id: 10, role: 'school_admin', schoolId: 3 }, offering)).toBe(false);
    expect(seesCare({ id: 11, role: 'district_admin', schoolId: null }, offering)).toBe(false);
    expect(seesCare({ id: 12, role: 'parent', schoolId: null }, offering)).toBe(false);
  });
});
