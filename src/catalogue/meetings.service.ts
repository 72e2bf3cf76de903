// Meetings use cases: an offering's future meetings kept in step with its slots, and an admin cancelling, moving
// or reinstating one meeting (its families told in the same transaction).
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Day, Term } from '../db/schema.ts';
import { addDays, dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Actor } from '../kernel/roles.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { type Invalid, type Refused, offeringInScope } from './admin-scope.ts';
import { type MeetingChange, type MeetingField, meetingChangeProblems } from './meeting-change.policy.ts';
import * as meetings from './meetings.repository.ts';
import { type MeetingPlan, meetingsForTerm, reconcileMeetings } from './meetings.policy.ts';
import { holidaysOf } from './terms.repository.ts';

/**
 * Brings these offerings' meetings after today in line with their slots and the term's days and holidays
 * (see reconcileMeetings); today and the past are never touched. A few queries however many offerings.
 */
export async function syncFutureMeetings(
  trx: Kysely<Database>,
  term: Term,
  offerings: readonly { id: number; room: string; slots: readonly WeeklySlot[] }[],
  today: Day,
) {
  if (offerings.length === 0) return;
  const holidays = (await holidaysOf(trx, term.id)).map((holiday) => holiday.day);
  const tomorrow = addDays(today, 1);
  const firstDay = term.first_day > tomorrow ? term.first_day : tomorrow;
  const existing = await meetings.futureMeetings(trx, offerings.map((offering) => offering.id), today);
  const remove: number[] = [];
  const add: (MeetingPlan & { offeringId: number; room: string })[] = [];
  for (const offering of offerings) {
    const plans = firstDay > term.last_day ? [] : meetingsForTerm({ firstDay, lastDay: term.last_day, holidays }, offering.slots);
    const change = reconcileMeetings(existing.filter((meeting) => meeting.offering_id === offering.id), plans);
    remove.push(...change.remove);
    add.push(...change.add.map((plan) => ({ ...plan, offeringId: offering.id, room: offering.room })));
  }
  await meetings.deleteMeetings(trx, remove);
  await meetings.insertMeetings(trx, add);
}

export function createMeetingsService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string; outbox?: Outbox }) {
  const { db, clock, timeZone } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });
  const today = () => dayInZone(clock.now(), timeZone);

  return {
    today,

    /** The offering a meeting belongs to (for re-rendering after a refused change; scope was checked already). */
    async meetingOffering(meetingId: number) {
      return (await meetings.meetingById(db, meetingId))?.offering_id ?? null;
    },

    /** An offering's meetings from today on, for the admin's cancel / move controls. */
    async upcomingMeetings(actor: Actor, offeringId: number) {
      if (!(await offeringInScope(db, actor, offeringId))) return null;
      const todayNow = today();
      return (await meetings.meetingsOfOffering(db, offeringId)).filter((meeting) => meeting.day >= todayNow);
    },

    async changeMeeting(actor: Actor, meetingId: number, change: MeetingChange): Promise<{ ok: true; offeringId: number } | Refused | Invalid<MeetingField>> {
      const meeting = await meetings.meetingById(db, meetingId);
      const found = meeting ? await offeringInScope(db, actor, meeting.offering_id) : null;
      if (!meeting || !found) return { ok: false, reason: 'not_found' };
      const problems = meetingChangeProblems(meeting, change, { today: today(), firstDay: found.term.first_day, lastDay: found.term.last_day });
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      await db.transaction().execute(async (trx) => {
        if (change.kind === 'cancel') {
          await meetings.setMeetingStatus(trx, meetingId, { status: 'cancelled', reason: change.reason });
        } else if (change.kind === 'reinstate') {
          await meetings.setMeetingStatus(trx, meetingId, { status: 'scheduled', reason: null });
        } else {
          await meetings.setMeetingStatus(trx, meetingId, { status: 'moved', reason: change.reason, moved_to_day: change.day });
          await meetings.insertMeeting(trx, { offering_id: meeting.offering_id, day: change.day, starts_at: change.startsAt, ends_at: change.endsAt, room: meeting.room, reason: change.reason });
        }
        // The guardians of every child with a seat hear of it in the same transaction; a meeting already past is news to nobody.
        if (change.kind !== 'reinstate' && meeting.day >= today()) {
          const { offering } = found;
          for (const child of await meetings.enrolledChildren(trx, meeting.offering_id)) {
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
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
