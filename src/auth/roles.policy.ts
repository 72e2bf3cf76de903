// Pure rules on staff accounts: who may open which, and whose sessions an admin may end.
import type { Role } from '../db/schema.ts';
import { type Actor, type StaffRole, canManageSchool } from '../kernel/roles.ts';

export type StaffAccountDecision =
  | { allowed: true }
  | { allowed: false; reason: 'roleNotAllowed' | 'schoolNotAllowed' | 'schoolRequired' };

/** School admins open teacher accounts in their school; district admins open any staff account anywhere. */
export function canOpenStaffAccount(actor: Actor, role: StaffRole, schoolId: number | null): StaffAccountDecision {
  if (actor.role !== 'district_admin' && actor.role !== 'school_admin') return { allowed: false, reason: 'roleNotAllowed' };
  if (actor.role === 'school_admin' && role !== 'teacher') return { allowed: false, reason: 'roleNotAllowed' };
  if (role === 'district_admin') return schoolId === null ? { allowed: true } : { allowed: false, reason: 'schoolNotAllowed' };
  if (schoolId === null) return { allowed: false, reason: 'schoolRequired' };
  return canManageSchool(actor, schoolId) ? { allowed: true } : { allowed: false, reason: 'schoolNotAllowed' };
}

export type EndSessionsDecision = { allowed: true } | { allowed: false; reason: 'notFound' | 'self' };

/**
 * Who may sign another person out everywhere: a district admin anyone, a school admin the teachers of their own
 * school (the accounts they open). Anyone else is told the account does not exist; one's own sessions are ended
 * from the account page instead.
 */
export function canEndSessionsOf(actor: Actor, target: { id: number; role: Role; schoolId: number | null }): EndSessionsDecision {
  if (actor.role === 'district_admin') return target.id === actor.id ? { allowed: false, reason: 'self' } : { allowed: true };
  if (actor.role === 'school_admin' && target.role === 'teacher' && target.schoolId !== null && target.schoolId === actor.schoolId) return { allowed: true };
  return { allowed: false, reason: 'notFound' };
}
