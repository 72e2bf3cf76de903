// What an admin may manage: a term or an offering of their schools (the district admin's: every school), or nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import { termWithSchool } from './terms.repository.ts';
import { offeringById } from './offerings.repository.ts';

export type Refused = { ok: false; reason: 'not_found' };
export type Invalid<Field extends string> = { ok: false; reason: 'invalid'; errors: Partial<Record<Field, Rejection>> };

/** The term with its school's names and grades; null when it does not exist or is outside this admin's schools. */
export async function termInScope(db: Kysely<Database>, actor: Actor, termId: number) {
  const term = await termWithSchool(db, termId);
  return term && canManageSchool(actor, term.school_id) ? term : null;
}

export type ManagedTerm = NonNullable<Awaited<ReturnType<typeof termInScope>>>;

/** The offering and its term; null when either is missing or outside this admin's schools. */
export async function offeringInScope(db: Kysely<Database>, actor: Actor, offeringId: number) {
  const offering = await offeringById(db, offeringId);
  if (!offering) return null;
  const term = await termInScope(db, actor, offering.term_id);
  return term ? { offering, term } : null;
}
