// The notification outbox: messages written in the same transaction as the change they announce. Each row is
// the recipient's in-app message; one delivery row per enabled outside channel (e-mail, webhook) is what the
// delivery worker sends later, with retries. A failed delivery never touches the change itself.
import type { Kysely } from 'kysely';
import type { Database, DeliveryChannel } from '../db/schema.ts';
import { guardiansOfChildren, insertNotificationRows, notifyGuardians, queueDeliveries, withdrawHeld } from './notify.repository.ts';

/** What each kind of notification carries; text is rendered later, in the recipient's language. */
export interface NotificationPayloads {
  seat_confirmed: { offeringId: number; childId: number; childName: string; title: string; titleEn: string | null };
  promoted: { offeringId: number; childId: number; childName: string; title: string; titleEn: string | null };
  waitlisted_by_school: { offeringId: number; childId: number; childName: string; title: string; titleEn: string | null; position: number };
  withdrawn_by_school: { offeringId: number; childId: number; childName: string; title: string; titleEn: string | null; reason: string };
  /** The school archived or cancelled the offering while the child held a seat, a waitlist place or a lottery choice in it. */
  offering_cancelled: { offeringId: number; childId: number; childName: string; title: string; titleEn: string | null; reason: string; status: 'enrolled' | 'waitlisted' | 'requested' };
  moved_by_school: {
    childId: number;
    childName: string;
    fromOfferingId: number;
    fromTitle: string;
    fromTitleEn: string | null;
    offeringId: number;
    title: string;
    titleEn: string | null;
    status: 'enrolled' | 'waitlisted';
    reason: string;
  };
  meeting_cancelled: { offeringId: number; meetingId: number; childId: number; childName: string; title: string; titleEn: string | null; day: string; startsAt: string; reason: string };
  meeting_moved: {
    offeringId: number;
    meetingId: number;
    childId: number;
    childName: string;
    title: string;
    titleEn: string | null;
    day: string;
    startsAt: string;
    toDay: string;
    toStartsAt: string;
    toEndsAt: string;
    room: string;
    reason: string;
  };
  /** The alarm: the child was marked absent (not excused) at a meeting. One per child per meeting at most. */
  child_absent: AttendanceAbout;
  /** A follow-up to child_absent: the child was there after all (late, present) or the absence is excused. */
  absence_cleared: AttendanceAbout & { mark: 'present' | 'late' | 'excused' };
  /** A follow-up to absence_cleared: the child was absent after all. */
  absent_again: AttendanceAbout;
  /** The lottery gave the child a seat. */
  lottery_seat: { offeringId: number; childId: number; childName: string; title: string; titleEn: string | null };
  /** The lottery put the child on a waitlist. */
  lottery_waitlisted: { offeringId: number; childId: number; childName: string; title: string; titleEn: string | null; position: number };
  /** The lottery could place none of the child's choices. */
  lottery_none: { childId: number; childName: string; termId: number };
  /**
   * The school took the child's pupil off its list (removed, or left with the top grade): the child is no longer bound.
   * `checked`: the school checks children against the list, so the child takes no new seat until matched again.
   */
  pupil_unlisted: { childId: number; childName: string; school: string; schoolEn: string; reason: 'removed' | 'left'; checked?: boolean };
  /**
   * The child is bound to no listed pupil at a school that checks children against its list: it could not be matched
   * when the school switched, or the school undid its match. Seats held stay; new ones wait for a match.
   */
  child_unverified: { childId: number; childName: string; school: string; schoolEn: string; reason: 'switched' | 'unbound' };
  /** The school matched the child to its pupil list (by hand, or when its list changed): the child may take seats again. */
  child_verified: { childId: number; childName: string; school: string; schoolEn: string };
  /** The offering's teacher or school wrote to its families; `text` is the sender's own words, shown as written. */
  announcement: { offeringId: number; title: string; titleEn: string | null; sender: string; text: string };
  /** The offering's teacher or school wrote to one child's guardians from the roll. */
  teacher_message: { offeringId: number; childId: number; childName: string; title: string; titleEn: string | null; sender: string; text: string };
}

