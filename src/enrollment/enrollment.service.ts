// Enrolling and withdrawing children: the seat claim, the FIFO waitlist and the outbox, each in one transaction.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Clock } from '../kernel/clock.ts';
import { textIn } from '../kernel/messages.ts';
import type { ChildCheck, Lang, TermMode } from '../kernel/vocabulary.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction, isRetryableConflict } from '../db/transaction.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { childVerified } from '../family/binding.policy.ts';
import { guardedChild } from '../family/family.service.ts';
import * as enrollments from './enrollment.repository.ts';
import { type Refusal, childBarrier, enrollmentRefusal } from './enrollment.policy.ts';
import { placesAtOnce, seatOrWaitlist, seatOrWaitlistAtOnce, vacate } from '../seats/seats.ts';

type Placed = { ok: true; status: 'enrolled'; enrollmentId: number } | { ok: true; status: 'waitlisted'; position: number; enrollmentId: number };
type NotPlaced = { ok: false; reason: 'not_found' } | { ok: false; reason: 'refused'; refusal: Refusal };

/** A placed child comes back with the names the answer shows, so the route need not read them again. */
export type EnrollResult =
  | (Placed & { childName: string; title: { zh: string; en: string | null } })
  | NotPlaced;

export interface EnrolControl {
  offering: { id: number; title: string; lottery: boolean; feeCents: number; waitlistNext: number | null; courseLimit: number; schoolSlug: string; gradeMin: number };
  children: (Awaited<ReturnType<typeof enrollments.childrenWithEnrollment>>[number] & { barrier: Refusal | null })[];
}

export type WithdrawResult = { ok: true; offeringId: number; childId: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'lottery_choice' };

