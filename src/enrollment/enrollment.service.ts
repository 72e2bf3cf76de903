// Enrolling and withdrawing children: the seat claim, the FIFO waitlist and the outbox, each in one transaction.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Clock } from '../kernel/clock.ts';
import { textIn } from '../kernel/messages.ts';
import type { Lang } from '../kernel/vocabulary.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction, isRetryableConflict } from '../db/transaction.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { childVerified } from '../family/binding.policy.ts';
import { guardedChild } from '../family/family.service.ts';
import * as enrollments from './enrollment.repository.ts';
import type { EnrolmentFacts } from './enrollment.repository.ts';
import { type Refusal, childBarrier, enrollmentRefusal } from './enrollment.policy.ts';
import { type Placement, placesAtOnce, seatOrWaitlist, seatOrWaitlistAtOnce, vacate } from '../seats/seats.ts';

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

/** A slot as the rules take it. */
function slotOf(slot: { weekday: number; starts_at: string; ends_at: string }): WeeklySlot {
  return { weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at };
}

export function createEnrollmentService(deps: { db: Kysely<Database>; clock: Clock; outbox?: Outbox }) {
  const { db, clock } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });

  /** The answer a child already placed in the offering gets again (a repeat changes nothing). */
  function placedBy(row: { id: number; status: string; waitlist_position: number | null } | undefined): Placed | null {
    if (row?.status === 'enrolled') return { ok: true, status: 'enrolled', enrollmentId: row.id };
    if (row?.status === 'waitlisted') return { ok: true, status: 'waitlisted', position: row.waitlist_position!, enrollmentId: row.id };
    return null;
  }

  /** The names the answer to a placed child shows. */
  function named(facts: EnrolmentFacts) {
    return { childName: facts.child_name, title: { zh: facts.title_zh, en: facts.title_en } };
  }

  /**
   * The rules over the facts, when they already decide: a child already placed gets its place, whatever the rules
   * say now (the window may have closed since, or the place came from the draw); else a refusal, or null: place it.
   */
  function decided(facts: EnrolmentFacts, feeConfirmed: boolean): EnrollResult | null {
    const held = placedBy(facts.enrollment ?? undefined);
    if (held) return { ...held, ...named(facts) };
    const refusal = enrollmentRefusal({
      child: { schoolId: facts.child_school_id, grade: facts.child_grade, verified: childVerified(facts.school_child_check, facts.child_pupil_id) },
      term: { opensAt: facts.enrol_opens_at, closesAt: facts.enrol_closes_at, mode: facts.mode, courseLimit: facts.course_limit },
      offering: { schoolId: facts.school_id, gradeMin: facts.grade_min, gradeMax: facts.grade_max, slots: facts.slots.map(slotOf) },
      now: clock.now(),
      others: facts.others.map((other) => ({ title: other.title_zh, slots: other.slots.map(slotOf) })),
      fee: { cents: facts.fee_cents, confirmed: feeConfirmed },
    });
    return refusal ? { ok: false, reason: 'refused', refusal } : null;
  }

  /** The answer for a child placed now. */
  function answerFor(placed: Placement, facts: EnrolmentFacts): EnrollResult {
    const { enrollmentId } = placed;
    return placed.status === 'enrolled' ? { ok: true, status: 'enrolled', enrollmentId, ...named(facts) } : { ok: true, status: 'waitlisted', position: placed.position, enrollmentId, ...named(facts) };
  }

  /**
   * Enrol on a database that writes a place in one statement (see seatOrWaitlistAtOnce): the facts in one read, the
   * rules, then the place. Null when the child's other places changed between the two: the transaction decides.
   */
  async function enrollAtOnce(parentId: number, offeringId: number, childId: number, feeConfirmed: boolean): Promise<EnrollResult | null> {
    const facts = await enrollments.enrolmentFacts(db, parentId, offeringId, childId);
    if (!facts) return { ok: false, reason: 'not_found' };
    const answer = decided(facts, feeConfirmed);
    if (answer) return answer;
    const placed = await seatOrWaitlistAtOnce(db, {
      offering: { id: offeringId, termId: facts.term_id, title_zh: facts.title_zh, title_en: facts.title_en, school_id: facts.school_id },
      childId,
      others: facts.others.map((other) => other.id),
      at: clock.now(),
      actorId: parentId,
      outbox,
      seatConfirmed: { offeringId, childId, childName: facts.child_name, title: facts.title_zh, titleEn: facts.title_en },
    });
    return placed && answerFor(placed, facts);
  }

  /** Enrol in one transaction: the facts in one read, the rules, then the seat claim, the place, the message and the audit row. */
  async function enrollInTransaction(trx: Transaction<Database>, parentId: number, offeringId: number, childId: number, feeConfirmed: boolean): Promise<EnrollResult> {
    // The child is locked first, so two enrolments of one child into different offerings at once queue here and the
    // second sees the first when it checks the term's limit and the clashes.
    await enrollments.lockChild(trx, childId);
    const facts = await enrollments.enrolmentFacts(trx, parentId, offeringId, childId);
    if (!facts) return { ok: false, reason: 'not_found' };
    // The rules decide before the offering is locked, so a refused request never queues for it.
    const answer = decided(facts, feeConfirmed);
    if (answer) return answer;
    const current = await enrollments.placeUnderLock(trx, offeringId, childId, facts.enrollment);
    const placedMeanwhile = placedBy(current);
    if (placedMeanwhile) return { ...placedMeanwhile, ...named(facts) };

    const context = { trx, outbox, at: clock.now(), actorId: parentId, offering: { id: offeringId, title_zh: facts.title_zh, title_en: facts.title_en, school_id: facts.school_id } };
    const placed = await seatOrWaitlist(context, childId, current);
    if (placed.status === 'enrolled') await outbox.toGuardians(trx, childId, 'seat_confirmed', { offeringId, childId, childName: facts.child_name, title: facts.title_zh, titleEn: facts.title_en });
    await recordAudit(trx, { actorId: parentId, action: `enrollment.${placed.status}`, subjectType: 'enrollment', subjectId: placed.enrollmentId, schoolId: facts.school_id }, clock.now());
    return answerFor(placed, facts);
  }

  return {
    /**
     * Enrols the child, or waitlists it when the offering is full, or says why not. Repeating the request
     * (a double click, a retry) gives the same answer and changes nothing. A paid offering takes the child only
     * with `feeConfirmed` (the parent saw the fee and said yes); without it the answer is the refusal `fee`.
     */
    async enroll(parentId: number, offeringId: number, childId: number, options: { feeConfirmed?: boolean } = {}): Promise<EnrollResult> {
      const feeConfirmed = options.feeConfirmed === true;
      const attempt = () => inTransaction(db, (trx) => enrollInTransaction(trx, parentId, offeringId, childId, feeConfirmed));
      if (placesAtOnce(db)) {
        try {
          const answer = await enrollAtOnce(parentId, offeringId, childId, feeConfirmed);
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
