// Who is acting and what their role lets them reach: the signed-in user, roles, a school admin's scope.
import type { Lang, Role } from './vocabulary.ts';

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

/** The signed-in person as the rest of the app sees them (never the password hash). */

export interface SessionUser {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly schoolId: number | null;
  readonly lang: Lang;
  /** The e-mail or phone they log in with. */
  readonly login: string;
  /** The staff member's school, in both languages (null for parents and district admins). */
  readonly schoolName: Readonly<Record<Lang, string>> | null;
}