export function createEnrollmentService(deps: { db: Kysely<Database>; clock: Clock; outbox?: Outbox }) {
  const { db, clock } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });

  /** The answer a child already placed in the offering gets again (a repeat changes nothing). */
  function placedBy(row: { id: number; status: string; waitlist_position: number | null } | undefined): Placed | null {
    if (row?.status === 'enrolled') return { ok: true, status: 'enrolled', enrollmentId: row.id };
    if (row?.status === 'waitlisted') return { ok: true, status: 'waitlisted', position: row.waitlist_position!, enrollmentId: row.id };
    return null;
  }

  /** The enrolment rules over the facts read for them (the same on both paths below). */
  function refusalOf(
    child: { school_id: number; grade: number; school_child_check: ChildCheck; pupil_id: number | null },
    offering: { school_id: number; grade_min: number; grade_max: number; enrol_opens_at: string; enrol_closes_at: string; mode: TermMode; course_limit: number; fee_cents: number },
    slots: readonly { weekday: number; starts_at: string; ends_at: string }[],
    others: readonly { title_zh: string; slots: readonly WeeklySlot[] }[],
    feeConfirmed: boolean,
  ): Refusal | null {
    return enrollmentRefusal({
      child: { schoolId: child.school_id, grade: child.grade, verified: childVerified(child.school_child_check, child.pupil_id) },
      term: { opensAt: offering.enrol_opens_at, closesAt: offering.enrol_closes_at, mode: offering.mode, courseLimit: offering.course_limit },
      offering: {
        schoolId: offering.school_id,
        gradeMin: offering.grade_min,
        gradeMax: offering.grade_max,
        slots: slots.map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at })),
      },
      now: clock.now(),
      others: others.map((other) => ({ title: other.title_zh, slots: other.slots })),
      fee: { cents: offering.fee_cents, confirmed: feeConfirmed },
    });
  }

  /**
   * Enrol on a database that writes a place in one statement (see seatOrWaitlistAtOnce): the facts in one read, the
   * rules, then the place. Null when the child's other places changed between the two: the transaction decides.
   */
  async function enrollAtOnce(parentId: number, offeringId: number, childId: number, feeConfirmed: boolean): Promise<EnrollResult | null> {
    const facts = await enrollments.enrolmentFacts(db, parentId, offeringId, childId);
    if (!facts) return { ok: false, reason: 'not_found' };
    const child = { id: facts.child_id, name: facts.child_name, school_id: facts.child_school_id, grade: facts.child_grade, pupil_id: facts.child_pupil_id, school_child_check: facts.school_child_check };
    const others = facts.others.map((other) => ({ ...other, slots: other.slots.map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at })) }));
    const named = { childName: child.name, title: { zh: facts.title_zh, en: facts.title_en } };
    // A child already placed gets its place, whatever the rules say now (as in place below).
    const held = placedBy(facts.enrollment ?? undefined);
    if (held) return { ...held, ...named };
    const refusal = refusalOf(child, facts, facts.slots, others, feeConfirmed);
    if (refusal) return { ok: false, reason: 'refused', refusal };
    const placed = await seatOrWaitlistAtOnce(db, {
      offering: { id: offeringId, termId: facts.term_id, title_zh: facts.title_zh, title_en: facts.title_en, school_id: facts.school_id },
      childId,
      others: others.map((other) => other.id),
      at: clock.now(),
      actorId: parentId,
      outbox,
      seatConfirmed: { offeringId, childId, childName: child.name, title: facts.title_zh, titleEn: facts.title_en },
    });
    if (!placed) return null;
    const { enrollmentId } = placed;
    return placed.status === 'enrolled' ? { ok: true, status: 'enrolled', enrollmentId, ...named } : { ok: true, status: 'waitlisted', position: placed.position, enrollmentId, ...named };
  }

  /** Enrol's work in its transaction, once the child and the offering are known to exist and belong together. */
  async function place(
    trx: Transaction<Database>,
    parentId: number,
    child: NonNullable<Awaited<ReturnType<typeof guardedChild>>>,
    offering: NonNullable<Awaited<ReturnType<typeof enrollments.publishedOfferingWithTerm>>>,
    feeConfirmed: boolean,
  ): Promise<Placed | NotPlaced> {
    const offeringId = offering.id;
    const childId = child.id;
    // The child's own rules (its limit, its clashes) read while the child is locked: two enrolments of one child
    // into different offerings at once queue here, and the second sees the first (SQLite's writer is serial already).
    await enrollments.lockChild(trx, childId);
    // The rules first, with facts read before the offering's lock, so a refused request never queues for the
    // lock (PostgreSQL: every other claim on a hot offering waits for it, so it is held for as few round trips as
    // possible). A child already placed gets its place, not a refusal (the window may have closed since, or the
    // place came from the draw).
    const [slots, others] = await Promise.all([enrollments.slotsOf(trx, offeringId), enrollments.activeInTerm(trx, childId, offering.term_id, offeringId)]);
    const refusal = refusalOf(child, offering, slots, others, feeConfirmed);
    if (refusal) return placedBy(await enrollments.enrollmentOf(trx, offeringId, childId)) ?? { ok: false, reason: 'refused', refusal };
    const again = (await enrollments.lockOfferingAndEnrollmentOf(trx, offeringId, childId))?.enrollment;
    const placedMeanwhile = placedBy(again);
    if (placedMeanwhile) return placedMeanwhile;

    const context = { trx, outbox, at: clock.now(), actorId: parentId, offering: { id: offeringId, title_zh: offering.title_zh, title_en: offering.title_en, school_id: offering.school_id } };
    const placed = await seatOrWaitlist(context, childId, again);
    const { enrollmentId } = placed;
    if (placed.status === 'enrolled') await outbox.toGuardians(trx, childId, 'seat_confirmed', { offeringId, childId, childName: child.name, title: offering.title_zh, titleEn: offering.title_en });
    await recordAudit(trx, { actorId: parentId, action: `enrollment.${placed.status}`, subjectType: 'enrollment', subjectId: enrollmentId, schoolId: offering.school_id }, clock.now());
    return placed.status === 'enrolled' ? { ok: true, status: 'enrolled', enrollmentId } : { ok: true, status: 'waitlisted', position: placed.position, enrollmentId };
  }

  return {
    /**
     * Enrols the child, or waitlists it when the offering is full, or says why not. Repeating the request
     * (a double click, a retry) gives the same answer and changes nothing. A paid offering takes the child only
     * with `feeConfirmed` (the parent saw the fee and said yes); without it the answer is the refusal `fee`.
     */
    async enroll(parentId: number, offeringId: number, childId: number, options: { feeConfirmed?: boolean } = {}): Promise<EnrollResult> {
      // The child and the offering are read inside the transaction that places the child.
      const attempt = () =>
        inTransaction(db, async (trx): Promise<EnrollResult> => {
          const [child, offering] = await Promise.all([guardedChild(trx, parentId, childId), enrollments.publishedOfferingWithTerm(trx, offeringId)]);
          if (!child || !offering) return { ok: false, reason: 'not_found' };
          const result = await place(trx, parentId, child, offering, options.feeConfirmed === true);
          return result.ok ? { ...result, childName: child.name, title: { zh: offering.title_zh, en: offering.title_en } } : result;
        });
      if (placesAtOnce(db)) {
        try {
          const answer = await enrollAtOnce(parentId, offeringId, childId, options.feeConfirmed === true);
          if (answer) return answer;
        } catch (error) {
          // A clash with another writer (the school adding the same child, a deadlock): the transaction decides.
          if (!isUniqueViolation(error) && !isRetryableConflict(error)) throw error;
        }
      }
      try {
        return await attempt();
      } catch (error) {
        // The same child from two tabs at once: the unique (offering, child) row decides, and the one that lost
        // finds that row when it tries again, and answers with it.
        if (isUniqueViolation(error)) return attempt();
        throw error;
      }
    },

    /** Withdraws the child; an enrolled child's seat goes to the first on the waitlist in the same transaction. */
    async withdraw(parentId: number, enrollmentId: number): Promise<WithdrawResult> {
      const enrollment = await enrollments.enrollmentById(db, enrollmentId);
      if (!enrollment || !(await guardedChild(db, parentId, enrollment.child_id))) return { ok: false, reason: 'not_found' };
      const offering = await enrollments.publishedOfferingWithTerm(db, enrollment.offering_id);
      const withdrawn = await inTransaction(db, async (trx) => {
        const current = (await enrollments.lockOfferingAndEnrollmentOf(trx, enrollment.offering_id, enrollment.child_id))?.enrollment;
        if (!current || current.status === 'withdrawn') return true;
        // A lottery choice is changed on the child's choices page while the window is open, and is frozen with the
        // entry list after it closes: it is never withdrawn here (what was frozen is what is drawn).
        if (current.status === 'requested') return false;
        await vacate(
          { trx, outbox, at: clock.now(), actorId: parentId, offering: { id: current.offering_id, title_zh: offering?.title_zh ?? '', title_en: offering?.title_en ?? null, school_id: offering?.school_id ?? null } },
          current,
        );
        await recordAudit(trx, { actorId: parentId, action: 'enrollment.withdrawn', subjectType: 'enrollment', subjectId: current.id, schoolId: offering?.school_id ?? null }, clock.now());
        return true;
      });
      if (!withdrawn) return { ok: false, reason: 'lottery_choice' };
      return { ok: true, offeringId: enrollment.offering_id, childId: enrollment.child_id };
    },

    /** Where an enrollment stands, if it belongs to one of this parent's children. */
    async placeOf(parentId: number, enrollmentId: number) {
      const row = await enrollments.enrollmentById(db, enrollmentId);
      if (!row || !(await guardedChild(db, parentId, row.child_id))) return null;
      return { offeringId: row.offering_id, childId: row.child_id, status: row.status };
    },

    /**
     * The enrol control for this parent's children: the offering as the buttons state it (title in the language,
     * lottery or not, fee, the next waitlist place when full, the term's limit) and each child with what keeps it
     * from asking at all (null: it could). Null when there is no such offering.
     */
    async enrolControl(parentId: number, offeringId: number, lang: Lang): Promise<EnrolControl | null> {
      const [children, row] = await Promise.all([enrollments.childrenWithEnrollment(db, parentId, offeringId), enrollments.offeringHeading(db, offeringId)]);
      if (!row) return null;
      const now = clock.now();
      const term = { opensAt: row.enrol_opens_at, closesAt: row.enrol_closes_at, mode: row.mode, courseLimit: row.course_limit };
      const offering = { schoolId: row.school_id, gradeMin: row.grade_min, gradeMax: row.grade_max, slots: [] };
      return {
        offering: {
          id: offeringId,
          title: textIn(lang, row.title_zh, row.title_en),
          lottery: row.mode === 'lottery',
          feeCents: row.fee_cents,
          waitlistNext: row.seats_taken >= row.capacity ? Number(row.waitlisted ?? 0) + 1 : null,
          courseLimit: row.course_limit,
          schoolSlug: row.school_slug,
          gradeMin: row.grade_min,
        },
        children: children.map((child) => ({
          ...child,
          barrier: childBarrier({ child: { schoolId: child.school_id, grade: child.grade, verified: childVerified(child.child_check, child.pupil_id) }, offering, term, now, others: [] }),
        })),
      };
    },
  };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
