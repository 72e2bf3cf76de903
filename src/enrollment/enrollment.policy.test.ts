import { describe, expect, it } from 'vitest';
import { type EnrollmentFacts, childBarrier, enrollmentRefusal } from './enrollment.policy.ts';

const facts: EnrollmentFacts = {
  child: { schoolId: 1, grade: 3, verified: true },
  offering: { schoolId: 1, gradeMin: 1, gradeMax: 6, slots: [{ weekday: 2, startsAt: '16:00', endsAt: '17:00' }] },
  term: { opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-12-01T00:00:00.000Z', mode: 'first_come', courseLimit: 2 },
  now: new Date('2026-11-10T00:00:00Z'),
  others: [],
};
const unverified = { ...facts, child: { ...facts.child, verified: false } };

describe('an unverified child', () => {
  it('is refused a place with its own reason, while a verified child of the same school is not', () => {
    expect(enrollmentRefusal(facts)).toBeNull();
    expect(enrollmentRefusal(unverified)).toEqual({ reason: 'unverified' });
  });

  it('hears about the check before the window and the term’s mode, after its school and grade', () => {
    expect(enrollmentRefusal({ ...unverified, now: new Date('2026-10-01T00:00:00Z') })).toEqual({ reason: 'unverified' });
    expect(enrollmentRefusal({ ...unverified, term: { ...facts.term, mode: 'lottery' } })).toEqual({ reason: 'unverified' });
    expect(enrollmentRefusal({ ...unverified, offering: { ...facts.offering, gradeMin: 5 } })).toMatchObject({ reason: 'grade' });
    expect(enrollmentRefusal({ ...unverified, offering: { ...facts.offering, schoolId: 2 } })).toEqual({ reason: 'other_school' });
  });
});

describe('a paid offering', () => {
  const paid = { ...facts, fee: { cents: 80000, confirmed: false } };

  it('asks the parent to confirm its fee once, and takes the child once confirmed', () => {
    expect(enrollmentRefusal(paid)).toEqual({ reason: 'fee', feeCents: 80000 });
    expect(enrollmentRefusal({ ...paid, fee: { cents: 80000, confirmed: true } })).toBeNull();
    expect(enrollmentRefusal({ ...facts, fee: { cents: 0, confirmed: false } })).toBeNull();
  });

  it('asks about the fee only for a place the child could take', () => {
    expect(enrollmentRefusal({ ...paid, term: { ...facts.term, courseLimit: 1 }, others: [{ title: '航模', slots: [] }] })).toMatchObject({ reason: 'limit' });
  });
});

describe('who the enrol control lists', () => {
  it('leaves out a child of another school, of another grade or not yet verified, each with its reason', () => {
    expect(childBarrier(facts)).toBeNull();
    expect(childBarrier({ ...facts, offering: { ...facts.offering, schoolId: 2 } })).toEqual({ reason: 'other_school' });
    expect(childBarrier({ ...facts, offering: { ...facts.offering, gradeMin: 5 } })).toEqual({ reason: 'grade', min: 5, max: 6 });
    expect(childBarrier(unverified)).toEqual({ reason: 'unverified' });
  });

  it('keeps every child while the window is shut: that is the term’s, said by the page, not the child’s', () => {
    expect(childBarrier({ ...facts, now: new Date('2026-12-10T00:00:00Z') })).toBeNull();
  });
});
