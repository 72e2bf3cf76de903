import { describe, expect, it } from 'vitest';
import { addRefusal, canChangeRoster, canSeeRoster, moveRefusal, removeRefusal } from './roster.policy.ts';

const teacher = { id: 7, role: 'teacher' as const, schoolId: 1 };
const schoolAdmin = { id: 8, role: 'school_admin' as const, schoolId: 1 };
const otherAdmin = { id: 9, role: 'school_admin' as const, schoolId: 2 };
const district = { id: 10, role: 'district_admin' as const, schoolId: null };
const parent = { id: 11, role: 'parent' as const, schoolId: null };

describe('who sees and changes a roster', () => {
  it("lets the offering's own teacher read it but not change it", () => {
    expect(canSeeRoster(teacher, { teacherId: 7, schoolId: 1 })).toBe(true);
    expect(canSeeRoster(teacher, { teacherId: 99, schoolId: 1 })).toBe(false);
    expect(canChangeRoster(teacher, 1)).toBe(false);
  });

  it("lets the school's admins and the district's read and change it, and nobody else", () => {
    expect(canSeeRoster(schoolAdmin, { teacherId: null, schoolId: 1 }) && canChangeRoster(schoolAdmin, 1)).toBe(true);
    expect(canSeeRoster(district, { teacherId: null, schoolId: 1 }) && canChangeRoster(district, 1)).toBe(true);
    expect(canSeeRoster(otherAdmin, { teacherId: null, schoolId: 1 }) || canChangeRoster(otherAdmin, 1)).toBe(false);
    expect(canSeeRoster(parent, { teacherId: null, schoolId: 1 })).toBe(false);
    expect(canSeeRoster(null, { teacherId: null, schoolId: 1 })).toBe(false);
  });
});

describe("the school's add", () => {
  it('adds nobody to an archived offering, even with an override', () => {
    expect(addRefusal({ offeringStatus: 'archived', status: null, freeSeats: 3, override: true, reason: '补录' })).toBe('archived');
    expect(addRefusal({ offeringStatus: 'published', status: null, freeSeats: 3, override: false, reason: '' })).toBeNull();
  });

  it('seats a child into a free seat without a reason', () => {
    expect(addRefusal({ status: null, freeSeats: 1, override: false, reason: '' })).toBeNull();
  });

  it('refuses a full offering unless overridden with a reason', () => {
    expect(addRefusal({ status: 'waitlisted', freeSeats: 0, override: false, reason: '' })).toBe('full');
    expect(addRefusal({ status: 'waitlisted', freeSeats: 0, override: true, reason: '   ' })).toBe('reason_required');
    expect(addRefusal({ status: 'waitlisted', freeSeats: 0, override: true, reason: '校长批准' })).toBeNull();
  });

  it('never seats a seated child twice, and leaves lottery requests to the draw', () => {
    expect(addRefusal({ status: 'enrolled', freeSeats: 5, override: true, reason: 'x' })).toBe('already_enrolled');
    expect(addRefusal({ status: 'requested', freeSeats: 5, override: false, reason: '' })).toBe('lottery_request');
  });
});

describe("the school's move and remove", () => {
  const base = { status: 'enrolled' as const, from: { id: 1, termId: 5 }, to: { id: 2, termId: 5, status: 'published' }, targetStatus: null, reason: '时间冲突' };

  it('moves a seated or waiting child to another published offering of the same term, with a reason', () => {
    expect(moveRefusal(base)).toBeNull();
    expect(moveRefusal({ ...base, status: 'waitlisted', targetStatus: 'withdrawn' })).toBeNull();
  });

  it('refuses every other move, saying why', () => {
    expect(moveRefusal({ ...base, status: 'withdrawn' })).toBe('not_active');
    expect(moveRefusal({ ...base, status: 'requested' })).toBe('lottery_request');
    expect(moveRefusal({ ...base, to: { ...base.to, id: 1 } })).toBe('same_offering');
    expect(moveRefusal({ ...base, to: { ...base.to, termId: 6 } })).toBe('other_term');
    expect(moveRefusal({ ...base, to: { ...base.to, status: 'draft' } })).toBe('target_closed');
    expect(moveRefusal({ ...base, targetStatus: 'requested' })).toBe('already_in_target');
    expect(moveRefusal({ ...base, reason: ' ' })).toBe('reason_required');
  });

  it('removes a seated or waiting child with a reason only, never a lottery request', () => {
    expect(removeRefusal({ status: 'waitlisted', reason: '重复报名' })).toBeNull();
    expect(removeRefusal({ status: 'requested', reason: '重复报名' })).toBe('lottery_request');
    expect(removeRefusal({ status: 'enrolled', reason: '' })).toBe('reason_required');
    expect(removeRefusal({ status: 'withdrawn', reason: 'x' })).toBe('not_active');
  });
});