/** Which meeting an attendance notice is about. */
export interface AttendanceAbout {
  offeringId: number;
  meetingId: number;
  childId: number;
  childName: string;
  title: string;
  titleEn: string | null;
  day: string;
  startsAt: string;
}

export type NotificationKind = keyof NotificationPayloads;

export interface Outbox {
  /** The outside channels each message is also delivered on (none: in-app only). */
  readonly channels: readonly DeliveryChannel[];
  /**
   * Writes one message to each guardian of the child, inside the caller's transaction. With `hold`, the message waits
   * until `notBefore`: no list, unread count or channel shows it before then, and `withdraw(trx, holdKey)` takes it
   * back until then (a mis-tap corrected in time tells nobody anything).
   */
  toGuardians<K extends NotificationKind>(trx: Kysely<Database>, childId: number, kind: K, payload: NotificationPayloads[K], hold?: { notBefore: Date; holdKey: string }): Promise<void>;
  /**
   * The same for many children at once (one message each, about that child): a few statements in all rather than a
   * few per child, for a change that concerns a whole school's children.
   */
  toGuardiansOfEach<K extends NotificationKind>(trx: Kysely<Database>, kind: K, messages: readonly { childId: number; payload: NotificationPayloads[K] }[]): Promise<void>;
  /**
   * One message to every guardian of any of these children — once each, however many of the children are theirs
   * (a class announcement); a few statements in all. Answers how many guardians were told.
   */
  toGuardiansOfAny<K extends NotificationKind>(trx: Kysely<Database>, childIds: readonly number[], kind: K, payload: NotificationPayloads[K]): Promise<number>;
  /** Withdraws the held messages of that key not yet due; how many guardians' copies were withdrawn. */
  withdraw(trx: Kysely<Database>, holdKey: string): Promise<number>;
}

export function createOutbox(deps: { channels: readonly DeliveryChannel[]; now: () => Date }): Outbox {
  return {
    channels: deps.channels,

    async toGuardians(trx, childId, kind, payload, hold) {
      const now = deps.now().toISOString();
      const due = hold ? hold.notBefore.toISOString() : now;
      const ids = await notifyGuardians(trx, childId, { kind, payload: JSON.stringify(payload), createdAt: now, ...(hold ? { notBefore: due, holdKey: hold.holdKey } : {}) });
      if (ids.length === 0 || deps.channels.length === 0) return;
      await queueDeliveries(trx, ids, deps.channels, due);
    },

    withdraw: (trx, holdKey) => withdrawHeld(trx, holdKey, deps.now().toISOString()),

    async toGuardiansOfEach(trx, kind, messages) {
      if (messages.length === 0) return;
      const payloads = new Map(messages.map((message) => [message.childId, JSON.stringify(message.payload)]));
      const pairs = await guardiansOfChildren(trx, [...payloads.keys()]);
      if (pairs.length === 0) return;
      const now = deps.now().toISOString();
      const ids = await insertNotificationRows(
        trx,
        pairs.map((pair) => ({ recipientId: pair.user_id, kind, payload: payloads.get(pair.child_id)!, createdAt: now })),
      );
      if (deps.channels.length === 0) return;
      await queueDeliveries(trx, ids, deps.channels, now);
    },

    async toGuardiansOfAny(trx, childIds, kind, payload) {
      if (childIds.length === 0) return 0;
      const guardians = [...new Set((await guardiansOfChildren(trx, [...new Set(childIds)])).map((pair) => pair.user_id))].sort((a, b) => a - b);
      if (guardians.length === 0) return 0;
      const now = deps.now().toISOString();
      const text = JSON.stringify(payload);
      const ids = await insertNotificationRows(trx, guardians.map((recipientId) => ({ recipientId, kind, payload: text, createdAt: now })));
      if (deps.channels.length > 0) await queueDeliveries(trx, ids, deps.channels, now);
      return guardians.length;
    },
  };
}
