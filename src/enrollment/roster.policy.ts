// Pure rules for rosters: who may read one, who may change one, and when the school's add and move are refused.
import { type Actor, canManageSchool, staffsOffering } from '../kernel/roles.ts';
import type { EnrollmentStatus } from '../db/schema.ts';

/** The offering's own teacher, an admin of its school, a district admin; nobody else learns it exists. */
export const canSeeRoster = staffsOffering;

export function canChangeRoster(actor: Actor | null, schoolId: number): boolean {
  return canManageSchool(actor, schoolId);
}

export type AddRefusal = 'archived' | 'already_enrolled' | 'lottery_request' | 'full' | 'reason_required';

/**
 * The school's add ignores the enrolment window and the term limit (it is the school's decision), but a seated
 * child stays seated once, and a full offering takes one more only on an explicit override with a reason. A lottery
 * request belongs to the lottery (its entries are frozen and drawn): the roster neither seats nor removes it.
 */
export function addRefusal(facts: { offeringStatus?: string; status: EnrollmentStatus | null; freeSeats: number; override: boolean; reason: string }): AddRefusal | null {
  // An archived offering was taken out of the catalogue (its places freed, its families told): nobody joins it.
  if (facts.offeringStatus === 'archived') return 'archived';
  if (facts.status === 'enrolled') return 'already_enrolled';
  if (facts.status === 'requested') return 'lottery_request';
  if (facts.override && facts.reason.trim() === '') return 'reason_required';
  if (facts.freeSeats <= 0 && !facts.override) return 'full';
  return null;
}

export type MoveRefusal = 'not_active' | 'lottery_request' | 'same_offering' | 'other_term' | 'target_closed' | 'already_in_target' | 'reason_required';

/** A move takes a seated or waiting child to another published offering of the same term it is not already in. */
export function moveRefusal(facts: {
  status: EnrollmentStatus;
  from: { id: number; termId: number };
  to: { id: number; termId: number; status: string };
  targetStatus: EnrollmentStatus | null;
  reason: string;
}): MoveRefusal | null {
  if (facts.status === 'requested') return 'lottery_request';
  if (facts.status !== 'enrolled' && facts.status !== 'waitlisted') return 'not_active';
  if (facts.to.id === facts.from.id) return 'same_offering';
  if (facts.to.termId !== facts.from.termId) return 'other_term';
  if (facts.to.status !== 'published') return 'target_closed';
  if (facts.targetStatus === 'enrolled' || facts.targetStatus === 'waitlisted' || facts.targetStatus === 'requested') return 'already_in_target';
  if (facts.reason.trim() === '') return 'reason_required';
  return null;
}

/** Removal needs a reason the guardians are told; a child already gone cannot be removed again. */
export function removeRefusal(facts: { status: EnrollmentStatus; reason: string }): 'not_active' | 'lottery_request' | 'reason_required' | null {
  if (facts.status === 'withdrawn') return 'not_active';
  if (facts.status === 'requested') return 'lottery_request';
  if (facts.reason.trim() === '') return 'reason_required';
  return null;
}
