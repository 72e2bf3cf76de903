// Taking the roll: who may see and mark a meeting, the edit window and its admin unlock, and the absence
// messages to guardians, written to the outbox in the same transaction as the mark.
import type { Kysely } from 'kysely';
import { recordAudit, recordChildRecordsRead } from '../audit/audit.service.ts';
import { seesCare } from '../family/care.policy.ts';
import { type RollCare, careOfRoll } from '../family/care.service.ts';
import { type Actor, canManageSchool, staffsOffering } from '../kernel/roles.ts';
import { addDays, dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import { type Lang, textIn } from '../kernel/messages.ts';
import type { AttendanceMark, Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import * as attendance from './attendance.repository.ts';
import * as leave from './leave.repository.ts';
import { guardedChild } from '../family/family.service.ts';
import { type RollState, absenceHoldKey, absenceMessage, alarmPending, canWriteRoll, editableUntil, rollState, rollStatistics } from './attendance.policy.ts';
import { attendanceReport } from './report.policy.ts';

/** How long an admin's unlock keeps a locked roll open for corrections. */
export const UNLOCK_HOURS = 24;
/** "Today" shows this many days: today and the next few. */
export const TODAY_SPAN_DAYS = 4;

export type MarkResult =
  | {
      ok: true;
      mark: AttendanceMark | null;
      note: string | null;
      previous: AttendanceMark | null;
      guardiansTold: boolean;
      /** The guardians will be alarmed at this instant unless the mark is corrected first (the grace)… */
      alarmDueAt?: Date | undefined;
      /** …counted from this one, when the mark was written. */
      markedAt?: string | undefined;
      /** A held alarm was withdrawn: the guardians were never told. */
      alarmWithdrawn?: boolean | undefined;
    }
  | { ok: false; reason: 'not_found' | 'not_enrolled' | 'locked' | 'not_yet' | 'alarm_sent' };

export function createAttendanceService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string; outbox?: Outbox; absenceAlertGraceSeconds?: number }) {
  const { db, clock, timeZone } = deps;
  const graceMs = (deps.absenceAlertGraceSeconds ?? 0) * 1000;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });
  const today = () => dayInZone(clock.now(), timeZone);

  async function meetingFor(actor: Actor, meetingId: number) {
    const meeting = await attendance.meetingWithOffering(db, meetingId);
    if (!meeting || !staffsOffering(actor, { teacherId: meeting.teacher_id, schoolId: meeting.school_id })) return null;
    return meeting;
  }

  function stateOf(meeting: { day: string; unlocked_until: string | null }): RollState {
    return rollState({ meetingDay: meeting.day, today: today(), now: clock.now(), timeZone, unlockedUntil: meeting.unlocked_until ? new Date(meeting.unlocked_until) : null });
  }

  return {
    /** A teacher's held meetings from today over the next few days, with how many are marked. */
    async upcoming(actor: Actor) {
      const from = today();
      const to = addDays(from, TODAY_SPAN_DAYS - 1);
      const filter = actor.role === 'teacher' ? { teacherId: actor.id } : actor.role === 'school_admin' && actor.schoolId !== null ? { schoolId: actor.schoolId } : null;
      if (!filter) return { today: from, meetings: [] };
      return { today: from, meetings: await attendance.meetingsBetween(db, filter, from, to) };
    },

    /** One meeting's roll, or null when the meeting is not this actor's to see (the route answers 404). */
    async roll(actor: Actor, meetingId: number, view?: 'roll' | 'roll.sheet') {
      const meeting = await meetingFor(actor, meetingId);
      if (!meeting) return null;
      const [children, onLeave] = await Promise.all([attendance.rollOf(db, meeting.id, meeting.offering_id), leave.reportsForMeeting(db, meeting.id)]);
      // Who collects each child and its emergency note: on the screen (not the printed sheet), for the offering's
      // teacher and the school's admins only.
      const showsCare = view !== 'roll.sheet' && seesCare(actor, { teacherId: meeting.teacher_id, schoolId: meeting.school_id });
      const care = showsCare ? await careOfRoll(db, children.map((child) => child.child_id)) : new Map<number, RollCare>();
      // A page a person reads (not a re-render after a mark): one audit event for the whole roll, one for the care details.
      if (view) {
        const at = clock.now();
        await recordChildRecordsRead(db, { actor, view, subjectType: 'meeting', subjectId: meeting.id, schoolId: meeting.school_id, count: children.length }, at);
        await recordChildRecordsRead(db, { actor, view: 'roll.care', subjectType: 'meeting', subjectId: meeting.id, schoolId: meeting.school_id, count: care.size }, at);
      }
      const state = meeting.status === 'scheduled' ? stateOf(meeting) : 'locked';
      // The guardians' reasons of the children on leave (请假), by child.
      const leaveReasons = new Map(onLeave.map((report) => [report.child_id, report.reason]));
      return { meeting, children, state, editableUntil: editableUntil(meeting.day, timeZone), leaveReasons, care };
    },

    /**
     * Marks one child (or takes the mark back with `mark: null`, as the undo does). An unexcused absence alarms
     * the guardians once; a later change of mind sends them a follow-up, never a second alarm.
     */
    async mark(actor: Actor, meetingId: number, childId: number, mark: AttendanceMark | null, note?: string | null): Promise<MarkResult> {
      const meeting = await meetingFor(actor, meetingId);
      if (!meeting) return { ok: false, reason: 'not_found' };
      const state = meeting.status === 'scheduled' ? stateOf(meeting) : 'locked';
      if (state === 'not_yet') return { ok: false, reason: 'not_yet' };
      if (!canWriteRoll(state)) return { ok: false, reason: 'locked' };
      if (!(await attendance.isEnrolled(db, meeting.offering_id, childId))) return { ok: false, reason: 'not_enrolled' };

      return inTransaction(db, async (trx): Promise<MarkResult> => {
        const existing = await attendance.markOf(trx, meetingId, childId);
        const previous = existing?.mark ?? null;
        const keptNote = note === undefined ? (existing?.note ?? null) : note;
        const now = clock.now();
        const pending = alarmPending(existing, now);
        const holdKey = absenceHoldKey(meetingId, childId);
        if (mark === null) {
          // Taking a mark back once the guardians were alarmed would leave them wondering: mark what happened instead.
          // A held alarm (still in its grace) is withdrawn with the mark: nobody was told.
          if (existing?.alert_state && !pending) return { ok: false, reason: 'alarm_sent' };
          if (pending) await outbox.withdraw(trx, holdKey);
          if (existing) await attendance.deleteMark(trx, meetingId, childId);
          return { ok: true, mark: null, note: null, previous, guardiansTold: false, alarmWithdrawn: pending };
        }
        const onLeave = (await leave.reportFor(trx, meetingId, childId)) !== undefined;
        const message = absenceMessage(existing?.alert_state ?? null, mark, { onLeave, alarmPending: pending });
        // The first alarm is held for the grace; a follow-up (or an alarm after a follow-up) goes at once.
        const alarmDueAt = message.send === 'absent' && graceMs > 0 ? new Date(now.getTime() + graceMs) : undefined;
        const alertDueAt = alarmDueAt ? alarmDueAt.toISOString() : message.send === null ? undefined : null;
        await attendance.writeMark(
          trx,
          { meetingId, childId, mark, note: keptNote, markedBy: actor.id, at: now.toISOString(), alertState: message.state, alertDueAt },
          existing !== undefined,
        );
        if (message.send === 'withdraw') {
          await outbox.withdraw(trx, holdKey);
          return { ok: true, mark, note: keptNote, previous, guardiansTold: false, alarmWithdrawn: true };
        }
        if (message.send) {
          const about = {
            offeringId: meeting.offering_id,
            meetingId,
            childId,
            childName: await attendance.childName(trx, childId),
            title: meeting.title_zh,
            titleEn: meeting.title_en,
            day: meeting.day,
            startsAt: meeting.starts_at,
          };
          if (message.send === 'absence_cleared') await outbox.toGuardians(trx, childId, 'absence_cleared', { ...about, mark: message.mark });
          else if (message.send === 'absent' && alarmDueAt) await outbox.toGuardians(trx, childId, 'child_absent', about, { notBefore: alarmDueAt, holdKey });
          else await outbox.toGuardians(trx, childId, message.send === 'absent' ? 'child_absent' : 'absent_again', about);
        }
        if (alarmDueAt) return { ok: true, mark, note: keptNote, previous, guardiansTold: false, alarmDueAt, markedAt: now.toISOString() };
        return { ok: true, mark, note: keptNote, previous, guardiansTold: message.send !== null };
      });
    },

    /**
     * Marks every enrolled child without a mark yet as present, except those reported on leave: they are marked
     * excused with their guardians' reason as the note. Returns how many were marked.
     */
    async markRestPresent(actor: Actor, meetingId: number): Promise<{ ok: true; marked: number } | { ok: false; reason: 'not_found' | 'locked' | 'not_yet' }> {
      const meeting = await meetingFor(actor, meetingId);
      if (!meeting) return { ok: false, reason: 'not_found' };
      const state = meeting.status === 'scheduled' ? stateOf(meeting) : 'locked';
      if (state === 'not_yet') return { ok: false, reason: 'not_yet' };
      if (!canWriteRoll(state)) return { ok: false, reason: 'locked' };
      return inTransaction(db, async (trx) => {
        const unmarked = (await attendance.rollOf(trx, meetingId, meeting.offering_id)).filter((child) => child.mark === null);
        const onLeave = new Map((await leave.reportsForMeeting(trx, meetingId)).map((report) => [report.child_id, report.reason]));
        const at = clock.now().toISOString();
        await attendance.insertPresentMarks(trx, meetingId, unmarked.filter((child) => !onLeave.has(child.child_id)).map((child) => child.child_id), actor.id, at);
        for (const child of unmarked) {
          const reason = onLeave.get(child.child_id);
          if (reason !== undefined) await attendance.writeMark(trx, { meetingId, childId: child.child_id, mark: 'excused', note: reason, markedBy: actor.id, at, alertState: null }, false);
        }
        return { ok: true as const, marked: unmarked.length };
      });
    },

    /** A child's attendance per offering, for its guardians (null for anyone else). */
    async childRecord(parentId: number, childId: number, lang: Lang) {
      if (!(await guardedChild(db, parentId, childId))) return null;
      const marks = await attendance.marksOfChild(db, childId);
      const offerings = [...new Map(marks.map((mark) => [mark.offering_id, mark])).values()];
      return offerings.map((offering) => {
        const own = marks.filter((mark) => mark.offering_id === offering.offering_id);
        return {
          offeringId: offering.offering_id,
          title: textIn(lang, offering.title_zh, offering.title_en),
          ...rollStatistics(own.map((mark) => mark.mark)),
          lastAbsence: own.filter((mark) => mark.mark === 'absent').at(-1)?.day ?? null,
        };
      });
    },

    /** Everything a printed term sign-in sheet needs, or null when the offering is not this actor's. */
    async termSheet(actor: Actor, offeringId: number) {
      const offering = await attendance.offeringForSheet(db, offeringId);
      if (!offering || !staffsOffering(actor, { teacherId: offering.teacher_id, schoolId: offering.school_id })) return null;
      const [meetings, children] = await Promise.all([attendance.heldMeetings(db, offeringId), attendance.enrolledChildren(db, offeringId)]);
      await recordChildRecordsRead(db, { actor, view: 'term.sheet', subjectType: 'offering', subjectId: offeringId, schoolId: offering.school_id, count: children.length }, clock.now());
      return { offering, meetings, children };
    },

    /** The term's attendance report for an admin of its school, or null (404) for anyone else. */
    async report(actor: Actor, termId: number, filter: { category?: string | undefined; weekday?: number | undefined }, lang: Lang, view?: 'attendance.report') {
      const term = await attendance.termWithSchool(db, termId);
      if (!term || !canManageSchool(actor, term.school_id)) return null;
      const [offerings, marks, tallies] = await Promise.all([attendance.reportOfferings(db, termId, filter), attendance.reportMarks(db, termId, today()), attendance.reportTallies(db, termId, today())]);
      const report = attendanceReport(
        offerings.map((offering) => ({
          id: offering.id,
          code: offering.code,
          title: textIn(lang, offering.title_zh, offering.title_en),
          category: offering.category,
          capacity: offering.capacity,
          enrolled: offering.seats_taken,
        })),
        marks.map((mark) => ({ offeringId: mark.offering_id, childId: mark.child_id, childName: mark.child_name, day: mark.day, mark: mark.mark })),
        tallies.map((tally) => ({ offeringId: tally.offering_id, day: tally.day, mark: tally.mark, count: Number(tally.count) })),
      );
      // The page lists children flagged for repeated absences by name: that is a read of their records.
      if (view) await recordChildRecordsRead(db, { actor, view, subjectType: 'term', subjectId: termId, schoolId: term.school_id, count: report.flagged.length }, clock.now());
      return { term, report };
    },

    /** A school admin reopens a locked roll for a day of corrections; the reason goes to the audit log. */
    async unlock(actor: Actor, meetingId: number, reason: string): Promise<{ ok: true; until: Date } | { ok: false; reason: 'not_found' | 'not_locked' }> {
      const meeting = await meetingFor(actor, meetingId);
      if (!meeting || (actor.role !== 'school_admin' && actor.role !== 'district_admin')) return { ok: false, reason: 'not_found' };
      if (stateOf(meeting) !== 'locked') return { ok: false, reason: 'not_locked' };
      const until = new Date(clock.now().getTime() + UNLOCK_HOURS * 3_600_000);
      await inTransaction(db, async (trx) => {
        await attendance.unlockMeeting(trx, meetingId, until.toISOString());
        await recordAudit(
          trx,
          { actorId: actor.id, action: 'attendance.unlocked', subjectType: 'meeting', subjectId: meetingId, schoolId: meeting.school_id, detail: { reason, until: until.toISOString() } },
          clock.now(),
        );
      });
      return { ok: true, until };
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
