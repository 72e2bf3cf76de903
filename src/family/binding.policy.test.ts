import { describe, expect, it } from 'vitest';
import { bindingOutcome, childVerified, pupilThrottleKey } from './binding.policy.ts';

const free = { id: 7, childId: null };
const alone = { childId: null, guardianOfBoundChild: false };

describe('binding a pupil', () => {
  it('binds a matching pupil no family holds yet', () => {
    expect(bindingOutcome(free, true, alone)).toEqual({ ok: true, pupilId: 7 });
  });

  it('gives one answer for no such number and for a number whose name or grade differ, bound or not', () => {
    expect(bindingOutcome(null, false, alone)).toEqual({ ok: false, reason: 'mismatch' });
    expect(bindingOutcome(free, false, alone)).toEqual({ ok: false, reason: 'mismatch' });
    expect(bindingOutcome({ id: 7, childId: 3 }, false, alone)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('says a matching pupil is taken only when another family holds it, and yours when it is your child', () => {
    expect(bindingOutcome({ id: 7, childId: 3 }, true, alone)).toEqual({ ok: false, reason: 'taken' });
    expect(bindingOutcome({ id: 7, childId: 3 }, true, { childId: null, guardianOfBoundChild: true })).toEqual({ ok: false, reason: 'yours', childId: 3 });
  });

  it('keeps a child bound to its own pupil when its record is saved again', () => {
    expect(bindingOutcome({ id: 7, childId: 3 }, true, { childId: 3, guardianOfBoundChild: true })).toEqual({ ok: true, pupilId: 7 });
  });

  it('throttles each parent on a key of their own, apart from invitation codes', () => {
    expect(pupilThrottleKey(12)).toBe('pupil:12');
  });
});

describe('a verified child', () => {
  it('is any child of an open school, and a bound child of a pupil-list school', () => {
    expect(childVerified('open', null)).toBe(true);
    expect(childVerified('pupil_list', 4)).toBe(true);
    expect(childVerified('pupil_list', null)).toBe(false);
  });
});
