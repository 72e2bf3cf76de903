// The transaction steps every change of place shares — a parent's enrol and withdraw, the school's add, remove
// and move — so the seat counter, the FIFO waitlist and the promoted child's notice follow one set of rules.
import type { Selectable, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, EnrollmentsTable } from '../db/schema.ts';
import type { Outbox } from '../notify/outbox.ts';
import * as enrollments from './enrollment.repository.ts';

export interface ChangeContext {
  trx: Transaction<Database>;
  outbox: Outbox;
  at: Date;
  /** Who made the change, for the audit log of a promotion it causes. */
  actorId: number;
  offering: { id: number; title_zh: string; title_en: string | null; school_id: number | null };
}

export interface Promotion {
  enrollmentId: number;
  childId: number;
  childName: string;
}

/**
 * Invariant 3: while a seat is free and someone waits, the first in the queue takes it and their guardians are
 * told. Loops, so seats freed earlier (a raised capacity) are filled too, not only the one just released.
 */
export async function fillFreeSeats(ctx: ChangeContext): Promise<Promotion[]> {
  const { trx, offering } = ctx;
  const promoted: Promotion[] = [];
  for (;;) {
    const next = await enrollments.firstWaitlisted(trx, offering.id);
    if (!next || !(await enrollments.takeFreeSeat(trx, offering.id))) return promoted;
    await trx.updateTable('enrollments').set({ status: 'enrolled', waitlist_position: null, updated_at: ctx.at.toISOString() }).where('id', '=', next.id).execute();
    await enrollments.closeWaitlistGap(trx, offering.id, next.waitlist_position!);
    await ctx.outbox.toGuardians(trx, next.child_id, 'promoted', { offeringId: offering.id, childId: next.child_id, childName: next.child_name, title: offering.title_zh, titleEn: offering.title_en });
    await recordAudit(trx, { actorId: ctx.actorId, action: 'enrollment.promoted', subjectType: 'enrollment', subjectId: next.id, schoolId: offering.school_id }, ctx.at);
    promoted.push({ enrollmentId: next.id, childId: next.child_id, childName: next.child_name });
  }
}

/**
 * Withdraws an active enrollment: a waitlisted child's place closes up behind it, an enrolled child's seat goes
 * to the first waiting (same transaction). The caller has locked the offering and read `current` inside `trx`.
 */
export async function vacate(ctx: ChangeContext, current: Selectable<EnrollmentsTable>): Promise<Promotion[]> {
  const { trx } = ctx;
  await trx.updateTable('enrollments').set({ status: 'withdrawn', waitlist_position: null, updated_at: ctx.at.toISOString() }).where('id', '=', current.id).execute();
  if (current.status === 'waitlisted') {
    await enrollments.closeWaitlistGap(trx, current.offering_id, current.waitlist_position!);
    return [];
  }
  if (current.status !== 'enrolled') return [];
  await enrollments.releaseSeat(trx, current.offering_id);
  return fillFreeSeats(ctx);
}

export type Placement = { enrollmentId: number; status: 'enrolled' } | { enrollmentId: number; status: 'waitlisted'; position: number };

/**
 * Gives the child a free seat nobody is waiting for, or the place at the end of the waitlist. `existing` is the
 * child's inactive row in this offering (withdrawn or a lottery request), reused so (offering, child) stays unique.
 */
export async function seatOrWaitlist(ctx: ChangeContext, childId: number, existing: { id: number } | undefined): Promise<Placement> {
  const { trx, offering } = ctx;
  const seated = await enrollments.claimSeat(trx, offering.id);
  const position = seated ? null : await enrollments.nextWaitlistPosition(trx, offering.id);
  const now = ctx.at.toISOString();
  const values = { status: seated ? ('enrolled' as const) : ('waitlisted' as const), waitlist_position: position, updated_at: now };
  const enrollmentId = existing
    ? (await trx.updateTable('enrollments').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
    : await enrollments.insertEnrollment(trx, { offeringId: offering.id, childId, status: values.status, position, at: now });
  return position === null ? { enrollmentId, status: 'enrolled' } : { enrollmentId, status: 'waitlisted', position };
}
