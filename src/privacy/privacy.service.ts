// Children's data duties as use cases: a guardian's export of everything held about a child, a guardian's
// request to delete it, and the school admin's carrying that out in one transaction — seats freed through the
// enrolment steps (the waitlist is promoted and told), marks folded into anonymous tallies, everything else
// about the child deleted, the audit log told what happened without saying who.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../kernel/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { type Promotion, eraseChild, lockOffering } from '../seats/seats.ts';
import { guardedChild } from '../family/family.service.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { CONSENT_VERSION } from '../family/consent.policy.ts';
import { canCarryOutDeletion, isLiveTerm } from './privacy.policy.ts';
import * as privacy from './privacy.repository.ts';

/** The export's format name and version: what a reader of the file can rely on. */
export const EXPORT_FORMAT = 'clubroll-child-export';
export const EXPORT_VERSION = 1;

export type RequestDeletionResult = { ok: true; requestId: number; already: boolean } | { ok: false; reason: 'not_found' };

export type CarryOutResult =
  | { ok: true; requestId: number; promoted: Promotion[]; counts: ErasureCounts }
  | { ok: false; reason: 'not_found' | 'done' };

export interface ErasureCounts {
  enrollments: number;
  seatsFreed: number;
  marks: number;
  notifications: number;
  lotteryEntries: number;
  guardians: number;
  /** 1 when the child was bound to a pupil of the school's list: the binding goes with the child, the pupil stays listed. */
  pupils: number;
}

