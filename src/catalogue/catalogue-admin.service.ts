// Catalogue management use cases: terms and offerings of the schools an admin manages, and their meetings.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import { addDays, dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, Day, OfferingStatus, Term } from '../db/schema.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { changeCapacity, frozenForDraw, lockOffering, releaseAll, termFrozenForDraw } from '../seats/seats.ts';
import { inTransaction } from '../db/transaction.ts';
import * as admin from './catalogue-admin.repository.ts';
import { type MeetingPlan, meetingsForTerm } from './meetings.policy.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import { type OfferingField, type OfferingInput, offeringProblems } from './offering.policy.ts';
import { parseCatalogueCsv } from './catalogue-csv.ts';
import { type CatalogueRow, type CsvProblem, formatSlots, offeringAsText, readCatalogueRecords } from './catalogue-csv.policy.ts';
import { type MeetingChange, type MeetingField, meetingChangeProblems } from './meeting-change.policy.ts';
import { type TermField, type TermInput, termProblems } from './term.policy.ts';

export type Refused = { ok: false; reason: 'not_found' };
export type Invalid<Field extends string> = { ok: false; reason: 'invalid'; errors: Partial<Record<Field, Rejection>> };

export type OfferingSort = 'code' | 'title' | 'fill';

/**
 * Which meetings to drop and which to add so the future follows the plan: a future meeting that still
 * matches a planned day and time stays (with any cancellation or move on it), one with attendance stays
 * whatever happens, every other future meeting goes, and planned ones not yet there are added.
 */
export function reconcileMeetings(
  existing: readonly { id: number; day: Day; starts_at: string; ends_at: string; marks: number; status: string; reason: string | null }[],
  plans: readonly MeetingPlan[],
): { remove: number[]; add: MeetingPlan[] } {
  const key = (day: string, start: string, end: string) => `${day} ${start} ${end}`;
  const wanted = new Map(plans.map((plan) => [key(plan.day, plan.startsAt, plan.endsAt), plan]));
  const remove: number[] = [];
  for (const meeting of existing) {
    const k = key(meeting.day, meeting.starts_at, meeting.ends_at);
    // Parents were told about a cancelled, moved or made-up meeting: it stays as it is.
    const announced = meeting.status !== 'scheduled' || meeting.reason !== null;
    if (wanted.has(k)) wanted.delete(k);
    else if (Number(meeting.marks) === 0 && !announced) remove.push(meeting.id);
  }
  return { remove, add: [...wanted.values()] };
}

