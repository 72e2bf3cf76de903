// Rosters and the school's changes to them: who is seated, waiting and requesting, with guardians' contacts, and
// the admin's add (with an audited capacity override), remove and move — each one transaction with its audit
// event and the guardians' notices, reusing the parent path's seat steps.
import type { Kysely } from 'kysely';
import { recordAudit, recordChildRecordsRead } from '../audit/audit.service.ts';
import type { Actor } from '../kernel/roles.ts';
import type { Clock } from '../kernel/clock.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, EnrollmentStatus, OfferingStatus } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import * as enrollments from './enrollment.repository.ts';
import { type AddRefusal, type MoveRefusal, addRefusal, canChangeRoster, canSeeRoster, moveRefusal, removeRefusal } from './roster.policy.ts';
import * as rosters from './roster.repository.ts';
import { type Promotion, frozenForDraw, lockOffering, seatBySchool, seatOrWaitlist, vacate } from '../seats/seats.ts';

export interface Guardian {
  name: string;
  phone: string | null;
  email: string | null;
}

export interface RosterEntry {
  enrollmentId: number;
  status: 'enrolled' | 'waitlisted' | 'requested';
  position: number | null;
  choiceRank: number | null;
  child: { id: number; name: string; grade: number; className: string | null };
  guardians: Guardian[];
}

export interface Roster {
  offering: {
    id: number;
    code: string;
    titleZh: string;
    titleEn: string | null;
    capacity: number;
    seatsTaken: number;
    status: OfferingStatus;
    teacherName: string | null;
    termId: number;
    termNameZh: string;
    termNameEn: string;
    schoolId: number;
  };
  enrolled: RosterEntry[];
  waitlisted: RosterEntry[];
  requested: RosterEntry[];
  /** Whether this reader may add, remove and move (the school's admins), or only read (the teacher). */
  canManage: boolean;
}

export type AddResult =
  | { ok: true; enrollmentId: number; childName: string; overCapacity: boolean; capacity: number }
  | { ok: false; reason: 'not_found' | 'child_not_found' | 'lottery_frozen' | AddRefusal };

export type RemoveResult =
  | { ok: true; offeringId: number; childName: string; promoted: Promotion[] }
  | { ok: false; reason: 'not_found' | 'not_active' | 'lottery_request' | 'reason_required' | 'lottery_frozen' };

export type MoveResult =
  | { ok: true; fromOfferingId: number; toOfferingId: number; toTitle: { zh: string; en: string | null }; childName: string; placed: { status: 'enrolled' } | { status: 'waitlisted'; position: number }; promoted: Promotion[] }
  | { ok: false; reason: 'not_found' | 'lottery_frozen' | MoveRefusal };

