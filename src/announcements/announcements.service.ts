// Announcements: an offering's teacher or school writes to the guardians of its children (optionally the waitlist's
// too), or from the roll to one child's guardians. One transaction each: the outbox rows on every channel, the
// stored announcement and the audit event. Enrolments are read through the enrollment feature's published functions.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { offeringFamilies } from '../enrollment/roster.service.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { type Actor, staffsOffering } from '../kernel/roles.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { mayReadAnnouncements, messageText, sendDecision } from './announcements.policy.ts';
import * as announcements from './announcements.repository.ts';

/** Whoever sends: the signed-in staff member, named to the families. */
export type Sender = Actor & { readonly name: string };

/** How many past announcements the offering page lists. */
export const LISTED_ANNOUNCEMENTS = 20;

export type SendResult =
  | { ok: true; offeringId: number; recipients: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'nobody' }
  | { ok: false; reason: 'invalid'; rejection: Rejection };

export type MessageResult =
  | { ok: true; offeringId: number; childName: string; recipients: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; rejection: Rejection; childName: string };

export interface PastAnnouncement {
  id: number;
  sender: string | null;
  at: string;
  text: string;
  toWaitlist: boolean;
}

export function createAnnouncementsService(deps: { db: Kysely<Database>; clock: Clock; outbox?: Outbox }) {
  const { db, clock } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });

  return {
    /** Tells each guardian of the offering's enrolled (and, with `waitlist`, waitlisted) children once, on every channel. */
    async send(sender: Sender, offeringId: number, input: { text: string; waitlist: boolean }): Promise<SendResult> {
      const offering = await announcements.offeringToAnnounce(db, offeringId);
      if (!offering) return { ok: false, reason: 'not_found' };
      const decision = sendDecision(sender, { teacherId: offering.teacher_id, schoolId: offering.school_id });
      if (decision !== 'allowed') return { ok: false, reason: decision };
      const text = messageText(input.text);
      if (!text.ok) return { ok: false, reason: 'invalid', rejection: text.rejection };
      return inTransaction(db, async (trx): Promise<SendResult> => {
        const childIds = await offeringFamilies.childIds(trx, offeringId, { waitlist: input.waitlist });
        // A teacher would want to know nobody got it: refused rather than recorded as sent to no one.
        if (childIds.length === 0) return { ok: false, reason: 'nobody' };
        const at = clock.now();
        const payload = { offeringId, title: offering.title_zh, titleEn: offering.title_en, sender: sender.name, text: text.text };
        const recipients = await outbox.toGuardiansOfAny(trx, childIds, 'announcement', payload);
        const id = await announcements.insertAnnouncement(trx, { offeringId, senderId: sender.id, text: text.text, toWaitlist: input.waitlist, recipients, createdAt: at.toISOString() });
        await recordAudit(
          trx,
          { actorId: sender.id, action: 'announcement.sent', subjectType: 'offering', subjectId: offeringId, schoolId: offering.school_id, detail: { announcementId: id, offeringId, recipients, waitlist: input.waitlist } },
          at,
        );
        return { ok: true, offeringId, recipients };
      });
    },

    /** From the roll: one child's guardians hear from the teacher. Only staff who see that roll, only a child on it. */
    async messageGuardians(sender: Sender, meetingId: number, childId: number, rawText: string): Promise<MessageResult> {
      const found = await announcements.meetingOffering(db, meetingId);
      if (!found || !staffsOffering(sender, { teacherId: found.teacher_id, schoolId: found.school_id })) return { ok: false, reason: 'not_found' };
      const childName = await offeringFamilies.enrolledChildName(db, found.id, childId);
      if (childName === null) return { ok: false, reason: 'not_found' };
      const text = messageText(rawText);
      if (!text.ok) return { ok: false, reason: 'invalid', rejection: text.rejection, childName };
      return inTransaction(db, async (trx): Promise<MessageResult> => {
        const at = clock.now();
        const payload = { offeringId: found.id, childId, childName, title: found.title_zh, titleEn: found.title_en, sender: sender.name, text: text.text };
        const recipients = await outbox.toGuardiansOfAny(trx, [childId], 'teacher_message', payload);
        await recordAudit(
          trx,
          { actorId: sender.id, action: 'teacher_message.sent', subjectType: 'child', subjectId: childId, schoolId: found.school_id, detail: { offeringId: found.id, meetingId, recipients } },
          at,
        );
        return { ok: true, offeringId: found.id, childName, recipients };
      });
    },

    /** The offering's past announcements, newest first, for its staff and families; null for anyone else. */
    async pastAnnouncements(viewer: Actor | null, offeringId: number): Promise<PastAnnouncement[] | null> {
      if (!viewer) return null;
      const offering = await announcements.offeringToAnnounce(db, offeringId);
      if (!offering) return null;
      const staffing = { teacherId: offering.teacher_id, schoolId: offering.school_id };
      const isFamily = viewer.role === 'parent' && (await offeringFamilies.includes(db, viewer.id, offeringId));
      if (!mayReadAnnouncements(viewer, staffing, isFamily)) return null;
      const rows = await announcements.announcementsOf(db, offeringId, LISTED_ANNOUNCEMENTS);
      return rows.map((row) => ({ id: row.id, sender: row.sender_name, at: row.created_at, text: row.text, toWaitlist: row.to_waitlist === 1 }));
    },
  };
}

export type AnnouncementsService = ReturnType<typeof createAnnouncementsService>;