export function createCatalogueAdminService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string; outbox?: Outbox }) {
  const { db, clock, timeZone } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });
  const today = () => dayInZone(clock.now(), timeZone);

  /**
   * Brings these offerings' meetings after today in line with their slots and the term's days and holidays
   * (see reconcileMeetings); today and the past are never touched. A few queries however many offerings.
   */
  async function syncFutureMeetings(trx: Kysely<Database>, term: Term, offerings: readonly { id: number; room: string; slots: readonly WeeklySlot[] }[]) {
    if (offerings.length === 0) return;
    const holidays = (await admin.holidaysOf(trx, term.id)).map((holiday) => holiday.day);
    const tomorrow = addDays(today(), 1);
    const firstDay = term.first_day > tomorrow ? term.first_day : tomorrow;
    const existing = await admin.futureMeetings(trx, offerings.map((offering) => offering.id), today());
    const remove: number[] = [];
    const add: (MeetingPlan & { offeringId: number; room: string })[] = [];
    for (const offering of offerings) {
      const plans = firstDay > term.last_day ? [] : meetingsForTerm({ firstDay, lastDay: term.last_day, holidays }, offering.slots);
      const change = reconcileMeetings(existing.filter((meeting) => meeting.offering_id === offering.id), plans);
      remove.push(...change.remove);
      add.push(...change.add.map((plan) => ({ ...plan, offeringId: offering.id, room: offering.room })));
    }
    await admin.deleteMeetings(trx, remove);
    await admin.insertMeetings(trx, add);
  }

  /** Writes an import's rows in one transaction: new offerings in batches, updates by code, then meetings. */
  async function importRows(actor: Actor, term: Term & { school_id: number }, read: { rows: CatalogueRow[]; created: number; updated: number }) {
    const termId = term.id;
    await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      const fresh = read.rows.filter((row) => row.existingId === null);
      for (let i = 0; i < fresh.length; i += 100) {
        await trx
          .insertInto('offerings')
          .values(fresh.slice(i, i + 100).map(({ input, status }) => ({ term_id: termId, ...offeringValues(input), status: status ?? 'draft', created_at: now, updated_at: now })))
          .execute();
      }
      const freshIds = await admin.idsByCode(trx, termId, fresh.map((row) => row.input.code));
      await admin.insertSlots(trx, fresh.flatMap(({ input }) => input.slots.map((slot) => ({ ...slot, offeringId: freshIds.get(input.code)! }))));
      for (const { input, status, existingId, row } of read.rows) {
        if (existingId === null) continue;
        const { capacity, ...values } = offeringValues(input);
        await trx.updateTable('offerings').set({ ...values, ...(status ? { status } : {}), updated_at: now }).where('id', '=', existingId).execute();
        const seats = await changeCapacity({ trx, outbox, at: clock.now(), actorId: actor.id, offering: { id: existingId, title_zh: input.titleZh, title_en: input.titleEn, school_id: term.school_id } }, capacity);
        if (!seats.ok) throw new CapacityRace(existingId, seats.reason, row);
        await admin.replaceSlots(trx, existingId, input.slots);
      }
      await syncFutureMeetings(
        trx,
        term,
        read.rows.map(({ input, existingId }) => ({ id: existingId ?? freshIds.get(input.code)!, room: input.room, slots: input.slots })),
      );
      await recordAudit(
        trx,
        { actorId: actor.id, action: 'catalogue.imported', subjectType: 'term', subjectId: termId, schoolId: term.school_id, detail: { created: read.created, updated: read.updated } },
        clock.now(),
      );
    });
  }

  async function readImport(term: NonNullable<Awaited<ReturnType<typeof admin.termWithSchool>>>, csvText: string) {
    const parsed = parseCatalogueCsv(csvText);
    if (!parsed.ok) return { rows: [], problems: [parsed.problem], created: 0, updated: 0 };
    const [teachers, offerings] = await Promise.all([admin.teachersWithLogins(db, term.school_id), admin.offeringsOfTerm(db, term.id)]);
    const existing = new Map(offerings.map((offering) => [offering.code, { id: offering.id, seatsTaken: offering.seats_taken }]));
    const { rows, problems } = readCatalogueRecords(parsed.records, {
      teachers,
      existing,
      schoolGrades: { min: term.school_grade_min, max: term.school_grade_max },
    });
    const created = rows.filter((row) => row.existingId === null).length;
    return { rows, problems, created, updated: rows.length - created };
  }

  async function termInScope(actor: Actor, termId: number) {
    const term = await admin.termWithSchool(db, termId);
    return term && canManageSchool(actor, term.school_id) ? term : null;
  }

  async function offeringInScope(actor: Actor, offeringId: number) {
    const offering = await admin.offeringById(db, offeringId);
    if (!offering) return null;
    const term = await termInScope(actor, offering.term_id);
    return term ? { offering, term } : null;
  }

  async function capacityProblem(error: CapacityRace): Promise<Rejection> {
    if (error.reason === 'lottery_frozen') return { key: 'offering.error.capacityFrozenForDraw' };
    const taken = (await admin.offeringById(db, error.offeringId))?.seats_taken ?? 0;
    return { key: 'offering.error.capacityBelowTaken', params: { taken } };
  }

  async function teacherProblem(schoolId: number, teacherId: number | null): Promise<Rejection | null> {
    if (teacherId === null) return null;
    const teachers = await admin.teachersOfSchool(db, schoolId);
    return teachers.some((teacher) => teacher.id === teacherId) ? null : { key: 'offering.error.teacher' };
  }

  function termValues(input: TermInput) {
    return {
      name_zh: input.nameZh,
      name_en: input.nameEn,
      first_day: input.firstDay,
      last_day: input.lastDay,
      enrol_opens_at: input.opensAt,
      enrol_closes_at: input.closesAt,
      mode: input.mode,
      course_limit: input.courseLimit,
      choice_limit: input.choiceLimit,
    };
  }

  function offeringValues(input: OfferingInput) {
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

  return {
    today,

    /** The schools this admin manages (all for the district admin). */
    async schoolsInScope(actor: Actor) {
      const schools = await db.selectFrom('schools').selectAll().orderBy('kind', 'desc').orderBy('id').execute();
      return schools.filter((school) => canManageSchool(actor, school.id));
    },

    async termsOfSchool(actor: Actor, schoolId: number) {
      if (!canManageSchool(actor, schoolId)) return null;
      const school = await db.selectFrom('schools').selectAll().where('id', '=', schoolId).executeTakeFirst();
      if (!school) return null;
      return { school, terms: await admin.termsOfSchool(db, schoolId) };
    },

    async createTerm(actor: Actor, schoolId: number, input: TermInput): Promise<{ ok: true; termId: number } | Refused | Invalid<TermField>> {
      if (!canManageSchool(actor, schoolId)) return { ok: false, reason: 'not_found' };
      const problems = termProblems(input);
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      const termId = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('terms')
          .values({ school_id: schoolId, ...termValues(input), created_at: clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        await admin.replaceHolidays(trx, row.id, input.holidays);
        await recordAudit(trx, { actorId: actor.id, action: 'term.created', subjectType: 'term', subjectId: row.id, schoolId }, clock.now());
        return row.id;
      });
      return { ok: true, termId };
    },

    /** The term with its holidays and offerings; null when it does not exist or is outside this admin's schools. */
    async term(actor: Actor, termId: number, list: { q?: string; sort?: OfferingSort } = {}) {
      const term = await termInScope(actor, termId);
      if (!term) return null;
      const [holidays, offerings] = await Promise.all([admin.holidaysOf(db, termId), admin.offeringsOfTerm(db, termId)]);
      const words = (list.q ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
      const matching = offerings.filter((offering) => {
        const text = [offering.code, offering.title_zh, offering.title_en, offering.teacher_name].filter(Boolean).join(' ').normalize('NFKC').toLowerCase();
        return words.every((word) => text.includes(word));
      });
      const sort = list.sort ?? 'code';
      matching.sort((a, b) =>
        sort === 'title'
          ? a.title_zh.localeCompare(b.title_zh, 'zh-CN')
          : sort === 'fill'
            ? b.seats_taken / Math.max(1, b.capacity) - a.seats_taken / Math.max(1, a.capacity)
            : a.code.localeCompare(b.code),
      );
      return { term, holidays, offerings: matching, total: offerings.length };
    },

    async updateTerm(actor: Actor, termId: number, input: TermInput): Promise<{ ok: true } | Refused | Invalid<TermField>> {
      const term = await termInScope(actor, termId);
      if (!term) return { ok: false, reason: 'not_found' };
      const problems = termProblems(input);
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('terms').set(termValues(input)).where('id', '=', termId).execute();
        await admin.replaceHolidays(trx, termId, input.holidays);
        const updated = await trx.selectFrom('terms').selectAll().where('id', '=', termId).executeTakeFirstOrThrow();
        const [offerings, slots] = await Promise.all([admin.offeringsOfTerm(trx, termId), admin.slotsOfTerm(trx, termId)]);
        await syncFutureMeetings(
          trx,
          updated,
          offerings.map((offering) => ({
            id: offering.id,
            room: offering.room,
            slots: slots
              .filter((slot) => slot.offering_id === offering.id)
              .map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at })),
          })),
        );
        await recordAudit(trx, { actorId: actor.id, action: 'term.updated', subjectType: 'term', subjectId: termId, schoolId: term.school_id }, clock.now());
      });
      return { ok: true };
    },

    teachersOfSchool: (schoolId: number) => admin.teachersOfSchool(db, schoolId),

    /** An offering with its slots and term, for the edit form; null outside this admin's schools. */
    async offering(actor: Actor, offeringId: number) {
      const found = await offeringInScope(actor, offeringId);
      if (!found) return null;
      return { ...found, slots: await admin.slotsOfOffering(db, offeringId) };
    },

    async createOffering(actor: Actor, termId: number, input: OfferingInput): Promise<{ ok: true; offeringId: number } | Refused | Invalid<OfferingField>> {
      const term = await termInScope(actor, termId);
      if (!term) return { ok: false, reason: 'not_found' };
      const problems = offeringProblems(input, { seatsTaken: 0, schoolGrades: { min: term.school_grade_min, max: term.school_grade_max } });
      const teacher = await teacherProblem(term.school_id, input.teacherId);
      if (teacher) problems.teacherId = teacher;
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      try {
        const offeringId = await db.transaction().execute(async (trx) => {
          const now = clock.now().toISOString();
          const row = await trx
            .insertInto('offerings')
            .values({ term_id: termId, ...offeringValues(input), status: 'draft', created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          await admin.replaceSlots(trx, row.id, input.slots);
          await syncFutureMeetings(trx, term, [{ id: row.id, room: input.room, slots: input.slots }]);
          await recordAudit(trx, { actorId: actor.id, action: 'offering.created', subjectType: 'offering', subjectId: row.id, schoolId: term.school_id }, clock.now());
          return row.id;
        });
        return { ok: true, offeringId };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'invalid', errors: { code: { key: 'offering.error.codeTaken' } } };
        throw error;
      }
    },

    async updateOffering(actor: Actor, offeringId: number, input: OfferingInput): Promise<{ ok: true } | Refused | Invalid<OfferingField>> {
      const found = await offeringInScope(actor, offeringId);
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
          await trx.updateTable('offerings').set({ ...values, updated_at: clock.now().toISOString() }).where('id', '=', offeringId).execute();
          // The seat owner checks the capacity again inside the write (a seat taken since the form was read still
          // counts) and gives more seats than before to the waitlist at once (invariant 3), its families told.
          const seats = await changeCapacity({ trx, outbox, at: clock.now(), actorId: actor.id, offering: { id: offeringId, title_zh: input.titleZh, title_en: input.titleEn, school_id: term.school_id } }, capacity);
          if (!seats.ok) throw new CapacityRace(offeringId, seats.reason);
          await admin.replaceSlots(trx, offeringId, input.slots);
          await syncFutureMeetings(trx, term, [{ id: offeringId, room: input.room, slots: input.slots }]);
          await recordAudit(trx, { actorId: actor.id, action: 'offering.updated', subjectType: 'offering', subjectId: offeringId, schoolId: term.school_id }, clock.now());
        });
        return { ok: true };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'invalid', errors: { code: { key: 'offering.error.codeTaken' } } };
        if (error instanceof CapacityRace) return { ok: false, reason: 'invalid', errors: { capacity: await capacityProblem(error) } };
        throw error;
      }
    },

    /**
     * Publishes, unpublishes or archives. Taking an offering that children hold places in out of the catalogue is
     * a cancellation: it needs `confirm` and a reason, frees every seat, waitlist place and lottery choice through
     * the seat owner, and tells every guardian why (their meetings leave the child's calendar with the places).
     */
    async setStatus(actor: Actor, offeringId: number, status: OfferingStatus, confirmation: { confirm: boolean; reason: string } = { confirm: false, reason: '' }): Promise<StatusResult> {
      const found = await offeringInScope(actor, offeringId);
      if (!found) return { ok: false, reason: 'not_found' };
      const { offering, term } = found;
      const places = await admin.activePlacesOf(db, offeringId);
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
        await admin.setOfferingStatus(trx, offeringId, status, at.toISOString(), released.length > 0 ? { reason } : null);
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
      const found = await offeringInScope(actor, offeringId);
      const target = await termInScope(actor, targetTermId);
      if (!found || !target || target.school_id !== found.term.school_id) return { ok: false, reason: 'not_found' };
      const slots = await admin.slotsOfOffering(db, offeringId);
      const taken = new Set((await admin.offeringsOfTerm(db, targetTermId)).map((offering) => offering.code));
      let code = found.offering.code;
      for (let n = 2; taken.has(code); n++) code = `${found.offering.code.slice(0, 17)}-${n}`;
      const source = found.offering;
      const newId = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const row = await trx
          .insertInto('offerings')
          .values({
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
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const weekly = slots.map((slot): WeeklySlot => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at }));
        await admin.replaceSlots(trx, row.id, weekly);
        await syncFutureMeetings(trx, target, [{ id: row.id, room: source.room, slots: weekly }]);
        await recordAudit(trx, { actorId: actor.id, action: 'offering.duplicated', subjectType: 'offering', subjectId: row.id, schoolId: target.school_id, detail: { from: offeringId } }, clock.now());
        return row.id;
      });
      return { ok: true, offeringId: newId };
    },

    /** The offering a meeting belongs to (for re-rendering after a refused change; scope was checked already). */
    async meetingOffering(meetingId: number) {
      return (await admin.meetingById(db, meetingId))?.offering_id ?? null;
    },

    /** An offering's meetings from today on, for the admin's cancel / move controls. */
    async upcomingMeetings(actor: Actor, offeringId: number) {
      if (!(await offeringInScope(actor, offeringId))) return null;
      const todayNow = today();
      return (await admin.meetingsOfOffering(db, offeringId)).filter((meeting) => meeting.day >= todayNow);
    },

    async changeMeeting(actor: Actor, meetingId: number, change: MeetingChange): Promise<{ ok: true; offeringId: number } | Refused | Invalid<MeetingField>> {
      const meeting = await admin.meetingById(db, meetingId);
      const found = meeting ? await offeringInScope(actor, meeting.offering_id) : null;
      if (!meeting || !found) return { ok: false, reason: 'not_found' };
      const problems = meetingChangeProblems(meeting, change, { today: today(), firstDay: found.term.first_day, lastDay: found.term.last_day });
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      await db.transaction().execute(async (trx) => {
        if (change.kind === 'cancel') {
          await trx.updateTable('meetings').set({ status: 'cancelled', reason: change.reason }).where('id', '=', meetingId).execute();
        } else if (change.kind === 'reinstate') {
          await trx.updateTable('meetings').set({ status: 'scheduled', reason: null }).where('id', '=', meetingId).execute();
        } else {
          await trx.updateTable('meetings').set({ status: 'moved', reason: change.reason, moved_to_day: change.day }).where('id', '=', meetingId).execute();
          await trx
            .insertInto('meetings')
            .values({ offering_id: meeting.offering_id, day: change.day, starts_at: change.startsAt, ends_at: change.endsAt, room: meeting.room, reason: change.reason })
            .execute();
        }
        // The guardians of every child with a seat hear of it in the same transaction; a meeting already past is news to nobody.
        if (change.kind !== 'reinstate' && meeting.day >= today()) {
          const { offering } = found;
          for (const child of await admin.enrolledChildren(trx, meeting.offering_id)) {
            const about = {
              offeringId: offering.id,
              meetingId,
              childId: child.id,
              childName: child.name,
              title: offering.title_zh,
              titleEn: offering.title_en,
              day: meeting.day,
              startsAt: meeting.starts_at,
              reason: change.reason.trim(),
            };
            if (change.kind === 'cancel') await outbox.toGuardians(trx, child.id, 'meeting_cancelled', about);
            else await outbox.toGuardians(trx, child.id, 'meeting_moved', { ...about, toDay: change.day, toStartsAt: change.startsAt, toEndsAt: change.endsAt, room: meeting.room });
          }
        }
        await recordAudit(
          trx,
          { actorId: actor.id, action: `meeting.${change.kind}`, subjectType: 'meeting', subjectId: meetingId, schoolId: found.term.school_id, detail: { ...change } },
          clock.now(),
        );
      });
      return { ok: true, offeringId: meeting.offering_id };
    },

    /** Reads a catalogue CSV against the term: what would be created or updated, and every problem by row. */
    async previewImport(actor: Actor, termId: number, csvText: string) {
      const term = await termInScope(actor, termId);
      if (!term) return null;
      return { term, ...(await readImport(term, csvText)) };
    },

    /** Imports every row in one transaction, or nothing when any row has a problem. */
    async commitImport(actor: Actor, termId: number, csvText: string) {
      const term = await termInScope(actor, termId);
      if (!term) return null;
      const read = await readImport(term, csvText);
      if (read.problems.length > 0) return { term, ...read, imported: false as const };
      // Taking an offering children hold places in out of the catalogue is a cancellation: its page asks for the
      // reason and tells the families. An import does neither, so it may not do it.
      for (const { status, existingId, row } of read.rows) {
        if (existingId === null || !status || status === 'published') continue;
        const held = heldPlaces(await admin.activePlacesOf(db, existingId));
        if (held > 0) {
          const problem: CsvProblem = { row, column: 'status', key: 'offering.error.cancelFromPage', params: { count: held } };
          return { term, ...read, problems: [problem], imported: false as const };
        }
      }
      try {
        await importRows(actor, term, read);
      } catch (error) {
        if (!(error instanceof CapacityRace)) throw error;
        const problem: CsvProblem = { row: error.row ?? 2, column: 'capacity', ...(await capacityProblem(error)) };
        return { term, ...read, problems: [problem], imported: false as const };
      }
      return { term, ...read, imported: true as const };
    },

    /** The term's offerings in the import format, so an export imports back unchanged. */
    async exportRows(actor: Actor, termId: number) {
      const term = await termInScope(actor, termId);
      if (!term) return null;
      const [offerings, slots, teachers] = await Promise.all([
        admin.offeringsOfTerm(db, termId),
        admin.slotsOfTerm(db, termId),
        admin.teachersWithLogins(db, term.school_id),
      ]);
      return {
        term,
        rows: offerings.map((offering) => {
          const teacher = teachers.find((one) => one.id === offering.teacher_id);
          return {
            ...offeringAsText(offering),
            teacher: teacher ? (teacher.email ?? teacher.phone ?? '') : '',
            slots: formatSlots(
              slots
                .filter((slot) => slot.offering_id === offering.id)
                .map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at })),
            ),
            status: offering.status,
          };
        }),
      };
    },

    /** A teacher's own clubs and courses (not archived), newest term first. */
    teacherOfferings: (teacherId: number) => admin.offeringsOfTeacher(db, teacherId),
  };
}

export type Places = { enrolled: number; waitlisted: number; requested: number };

/** Children who hold a seat, a waitlist place or a lottery choice: taking the offering away cancels each. */
function heldPlaces(places: Places): number {
  return places.enrolled + places.waitlisted + places.requested;
}

export type StatusResult =
  | { ok: true; termId: number; released: number }
  | { ok: false; reason: 'not_found' | 'lottery_frozen' }
  | { ok: false; reason: 'confirm' | 'reason_required'; places: Places };

/** The seat owner refused a capacity: below the seats taken now, or a lottery's seats frozen until its draw. */
class CapacityRace extends Error {
  constructor(readonly offeringId: number, readonly reason: 'below_taken' | 'lottery_frozen', readonly row?: number) {
    super(`capacity refused: ${reason}`);
  }
}

export type CatalogueAdminService = ReturnType<typeof createCatalogueAdminService>;