export function createRosterService(deps: { db: Kysely<Database>; clock: Clock; outbox?: Outbox }) {
  const { db, clock } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });

  async function visibleOffering(actor: Actor, offeringId: number) {
    const offering = await rosters.offeringForRoster(db, offeringId);
    return offering && canSeeRoster(actor, { teacherId: offering.teacher_id, schoolId: offering.school_id }) ? offering : null;
  }

  async function managedOffering(actor: Actor, offeringId: number) {
    const offering = await rosters.offeringForRoster(db, offeringId);
    return offering && canChangeRoster(actor, offering.school_id) ? offering : null;
  }

  async function managedEnrollment(actor: Actor, enrollmentId: number) {
    const enrollment = await rosters.enrollmentWithOffering(db, enrollmentId);
    return enrollment && canChangeRoster(actor, enrollment.school_id) ? enrollment : null;
  }

  return {
    /** The roster, or null when this actor may not see it (the route answers 404 either way). */
    /** `view` names the page a person reads (not a re-render after a change): it is logged as one read of the children shown. */
    async roster(actor: Actor, offeringId: number, view?: 'roster' | 'roster.csv'): Promise<Roster | null> {
      const offering = await visibleOffering(actor, offeringId);
      if (!offering) return null;
      const entries = await rosters.activeEntries(db, offeringId);
      if (view) await recordChildRecordsRead(db, { actor, view, subjectType: 'offering', subjectId: offeringId, schoolId: offering.school_id, count: entries.length }, clock.now());
      const guardians = await rosters.guardiansOf(db, [...new Set(entries.map((entry) => entry.child_id))]);
      const toEntry = (entry: (typeof entries)[number]): RosterEntry => ({
        enrollmentId: entry.id,
        status: entry.status as RosterEntry['status'],
        position: entry.waitlist_position,
        choiceRank: entry.choice_rank,
        child: { id: entry.child_id, name: entry.child_name, grade: entry.grade, className: entry.class_name },
        guardians: guardians.filter((guardian) => guardian.child_id === entry.child_id).map(({ name, phone, email }) => ({ name, phone, email })),
      });
      const all = entries.map(toEntry);
      return {
        offering: {
          id: offering.id,
          code: offering.code,
          titleZh: offering.title_zh,
          titleEn: offering.title_en,
          capacity: offering.capacity,
          seatsTaken: offering.seats_taken,
          status: offering.status,
          teacherName: offering.teacher_name,
          termId: offering.term_id,
          termNameZh: offering.term_name_zh,
          termNameEn: offering.term_name_en,
          schoolId: offering.school_id,
        },
        enrolled: all.filter((entry) => entry.status === 'enrolled'),
        waitlisted: all.filter((entry) => entry.status === 'waitlisted'),
        requested: all.filter((entry) => entry.status === 'requested'),
        canManage: canChangeRoster(actor, offering.school_id),
      };
    },

    /** Children of the offering's school by name or class, for the admin's add; null when not this admin's. */
    async searchChildren(actor: Actor, offeringId: number, text: string, view?: 'roster.search') {
      const offering = await managedOffering(actor, offeringId);
      if (!offering) return null;
      const query = text.trim();
      if (query === '') return [];
      const rows = await rosters.childrenMatching(db, offering.school_id, offeringId, query, 20);
      if (view) await recordChildRecordsRead(db, { actor, view, subjectType: 'offering', subjectId: offeringId, schoolId: offering.school_id, count: rows.length }, clock.now());
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        grade: row.grade,
        className: row.class_name,
        status: (row.status ?? null) as EnrollmentStatus | null,
        position: row.waitlist_position ?? null,
      }));
    },

    /**
     * The school seats a child of its own: ignores the window and the term limit; a waitlisted child is seated
     * (the queue closes up). A full offering is refused unless `override` with a reason, which adds one
     * seat to the capacity and takes it — capacity before and after and the reason go to the audit log.
     */
    async add(actor: Actor, offeringId: number, childId: number, input: { override: boolean; reason: string }): Promise<AddResult> {
      const offering = await managedOffering(actor, offeringId);
      if (!offering) return { ok: false, reason: 'not_found' };
      const child = await rosters.childOfSchool(db, childId, offering.school_id);
      if (!child) return { ok: false, reason: 'child_not_found' };
      const reason = input.reason.trim();
      try {
        return await inTransaction(db, async (trx): Promise<AddResult> => {
          const locked = await enrollments.lockOfferingAndEnrollmentOf(trx, offeringId, childId);
          if (!locked) throw new Error(`offering ${offeringId} vanished while a child was being added`);
          const current = locked.enrollment;
          // Between a lottery's close and its draw the frozen seats are the ones drawn: the school waits for the draw.
          if (await frozenForDraw(trx, offeringId, clock.now())) return { ok: false, reason: 'lottery_frozen' };
          const refusal = addRefusal({ offeringStatus: offering.status, status: current?.status ?? null, freeSeats: locked.capacity - locked.seatsTaken, override: input.override, reason });
          if (refusal) return { ok: false, reason: refusal };
          const at = clock.now();
          const context = { trx, outbox, at, actorId: actor.id, offering: { id: offeringId, title_zh: offering.title_zh, title_en: offering.title_en, school_id: offering.school_id } };
          // Only an override reaches a full offering (the policy refused otherwise); the seat and the capacity rise together.
          const seated = await seatBySchool(context, childId, current, input.override);
          if (!seated) throw new Error(`offering ${offeringId} filled inside its own lock`);
          const { enrollmentId, overCapacity, capacity } = seated;
          await outbox.toGuardians(trx, childId, 'seat_confirmed', { offeringId, childId, childName: child.name, title: offering.title_zh, titleEn: offering.title_en });
          await recordAudit(
            trx,
            {
              actorId: actor.id,
              action: 'roster.added',
              subjectType: 'enrollment',
              subjectId: enrollmentId,
              schoolId: offering.school_id,
              detail: {
                offeringId,
                childId,
                previousStatus: current?.status ?? null,
                override: overCapacity,
                reason: reason === '' ? null : reason,
                ...(overCapacity ? { capacityBefore: locked.capacity, capacityAfter: capacity } : {}),
              },
            },
            at,
          );
          return { ok: true, enrollmentId, childName: child.name, overCapacity, capacity };
        });
      } catch (error) {
        // The same add from two tabs at once: the unique (offering, child) row decides, the loser sees it seated.
        if (isUniqueViolation(error)) return { ok: false, reason: 'already_enrolled' };
        throw error;
      }
    },

    /** What the remove confirmation and the move form show; null when not this admin's enrollment. */
    async enrollmentForAction(actor: Actor, enrollmentId: number) {
      const enrollment = await managedEnrollment(actor, enrollmentId);
      if (!enrollment) return null;
      const targets = await rosters.moveTargets(db, enrollment.term_id, enrollment.offering_id);
      return { enrollment, targets };
    },

    /** Withdraws the child on the school's decision; the guardians hear why, and the seat goes to the first waiting. */
    async remove(actor: Actor, enrollmentId: number, reasonText: string): Promise<RemoveResult> {
      const found = await managedEnrollment(actor, enrollmentId);
      if (!found) return { ok: false, reason: 'not_found' };
      const reason = reasonText.trim();
      return inTransaction(db, async (trx): Promise<RemoveResult> => {
        await lockOffering(trx, found.offering_id);
        const current = await enrollments.enrollmentById(trx, enrollmentId);
        if (!current) return { ok: false, reason: 'not_found' };
        const refusal = removeRefusal({ status: current.status, reason });
        if (refusal) return { ok: false, reason: refusal };
        if (await frozenForDraw(trx, found.offering_id, clock.now())) return { ok: false, reason: 'lottery_frozen' };
        const at = clock.now();
        const offering = { id: found.offering_id, title_zh: found.title_zh, title_en: found.title_en, school_id: found.school_id };
        const promoted = await vacate({ trx, outbox, at, actorId: actor.id, offering }, current);
        await outbox.toGuardians(trx, current.child_id, 'withdrawn_by_school', { offeringId: found.offering_id, childId: current.child_id, childName: found.child_name, title: found.title_zh, titleEn: found.title_en, reason });
        await recordAudit(
          trx,
          {
            actorId: actor.id,
            action: 'roster.removed',
            subjectType: 'enrollment',
            subjectId: current.id,
            schoolId: found.school_id,
            detail: { offeringId: found.offering_id, childId: current.child_id, previousStatus: current.status, reason, promoted: promoted.map((one) => one.enrollmentId) },
          },
          at,
        );
        return { ok: true, offeringId: found.offering_id, childName: found.child_name, promoted };
      });
    },

    /**
     * Moves the child to another offering of the same term in one transaction: out of the source (its seat goes to
     * the first waiting there) and into the target — a free seat if nobody waits for it, else the end of its queue.
     */
    async move(actor: Actor, enrollmentId: number, toOfferingId: number, reasonText: string): Promise<MoveResult> {
      const found = await managedEnrollment(actor, enrollmentId);
      if (!found) return { ok: false, reason: 'not_found' };
      const target = await rosters.offeringInTerm(db, toOfferingId);
      const reason = reasonText.trim();
      if (!target || target.term_id !== found.term_id) {
        // Any offering outside this term (another school's included) gets the same answer: nothing is revealed.
        return { ok: false, reason: toOfferingId === found.offering_id ? 'same_offering' : 'other_term' };
      }
      try {
        return await inTransaction(db, async (trx): Promise<MoveResult> => {
          // Both rows locked in id order, so two crossing moves cannot deadlock.
          for (const id of [found.offering_id, toOfferingId].sort((a, b) => a - b)) await lockOffering(trx, id);
          const [current, inTarget, to] = await Promise.all([
            enrollments.enrollmentById(trx, enrollmentId),
            enrollments.enrollmentOf(trx, toOfferingId, found.child_id),
            rosters.offeringInTerm(trx, toOfferingId),
          ]);
          if (!current || !to) return { ok: false, reason: 'not_found' };
          const refusal = moveRefusal({
            status: current.status,
            from: { id: found.offering_id, termId: found.term_id },
            to: { id: to.id, termId: to.term_id, status: to.status },
            targetStatus: inTarget?.status ?? null,
            reason,
          });
          if (refusal) return { ok: false, reason: refusal };
          const at = clock.now();
          if ((await frozenForDraw(trx, found.offering_id, at)) || (await frozenForDraw(trx, to.id, at))) return { ok: false, reason: 'lottery_frozen' };
          const source = { id: found.offering_id, title_zh: found.title_zh, title_en: found.title_en, school_id: found.school_id };
          const destination = { id: to.id, title_zh: to.title_zh, title_en: to.title_en, school_id: to.school_id };
          const promoted = await vacate({ trx, outbox, at, actorId: actor.id, offering: source }, current);
          const placed = await seatOrWaitlist({ trx, outbox, at, actorId: actor.id, offering: destination }, current.child_id, inTarget);
          await outbox.toGuardians(trx, current.child_id, 'moved_by_school', {
            childId: current.child_id,
            childName: found.child_name,
            fromOfferingId: found.offering_id,
            fromTitle: found.title_zh,
            fromTitleEn: found.title_en,
            offeringId: to.id,
            title: to.title_zh,
            titleEn: to.title_en,
            status: placed.status,
            reason,
          });
          await recordAudit(
            trx,
            {
              actorId: actor.id,
              action: 'roster.moved',
              subjectType: 'enrollment',
              subjectId: current.id,
              schoolId: found.school_id,
              detail: {
                childId: current.child_id,
                fromOfferingId: found.offering_id,
                previousStatus: current.status,
                toOfferingId: to.id,
                toEnrollmentId: placed.enrollmentId,
                toStatus: placed.status,
                ...(placed.status === 'waitlisted' ? { toPosition: placed.position } : {}),
                reason,
                promoted: promoted.map((one) => one.enrollmentId),
              },
            },
            at,
          );
          return {
            ok: true,
            fromOfferingId: found.offering_id,
            toOfferingId: to.id,
            toTitle: { zh: to.title_zh, en: to.title_en },
            childName: found.child_name,
            placed: placed.status === 'enrolled' ? { status: 'enrolled' } : { status: 'waitlisted', position: placed.position },
            promoted,
          };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'already_in_target' };
        throw error;
      }
    },
  };
}

export type RosterService = ReturnType<typeof createRosterService>;

/**
 * What other features may read of an offering's enrolments (announcements): the children seated (and, if asked,
 * waiting), whether a user is one of its families, and whether a child is on its roll.
 */
export const offeringFamilies = {
  childIds: (db: Kysely<Database>, offeringId: number, options: { waitlist: boolean }) =>
    rosters.childIdsWithStatus(db, offeringId, options.waitlist ? ['enrolled', 'waitlisted'] : ['enrolled']),
  includes: (db: Kysely<Database>, userId: number, offeringId: number) => rosters.isFamilyOfOffering(db, userId, offeringId),
  enrolledChildName: (db: Kysely<Database>, offeringId: number, childId: number) => rosters.enrolledChildName(db, offeringId, childId),
};