export function createPrivacyService(deps: { db: Kysely<Database>; clock: Clock; timeZone?: string; outbox?: Outbox }) {
  const { db, clock } = deps;
  const timeZone = deps.timeZone ?? 'Asia/Shanghai';
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });
  const today = () => dayInZone(clock.now(), timeZone);

  /** Everything about the child, in the order of the rules: erase what could name it, keep only counts. */
  async function erase(trx: Transaction<Database>, actor: Actor, childId: number, at: Date): Promise<{ promoted: Promotion[]; counts: ErasureCounts }> {
    // The binding lives on the child's row and goes with it; the pupil is the school's register and stays, free to bind.
    const bound = (await privacy.childWithSchool(trx, childId))?.pupil_id != null;
    let seatsFreed = 0;
    const live = [];
    for (const row of await privacy.enrollmentsOf(trx, childId)) {
      if ((row.status === 'enrolled' || row.status === 'waitlisted') && isLiveTerm({ lastDay: row.term_last_day }, today())) {
        await lockOffering(trx, row.offering_id);
        const current = await privacy.enrollmentById(trx, row.id);
        const offering = await privacy.offeringWithSchool(trx, row.offering_id);
        if (current.status === 'enrolled') seatsFreed += 1;
        live.push({ offering, current });
      }
    }

    const marks = await privacy.marksOf(trx, childId);
    await privacy.addToTallies(trx, marks);
    await privacy.deleteMarksOf(trx, childId);

    const notificationIds = (await privacy.notificationsAbout(trx, childId)).map((row) => row.id);
    await privacy.deleteNotifications(trx, notificationIds);

    // Free text about the child in the audit log (a school's reason for a removal) may name it: it goes too.
    for (const event of await privacy.auditEventsAbout(trx, childId)) {
      const detail = (typeof event.detail === 'string' ? JSON.parse(event.detail) : event.detail) as Record<string, unknown>;
      if (typeof detail.reason === 'string') await privacy.rewriteAuditDetail(trx, event.id, { ...detail, reason: null, redacted: true });
    }

    const { lotteryEntries, guardians } = await privacy.deleteChildRecords(trx, childId);
    // Last, the seat owner vacates the live places (their seats go to the waiting), deletes the enrollments and the child.
    const { promoted, deleted: enrollments } = await eraseChild(trx, childId, live, { outbox, at, actorId: actor.id });
    return { promoted, counts: { enrollments, seatsFreed, marks: marks.length, notifications: notificationIds.length, lotteryEntries, guardians, pupils: bound ? 1 : 0 } };
  }

  return {
    /** This guardian's consent record and any pending deletion request for the child; null when not a guardian. */
    async dataStatus(userId: number, childId: number) {
      if (!(await guardedChild(db, userId, childId))) return null;
      const [consents, pending] = await Promise.all([privacy.consentsOf(db, childId), privacy.pendingRequestOf(db, childId)]);
      const mine = consents.filter((consent) => consent.user_id === userId).at(-1) ?? null;
      return { consent: mine ? { version: mine.version, givenAt: new Date(mine.given_at) } : null, pending: pending ? { requestedAt: new Date(pending.requested_at) } : null };
    },

    /**
     * Everything the platform holds about the child, for one of its guardians (null for anyone else). Every table
     * with a child_id column has its key under `tables`; secrets (invite code hashes, feed tokens) stay out.
     */
    async exportChild(userId: number, childId: number) {
      if (!(await guardedChild(db, userId, childId))) return null;
      const child = await privacy.childWithSchool(db, childId);
      if (!child) return null;
      const [guardians, consents, enrollments, lotteryEntries, marks, notifications, invites, feeds, requests, audit, absenceReports, collectors, careNotes] = await Promise.all([
        privacy.guardiansWithContacts(db, childId),
        privacy.consentsOf(db, childId),
        privacy.enrollmentsOf(db, childId),
        privacy.lotteryEntriesOf(db, childId),
        privacy.marksOf(db, childId),
        privacy.notificationsAbout(db, childId),
        privacy.invitesOf(db, childId),
        privacy.feedsOf(db, childId),
        privacy.deletionRequestsOf(db, childId),
        privacy.auditEventsAbout(db, childId),
        privacy.absenceReportsOf(db, childId),
        privacy.collectorsOf(db, childId),
        privacy.careNotesOf(db, childId),
      ]);
      const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
      await recordAudit(db, { actorId: userId, action: 'child.exported', subjectType: 'child', subjectId: childId, schoolId: child.school_id }, clock.now());
      return {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_VERSION,
        exportedAt: clock.now().toISOString(),
        privacyTextVersion: CONSENT_VERSION,
        tables: {
          children: [
            {
              id: child.id,
              name: child.name,
              school: { id: child.school_id, slug: child.school_slug, nameZh: child.school_name_zh, nameEn: child.school_name_en },
              grade: child.grade,
              className: child.class_name,
              createdAt: child.created_at,
              updatedAt: child.updated_at,
              // The pupil of the school's list the child is bound to, as the school lists it; null when not bound.
              pupil:
                child.pupil_number === null
                  ? null
                  : { number: child.pupil_number, name: child.pupil_name, grade: child.pupil_grade, className: child.pupil_class_name },
            },
          ],
          guardianships: guardians,
          child_consents: consents,
          enrollments,
          lottery_entries: lotteryEntries,
          attendance_marks: marks,
          absence_reports: absenceReports,
          child_collectors: collectors,
          child_care_notes: careNotes,
          guardian_invites: invites,
          calendar_feeds: feeds,
          deletion_requests: requests,
        },
        notifications: notifications.map((row) => ({ ...row, payload: json(row.payload) })),
        auditEvents: audit.map((row) => ({ ...row, detail: json(row.detail) })),
      };
    },

    /** A guardian asks for the child's data to be deleted; a second ask while one waits changes nothing. */
    async requestDeletion(userId: number, childId: number, reason: string | null): Promise<RequestDeletionResult> {
      const child = await privacy.childWithSchool(db, childId);
      if (!child || !(await guardedChild(db, userId, childId))) return { ok: false, reason: 'not_found' };
      return inTransaction(db, async (trx): Promise<RequestDeletionResult> => {
        await privacy.lockRows(trx, 'children', childId);
        const pending = await privacy.pendingRequestOf(trx, childId);
        if (pending) return { ok: true, requestId: pending.id, already: true };
        const now = clock.now();
        const requestId = await privacy.insertDeletionRequest(trx, { childId, schoolId: child.school_id, requestedBy: userId, reason, at: now.toISOString() });
        // No reason in the log: it is free text a parent typed, and the log outlives the child.
        await recordAudit(trx, { actorId: userId, action: 'child.deletion_requested', subjectType: 'child', subjectId: childId, schoolId: child.school_id, detail: { requestId } }, now);
        return { ok: true, requestId, already: false };
      });
    },

    /** Pending requests this admin may carry out (null for anyone who carries none out). */
    async pending(actor: Actor) {
      if (actor.role !== 'school_admin' && actor.role !== 'district_admin') return null;
      return privacy.pendingRequests(db, actor.role === 'school_admin' ? (actor.schoolId ?? -1) : undefined, today());
    },

    /** The request, if this admin may carry it out and it still waits. */
    async pendingRequest(actor: Actor, requestId: number) {
      const request = await privacy.requestById(db, requestId);
      if (!request || !canCarryOutDeletion(actor, request.school_id)) return null;
      return request.status === 'pending' && request.child_id !== null ? request : null;
    },

    /** Carries out a deletion request: one transaction, all of it or nothing. */
    async carryOut(actor: Actor, requestId: number): Promise<CarryOutResult> {
      const request = await privacy.requestById(db, requestId);
      if (!request || !canCarryOutDeletion(actor, request.school_id)) return { ok: false, reason: 'not_found' };
      return inTransaction(db, async (trx): Promise<CarryOutResult> => {
        await privacy.lockRows(trx, 'deletion_requests', requestId);
        const current = await privacy.requestById(trx, requestId);
        if (!current || current.status !== 'pending' || current.child_id === null) return { ok: false, reason: 'done' };
        await privacy.lockRows(trx, 'children', current.child_id);
        const at = clock.now();
        const { promoted, counts } = await erase(trx, actor, current.child_id, at);
        await privacy.markRequestDone(trx, requestId, actor.id, at.toISOString());
        await recordAudit(trx, { actorId: actor.id, action: 'child.erased', subjectType: 'deletion_request', subjectId: requestId, schoolId: current.school_id, detail: { ...counts, promoted: promoted.length } }, at);
        return { ok: true, requestId, promoted, counts };
      });
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
