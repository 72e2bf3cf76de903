// Leave ahead (请假) as use cases: a guardian reports that a child will miss one meeting or the meetings of a range
// of days, with a reason, and may withdraw a report until the meeting starts; the roll reads who is on leave.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { addDays, dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import { type Lang, textIn } from '../kernel/messages.ts';
import type { Rejection } from '../kernel/rejection.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { guardedChild } from '../family/family.service.ts';
import * as leave from './leave.repository.ts';
import { LEAVE_CHOICES, type LeaveField, type LeaveRequest, MAX_LEAVE_DAYS, canWithdraw, leaveRefusal } from './leave.policy.ts';

export type ReportLeaveResult =
  | { ok: true; reported: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<LeaveField, Rejection>> };

export type WithdrawLeaveResult = { ok: true } | { ok: false; reason: 'not_found' | 'too_late' };

/** What the child page's leave card shows: meetings to pick and the reports so far. */
export interface ChildLeave {
  childId: number;
  maxDays: number;
  choices: { id: number; day: string; startsAt: string; endsAt: string; title: string }[];
  reports: { id: number; day: string; startsAt: string; endsAt: string; title: string; reason: string; upcoming: boolean; cancelled: boolean }[];
}

export function createLeaveService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string }) {
  const { db, clock, timeZone } = deps;
  const today = () => dayInZone(clock.now(), timeZone);
  const marked = (value: unknown) => Boolean(Number(value) || value === true);

  return {
    /** The leave card of a child, for its guardians (null for anyone else). */
    async childLeave(guardianId: number, childId: number, lang: Lang): Promise<ChildLeave | null> {
      if (!(await guardedChild(db, guardianId, childId))) return null;
      const now = clock.now();
      const day = today();
      const [coming, reports] = await Promise.all([leave.childMeetingsBetween(db, childId, day, addDays(day, MAX_LEAVE_DAYS - 1), LEAVE_CHOICES + 10), leave.reportsOfChild(db, childId)]);
      const reported = new Set(reports.map((report) => report.meeting_id));
      return {
        childId,
        maxDays: MAX_LEAVE_DAYS,
        choices: coming
          .filter((meeting) => !reported.has(meeting.id) && leaveRefusal({ day: meeting.day, startsAt: meeting.starts_at, status: meeting.status, marked: marked(meeting.marked) }, now, day, timeZone) === null)
          .slice(0, LEAVE_CHOICES)
          .map((meeting) => ({ id: meeting.id, day: meeting.day, startsAt: meeting.starts_at, endsAt: meeting.ends_at, title: textIn(lang, meeting.title_zh, meeting.title_en) })),
        reports: reports.map((report) => ({
          id: report.id,
          day: report.day,
          startsAt: report.starts_at,
          endsAt: report.ends_at,
          title: textIn(lang, report.title_zh, report.title_en),
          reason: report.reason,
          cancelled: report.status !== 'scheduled',
          upcoming: report.status === 'scheduled' && canWithdraw({ day: report.day, startsAt: report.starts_at, marked: marked(report.marked) }, now, day, timeZone),
        })),
      };
    },

    /**
     * Reports the child will miss one meeting (refused when it does not take place or has started) or every
     * upcoming meeting in a range of days (those that do not take place or have started are skipped). Repeating a
     * report keeps one per meeting, with the latest reason.
     */
    async report(guardianId: number, childId: number, request: LeaveRequest, reason: string): Promise<ReportLeaveResult> {
      const child = await guardedChild(db, guardianId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      const now = clock.now();
      const day = today();
      const fact = (meeting: { day: string; starts_at: string; status: 'scheduled' | 'cancelled' | 'moved'; marked: unknown }) =>
        leaveRefusal({ day: meeting.day, startsAt: meeting.starts_at, status: meeting.status, marked: marked(meeting.marked) }, now, day, timeZone);
      let meetingIds: number[];
      if (request.kind === 'meeting') {
        // A meeting of someone else's offering answers like one that does not exist: nothing to learn by probing.
        const meeting = await leave.childMeeting(db, childId, request.meetingId);
        if (!meeting) return { ok: false, reason: 'invalid', errors: { meeting: { key: 'leave.error.meeting' } } };
        const refusal = fact(meeting);
        if (refusal) return { ok: false, reason: 'invalid', errors: { meeting: { key: refusal === 'cancelled' ? 'leave.error.cancelled' : 'leave.error.started' } } };
        meetingIds = [meeting.id];
      } else {
        const meetings = await leave.childMeetingsBetween(db, childId, request.from, request.to);
        meetingIds = meetings.filter((meeting) => fact(meeting) === null).map((meeting) => meeting.id);
        if (meetingIds.length === 0) return { ok: false, reason: 'invalid', errors: { from: { key: 'leave.error.noMeetings' } } };
      }
      const at = now.toISOString();
      await inTransaction(db, async (trx) => {
        await leave.saveReports(trx, meetingIds.map((meetingId) => ({ childId, meetingId, reason, reportedBy: guardianId, at })));
        // The reason is free text a parent typed about the child: it stays out of the log, which outlives the child.
        await recordAudit(trx, { actorId: guardianId, action: 'leave.reported', subjectType: 'child', subjectId: childId, schoolId: child.school_id, detail: { meetings: meetingIds } }, now);
      });
      return { ok: true, reported: meetingIds.length };
    },

    /** Withdraws a report before its meeting starts and before the roll has a mark for the child. */
    async withdraw(guardianId: number, childId: number, reportId: number): Promise<WithdrawLeaveResult> {
      const child = await guardedChild(db, guardianId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      const report = (await leave.reportsOfChild(db, childId)).find((row) => row.id === reportId);
      if (!report) return { ok: false, reason: 'not_found' };
      if (!canWithdraw({ day: report.day, startsAt: report.starts_at, marked: marked(report.marked) }, clock.now(), today(), timeZone)) return { ok: false, reason: 'too_late' };
      await inTransaction(db, async (trx) => {
        await leave.deleteReport(trx, childId, reportId);
        await recordAudit(trx, { actorId: guardianId, action: 'leave.withdrawn', subjectType: 'child', subjectId: childId, schoolId: child.school_id, detail: { meeting: report.meeting_id } }, clock.now());
      });
      return { ok: true };
    },
  };
}

export type LeaveService = ReturnType<typeof createLeaveService>;
