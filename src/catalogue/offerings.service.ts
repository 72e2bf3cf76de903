// Offerings use cases: an admin creating, editing, publishing, archiving (a cancellation when children hold places)
// and copying the offerings of their schools; a teacher's own list.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, OfferingStatus } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Rejection } from '../kernel/rejection.ts';
import type { Actor } from '../kernel/roles.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { changeCapacity, frozenForDraw, lockOffering, releaseAll, termFrozenForDraw } from '../seats/seats.ts';
import { type Invalid, type Refused, offeringInScope, termInScope } from './admin-scope.ts';
import { syncFutureMeetings } from './meetings.service.ts';
import { type OfferingField, type OfferingInput, offeringProblems } from './offering.policy.ts';
import * as offerings from './offerings.repository.ts';

export type Places = { enrolled: number; waitlisted: number; requested: number };

export type StatusResult =
  | { ok: true; termId: number; released: number }
  | { ok: false; reason: 'not_found' | 'lottery_frozen' }
  | { ok: false; reason: 'confirm' | 'reason_required'; places: Places };

/** Children who hold a seat, a waitlist place or a lottery choice: taking the offering away cancels each. */
export function heldPlaces(places: Places): number {
  return places.enrolled + places.waitlisted + places.requested;
}

/** The seat owner refused a capacity: below the seats taken now, or a lottery's seats frozen until its draw. */
export class CapacityRace extends Error {
  constructor(readonly offeringId: number, readonly reason: 'below_taken' | 'lottery_frozen', readonly row?: number) {
    super(`capacity refused: ${reason}`);
  }
}

/** What the form (or an import row) says about a refused capacity, read after the refusal. */
export async function capacityProblem(db: Kysely<Database>, error: CapacityRace): Promise<Rejection> {
  if (error.reason === 'lottery_frozen') return { key: 'offering.error.capacityFrozenForDraw' };
  const taken = (await offerings.offeringById(db, error.offeringId))?.seats_taken ?? 0;
  return { key: 'offering.error.capacityBelowTaken', params: { taken } };
}

/** An offering's columns as the form or an import row gives them. */
export function offeringValues(input: OfferingInput) {
  return {
    code: input.code,
    kind: input.kind,
    category: input.category,
    title_zh: input.titleZh,
    title_en: input.titleEn,
    description_zh: input.descriptionZh,
    description_en: input.descriptionEn,
    teacher_id: input.teacherId,
    room: input.room,
    capacity: input.capacity,
    grade_min: input.gradeMin,
    grade_max: input.gradeMax,
    fee_cents: input.feeCents,
  };
}

