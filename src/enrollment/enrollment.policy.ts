// Pure eligibility rules for enrolling a child: each rule takes the facts and answers null or a refusal.
import { slotsOverlap, type WeeklySlot } from '../kernel/slots.ts';

export type Refusal =
  | { reason: 'other_school' }
  | { reason: 'grade'; min: number; max: number }
  | { reason: 'unverified' }
  | { reason: 'not_open'; opensAt: string }
  | { reason: 'closed' }
  | { reason: 'lottery' }
  | { reason: 'limit'; limit: number }
  | { reason: 'clash'; title: string; slot: WeeklySlot }
  | { reason: 'fee'; feeCents: number };

export interface EnrollmentFacts {
  /** `verified`: the child's school is open, or the child is bound to a pupil of its list (see childVerified). */
  child: { schoolId: number; grade: number; verified: boolean };
  offering: { schoolId: number; gradeMin: number; gradeMax: number; slots: readonly WeeklySlot[] };
  term: { opensAt: string; closesAt: string; mode: 'first_come' | 'lottery'; courseLimit: number };
  now: Date;
  /** The child's other enrolled or waitlisted offerings in the same term. */
  others: readonly { title: string; slots: readonly WeeklySlot[] }[];
  /** The offering's fee, and whether the parent confirmed it (a paid place is asked for once, with its fee). */
  fee?: { cents: number; confirmed: boolean };
}

export type Rule = (facts: EnrollmentFacts) => Refusal | null;

const sameSchool: Rule = ({ child, offering }) => (child.schoolId === offering.schoolId ? null : { reason: 'other_school' });

const gradeFits: Rule = ({ child, offering }) =>
  child.grade >= offering.gradeMin && child.grade <= offering.gradeMax ? null : { reason: 'grade', min: offering.gradeMin, max: offering.gradeMax };

/** At a school that checks its pupil list, only a matched child takes new places (its existing ones stay). */
const verifiedChild: Rule = ({ child }) => (child.verified ? null : { reason: 'unverified' });

const windowOpen: Rule = ({ term, now }) => {
  const instant = now.toISOString();
  if (instant < term.opensAt) return { reason: 'not_open', opensAt: term.opensAt };
  return instant < term.closesAt ? null : { reason: 'closed' };
};

/** Lottery terms collect ranked choices instead (the lottery feature); a direct enrolment is refused. */
const firstComeTerm: Rule = ({ term }) => (term.mode === 'first_come' ? null : { reason: 'lottery' });

const underLimit: Rule = ({ term, others }) => (others.length < term.courseLimit ? null : { reason: 'limit', limit: term.courseLimit });

const noClash: Rule = ({ offering, others }) => {
  for (const other of others) {
    for (const slot of other.slots) {
      if (offering.slots.some((mine) => slotsOverlap(mine, slot))) return { reason: 'clash', title: other.title, slot };
    }
  }
  return null;
};

/** Last, so a parent is asked to confirm a fee only for a place the child could take. */
const feeConfirmed: Rule = ({ fee }) => (!fee || fee.cents === 0 || fee.confirmed ? null : { reason: 'fee', feeCents: fee.cents });

/** Who may ask for an offering at all, and when: shared with the lottery's ranked choices. */
export const ELIGIBILITY_RULES: readonly Rule[] = [sameSchool, gradeFits, verifiedChild, windowOpen];

/** Every rule, in the order a parent would want to hear about them. */
export const ENROLMENT_RULES: readonly Rule[] = [...ELIGIBILITY_RULES, firstComeTerm, underLimit, noClash, feeConfirmed];

/** Refusals about the child itself (its school, grade, pupil check), not the term's window, which is the same for every child. */
const CHILD_REASONS: ReadonlySet<Refusal['reason']> = new Set(['other_school', 'grade', 'unverified']);

/**
 * Why this child could not ask for the offering whenever it tried, or null: the eligibility rules' first refusal about
 * the child. The enrol control lists only children this returns null for, and names the others in one line.
 */
export function childBarrier(facts: EnrollmentFacts): Refusal | null {
  for (const rule of ELIGIBILITY_RULES) {
    const refusal = rule(facts);
    if (refusal && CHILD_REASONS.has(refusal.reason)) return refusal;
  }
  return null;
}

export function enrollmentRefusal(facts: EnrollmentFacts): Refusal | null {
  for (const rule of ENROLMENT_RULES) {
    const refusal = rule(facts);
    if (refusal) return refusal;
  }
  return null;
}
