import { describe, expect, it } from 'vitest';
import { type EnrollmentFacts, enrollmentRefusal } from './enrollment.policy.ts';

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