export function createOfferingsService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string; outbox?: Outbox }) {
  const { db, clock, timeZone } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });
  const today = () => dayInZone(clock.now(), timeZone);

  async function teacherProblem(schoolId: number, teacherId: number | null): Promise<Rejection | null> {
    if (teacherId === null) return null;
    const teachers = await offerings.teachersOfSchool(db, schoolId);
    return teachers.some((teacher) => teacher.id === teacherId) ? null : { key: 'offering.error.teacher' };
  }

  return {
    teachersOfSchool: (schoolId: number) => offerings.teachersOfSchool(db, schoolId),

    /** An offering with its slots and term, for the edit form; null outside this admin's schools. */
    async offering(actor: Actor, offeringId: number) {
      const found = await offeringInScope(db, actor, offeringId);
      if (!found) return null;
      return { ...found, slots: await offerings.slotsOfOffering(db, offeringId) };
    },

    async createOffering(actor: Actor, termId: number, input: OfferingInput): Promise<{ ok: true; offeringId: number } | Refused | Invalid<OfferingField>> {
      const term = await termInScope(db, actor, termId);
      if (!term) return { ok: false, reason: 'not_found' };
      const problems = offeringProblems(input, { seatsTaken: 0, schoolGrades: { min: term.school_grade_min, max: term.school_grade_max } });
      const teacher = await teacherProblem(term.school_id, input.teacherId);
      if (teacher) problems.teacherId = teacher;
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      try {
        const offeringId = await db.transaction().execute(async (trx) => {
          const now = clock.now().toISOString();
          const id = await offerings.insertOffering(trx, { term_id: termId, ...offeringValues(input), status: 'draft', created_at: now, updated_at: now });
          await offerings.replaceSlots(trx, id, input.slots);
          await syncFutureMeetings(trx, term, [{ id, room: input.room, slots: input.slots }], today());
          await recordAudit(trx, { actorId: actor.id, action: 'offering.created', subjectType: 'offering', subjectId: id, schoolId: term.school_id }, clock.now());
          return id;
        });
        return { ok: true, offeringId };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'invalid', errors: { code: { key: 'offering.error.codeTaken' } } };
        throw error;
      }
    },

    async updateOffering(actor: Actor, offeringId: number, input: OfferingInput): Promise<{ ok: true } | Refused | Invalid<OfferingField>> {
      const found = await offeringInScope(db, actor, offeringId);
      if (!found) return { ok: false, reason: 'not_found' };
      const { offering, term } = found;
      const problems = offeringProblems(input, { seatsTaken: offering.seats_taken, schoolGrades: { min: term.school_grade_min, max: term.school_grade_max } });
      const teacher = await teacherProblem(term.school_id, input.teacherId);
      if (teacher) problems.teacherId = teacher;
      // The frozen entry list names offerings by code: between a lottery's close and its draw the code stays.
      if (input.code !== offering.code && termFrozenForDraw(term, clock.now())) problems.code = { key: 'offering.error.codeFrozenForDraw' };
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      try {
        await db.transaction().execute(async (trx) => {
          const { capacity, ...values } = offeringValues(input);
          await offerings.updateOffering(trx, offeringId, { ...values, updated_at: clock.now().toISOString() });
          // The seat owner checks the capacity again inside the write (a seat taken since the form was read still
          // counts) and gives more seats than before to the waitlist at once (invariant 3), its families told.
          const seats = await changeCapacity({ trx, outbox, at: clock.now(), actorId: actor.id, offering: { id: offeringId, title_zh: input.titleZh, title_en: input.titleEn, school_id: term.school_id } }, capacity);
          if (!seats.ok) throw new CapacityRace(offeringId, seats.reason);
          await offerings.replaceSlots(trx, offeringId, input.slots);
          await syncFutureMeetings(trx, term, [{ id: offeringId, room: input.room, slots: input.slots }], today());
          await recordAudit(trx, { actorId: actor.id, action: 'offering.updated', subjectType: 'offering', subjectId: offeringId, schoolId: term.school_id }, clock.now());
        });
        return { ok: true };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'invalid', errors: { code: { key: 'offering.error.codeTaken' } } };
        if (error instanceof CapacityRace) return { ok: false, reason: 'invalid', errors: { capacity: await capacityProblem(db, error) } };
        throw error;
      }
    },

    /**
     * Publishes, unpublishes or archives. Taking an offering that children hold places in out of the catalogue is
     * a cancellation: it needs `confirm` and a reason, frees every seat, waitlist place and lottery choice through
     * the seat owner, and tells every guardian why (their meetings leave the child's calendar with the places).
     */
    async setStatus(actor: Actor, offeringId: number, status: OfferingStatus, confirmation: { confirm: boolean; reason: string } = { confirm: false, reason: '' }): Promise<StatusResult> {
      const found = await offeringInScope(db, actor, offeringId);
      if (!found) return { ok: false, reason: 'not_found' };
      const { offering, term } = found;
      const places = await offerings.activePlacesOf(db, offeringId);
      const held = heldPlaces(places);
      const reason = confirmation.reason.trim();
      if (status !== 'published' && held > 0) {
        if (!confirmation.confirm) return { ok: false, reason: 'confirm', places };
        if (reason === '') return { ok: false, reason: 'reason_required', places };
      }
      return inTransaction(db, async (trx): Promise<StatusResult> => {
        await lockOffering(trx, offeringId);
        const at = clock.now();
        const context = { trx, outbox, at, actorId: actor.id, offering: { id: offeringId, title_zh: offering.title_zh, title_en: offering.title_en, school_id: term.school_id } };
        if (status !== 'published' && (await frozenForDraw(trx, offeringId, at))) return { ok: false, reason: 'lottery_frozen' };
        const released = status === 'published' ? [] : await releaseAll(context);
        await offerings.setOfferingStatus(trx, offeringId, status, at.toISOString(), released.length > 0 ? { reason } : null);
        for (const place of released) {
          await outbox.toGuardians(trx, place.childId, 'offering_cancelled', {
            offeringId,
            childId: place.childId,
            childName: place.childName,
            title: offering.title_zh,
            titleEn: offering.title_en,
            reason,
            status: place.status,
          });
        }
        const count = (kind: string) => released.filter((place) => place.status === kind).length;
        const detail = released.length > 0 ? { reason, enrolled: count('enrolled'), waitlisted: count('waitlisted'), requested: count('requested') } : undefined;
        await recordAudit(trx, { actorId: actor.id, action: `offering.${status}`, subjectType: 'offering', subjectId: offeringId, schoolId: term.school_id, ...(detail ? { detail } : {}) }, at);
        return { ok: true, termId: offering.term_id, released: released.length };
      });
    },

    /** Copies an offering as a draft into another term of the same school (e.g. next term), with its slots. */
    async duplicateOffering(actor: Actor, offeringId: number, targetTermId: number): Promise<{ ok: true; offeringId: number } | Refused> {
      const found = await offeringInScope(db, actor, offeringId);
      const target = await termInScope(db, actor, targetTermId);
      if (!found || !target || target.school_id !== found.term.school_id) return { ok: false, reason: 'not_found' };
      const slots = await offerings.slotsOfOffering(db, offeringId);
      const taken = new Set((await offerings.offeringsOfTerm(db, targetTermId)).map((offering) => offering.code));
      let code = found.offering.code;
      for (let n = 2; taken.has(code); n++) code = `${found.offering.code.slice(0, 17)}-${n}`;
      const source = found.offering;
      const newId = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const id = await offerings.insertOffering(trx, {
          term_id: targetTermId,
          code,
          kind: source.kind,
          category: source.category,
          title_zh: source.title_zh,
          title_en: source.title_en,
          description_zh: source.description_zh,
          description_en: source.description_en,
          teacher_id: source.teacher_id,
          room: source.room,
          capacity: source.capacity,
          grade_min: source.grade_min,
          grade_max: source.grade_max,
          fee_cents: source.fee_cents,
          status: 'draft',
          created_at: now,
          updated_at: now,
        });
        const weekly = slots.map((slot): WeeklySlot => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at }));
        await offerings.replaceSlots(trx, id, weekly);
        await syncFutureMeetings(trx, target, [{ id, room: source.room, slots: weekly }], today());
        await recordAudit(trx, { actorId: actor.id, action: 'offering.duplicated', subjectType: 'offering', subjectId: id, schoolId: target.school_id, detail: { from: offeringId } }, clock.now());
        return id;
      });
      return { ok: true, offeringId: newId };
    },

    /** A teacher's own clubs and courses (not archived), newest term first. */
    teacherOfferings: (teacherId: number) => offerings.offeringsOfTeacher(db, teacherId),
  };
}

export type OfferingsService = ReturnType<typeof createOfferingsService>;
