// Pure rules on who may act where: roles, a school admin's scope, who may open which staff accounts.
import type { Role } from '../db/schema.ts';

export interface Actor {
  readonly id: number;
  readonly role: Role;
  readonly schoolId: number | null;
}

export const STAFF_ROLES = ['teacher', 'school_admin', 'district_admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function hasRole(actor: Actor | null, roles: readonly Role[]): boolean {
  return actor !== null && roles.includes(actor.role);
}

/** A district admin manages every school; a school admin only their own; nobody else manages any. */
export function canManageSchool(actor: Actor | null, schoolId: number): boolean {
  if (!actor) return false;
  if (actor.role === 'district_admin') return true;
  return actor.role === 'school_admin' && actor.schoolId === schoolId;
}

/** An offering's own teacher, or an admin of its school (or the district): who sees its roster and takes its roll. */
export function staffsOffering(actor: Actor | null, offering: { teacherId: number | null; schoolId: number }): boolean {
  if (!actor) return false;
  return (actor.role === 'teacher' && offering.teacherId === actor.id) || canManageSchool(actor, offering.schoolId);
}

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
