// A parent's children: add and edit them, share them with a second guardian, their week and calendar feed.
// Only a child's guardians ever see or change its record.
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { createAttemptsService } from '../auth/attempts.service.ts';
import { normaliseText } from '../auth/credentials.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.ts';
import type { Database, Lang } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { slotsOfOfferings } from '../catalogue/catalogue.service.ts';
import { boundPupil, pupilForBinding } from '../pupils/pupils.service.ts';
import { normalisePupilNumber, pupilMatches } from '../pupils/pupils.policy.ts';
import { PUPIL_GUESS_LIMIT, PUPIL_MISMATCH, PUPIL_TAKEN, bindingOutcome, checksPupils, pupilThrottleKey } from './binding.policy.ts';
import { consentProblem } from './consent.policy.ts';
import { type ChildField, childLimitProblem, childProblems } from './children.policy.ts';
import * as family from './family.repository.ts';
import {
  INVITE_GUESS_LIMIT,
  generateInviteCode,
  guardianRemovalRefusal,
  hashInviteCode,
  inviteExpiry,
  inviteState,
  inviteThrottleKey,
  normaliseInviteCode,
} from './invite.policy.ts';
import { type Occurrence, type TimetableOffering, resolveMeetings, upcomingOccurrences } from './timetable.policy.ts';

export interface ChildForm {
  name: string;
  school: string;
  grade: number;
  className: string | null;
  /** As typed; only read at a school that checks children against its pupil list. */
  pupilNumber: string | null;
}

type ChildErrors = Partial<Record<ChildField | 'consent', Rejection>>;

export type ChildResult =
  | { ok: true; childId: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; errors: ChildErrors }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** How a child's record binds its pupil: the pupil's id (or none), or the answer the parent gets instead. */
type Binding = { ok: true; pupilId: number | null } | Extract<ChildResult, { reason: 'invalid' | 'throttled' }>;

const atPupilNumber = (rejection: Rejection): Binding => ({ ok: false, reason: 'invalid', errors: { pupil_number: rejection } });

export type JoinResult =
  | { ok: true; childId: number; childName: string }
  | { ok: false; reason: 'malformed' | 'wrong' | 'expired' | 'used' }
  | { ok: false; reason: 'consent'; problem: Rejection }
  | { ok: false; reason: 'already'; childId: number; childName: string }
  | { ok: false; reason: 'too_many'; problem: Rejection }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type RemoveGuardianResult =
  | { ok: true; self: boolean; name: string }
  | { ok: false; reason: 'not_found' | 'last' };

/** Titles in both languages: the route picks the reader's. */
export interface Titled {
  titleZh: string;
  titleEn: string | null;
}

export interface ChildWeek {
  term: { id: number; nameZh: string; nameEn: string } | null;
  offerings: (TimetableOffering & Titled)[];
  upcoming: (Occurrence & Titled)[];
  enrollments: { enrollmentId: number; offeringId: number; status: 'enrolled' | 'waitlisted'; position: number | null; titleZh: string; titleEn: string | null }[];
}

/**
 * Published for the other features (enrolment, attendance, the lottery, privacy): the child, if this user is one
 * of its guardians; undefined otherwise. Takes the caller's database or transaction.
 */
export function guardedChild(db: Kysely<Database>, guardianId: number, childId: number) {
  return family.childOfGuardian(db, guardianId, childId);
}

export function createFamilyService(deps: { db: Kysely<Database>; clock: Clock; timeZone?: string; random?: (size: number) => Uint8Array; childLimit?: number }) {
  const { db, clock } = deps;
  const childLimit = deps.childLimit ?? 6;
  /** Inside the transaction that adds a guardianship: null while the guardian has room for one more child. */
  async function overChildLimit(trx: Transaction<Database>, userId: number): Promise<Rejection | null> {
    await family.lockGuardian(trx, userId);
    return childLimitProblem(await family.childCountOfGuardian(trx, userId), childLimit);
  }
  const timeZone = deps.timeZone ?? 'Asia/Shanghai';
  const random = deps.random ?? ((size: number) => randomBytes(size));
  const attempts = createAttemptsService({ db, clock });
  const today = () => dayInZone(clock.now(), timeZone);

  /** Every meeting of the offerings, each as it finally stands, with its offering's titles. */
  async function occurrencesOf(offerings: readonly { offering_id: number; title_zh: string; title_en: string | null }[]) {
    const rows = await family.meetingsOfOfferings(db, [...new Set(offerings.map((offering) => offering.offering_id))]);
    const titles = new Map(offerings.map((offering) => [offering.offering_id, { titleZh: offering.title_zh, titleEn: offering.title_en }]));
    return resolveMeetings(
      rows.map((row) => ({
        id: row.id,
        offeringId: row.offering_id,
        day: row.day,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        room: row.room,
        status: row.status,
        reason: row.reason,
        movedToDay: row.moved_to_day,
      })),
    ).map((occurrence) => ({ ...occurrence, ...titles.get(occurrence.offeringId)! }));
  }

  /**
   * The pupil of the school that the parent names by number, name and grade, for this child (null: a new one), or
   * the one answer every miss gets. Throttled like invitation codes: a throttled parent is told to wait, and nothing
   * is looked up; each miss with a number counts (an empty field tells nothing about the list, so it does not).
   */
  async function bindTyped(userId: number, childId: number | null, input: { name: string; schoolId: number; grade: number }, typed: string | null): Promise<Binding> {
    const key = pupilThrottleKey(userId);
    const decision = await attempts.check(key);
    if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
    const number = normalisePupilNumber(typed ?? '');
    const binding = await pupilNamed(userId, childId, input, number);
    if (!binding.ok && binding.reason === 'invalid' && binding.errors.pupil_number === PUPIL_MISMATCH && number !== '') await attempts.recordFailure(key, PUPIL_GUESS_LIMIT);
    return binding;
  }

  /** What the pupil list says of the number, name and grade, as the parent may hear it (see bindingOutcome). */
  async function pupilNamed(userId: number, childId: number | null, input: { name: string; schoolId: number; grade: number }, number: string): Promise<Binding> {
    const pupil = number === '' ? null : await pupilForBinding(db, input.schoolId, number);
    const matches = pupil !== null && pupilMatches(pupil, input);
    const holder = matches && pupil.childId !== null && pupil.childId !== childId ? await family.childOfGuardian(db, userId, pupil.childId) : undefined;
    const outcome = bindingOutcome(pupil, matches, { childId, guardianOfBoundChild: holder !== undefined });
    if (outcome.ok) return { ok: true, pupilId: outcome.pupilId };
    if (outcome.reason === 'yours') return atPupilNumber({ key: 'family.error.pupilYours', params: { child: holder!.name } });
    return atPupilNumber(outcome.reason === 'taken' ? PUPIL_TAKEN : PUPIL_MISMATCH);
  }

  /**
   * Whom an edited child is bound to at a school with a pupil list: its own pupil while its record still matches
   * it (no number, or the same number, needed), else the pupil the typed number names, bound by the same rules as
   * a new child.
   */
  async function bindEdited(userId: number, child: { id: number; pupil_id: number | null }, input: { name: string; schoolId: number; grade: number }, typed: string | null): Promise<Binding> {
    const own = child.pupil_id === null ? null : await boundPupil(db, child.pupil_id);
    const number = normalisePupilNumber(typed ?? '');
    if (own && own.schoolId === input.schoolId && (number === '' || number === own.number)) {
      return pupilMatches(own, input) ? { ok: true, pupilId: own.id } : atPupilNumber(PUPIL_MISMATCH);
    }
    return bindTyped(userId, child.id, input, typed);
  }

  /**
   * The answer when the write could not bind the pupil after all: someone bound it a moment earlier (the unique
   * binding decides), or the school removed it from the list meanwhile.
   */
  async function lostRace(userId: number, childId: number | null, input: { name: string; schoolId: number; grade: number }, pupilId: number): Promise<ChildResult> {
    const pupil = await boundPupil(db, pupilId);
    const again = pupil ? await pupilNamed(userId, childId, input, pupil.number) : atPupilNumber(PUPIL_MISMATCH);
    return again.ok ? { ok: false, reason: 'invalid', errors: { pupil_number: PUPIL_TAKEN } } : again;
  }

  async function check(form: ChildForm) {
    const school = await family.schoolByIdOrSlug(db, form.school.trim());
    const input = { name: normaliseText(form.name), schoolId: school?.id ?? 0, grade: form.grade, className: (form.className && normaliseText(form.className)) || null };
    const errors = childProblems(input, school ? { gradeMin: school.grade_min, gradeMax: school.grade_max } : null);
    return { input, errors, school };
  }

  return {
    children: (userId: number) => family.childrenOfGuardian(db, userId),

    child: (userId: number, childId: number) => family.childOfGuardian(db, userId, childId),

    /** Adds a child with this guardian's consent to the privacy text (`consent` names the version they ticked). */
    async addChild(userId: number, form: ChildForm, consent: string | undefined): Promise<ChildResult> {
      const { input, errors: childErrors, school } = await check(form);
      const consentRejection = consentProblem(consent);
      const errors = { ...childErrors, ...(consentRejection ? { consent: consentRejection } : {}) };
      if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
      const binding: Binding = school && checksPupils(school) ? await bindTyped(userId, null, input, form.pupilNumber) : { ok: true, pupilId: null };
      if (!binding.ok) return binding;
      const { pupilId } = binding;
      let added: { childId: number } | { tooMany: Rejection };
      try {
        added = await inTransaction(db, async (trx) => {
          const tooMany = await overChildLimit(trx, userId);
          if (tooMany) return { tooMany };
          const now = clock.now().toISOString();
          const childId = await family.insertChild(trx, { ...input, pupilId }, now);
          await family.addGuardianship(trx, userId, childId, now);
          await family.recordConsent(trx, childId, userId, consent!.trim(), now);
          const detail = { consentVersion: consent!.trim(), ...(pupilId !== null ? { pupilId } : {}) };
          await recordAudit(trx, { actorId: userId, action: 'child.added', subjectType: 'child', subjectId: childId, schoolId: input.schoolId, detail }, clock.now());
          return { childId };
        });
      } catch (error) {
        // Two families binding one pupil at once: the unique binding lets one in, the other hears who was first.
        if (pupilId !== null && (isUniqueViolation(error) || isForeignKeyViolation(error))) return lostRace(userId, null, input, pupilId);
        throw error;
      }
      if ('tooMany' in added) return { ok: false, reason: 'invalid', errors: { name: added.tooMany } };
      return { ok: true, childId: added.childId };
    },

    /**
     * Saves the child's record. At a school with a pupil list the child stays matched with its pupil, or binds one
     * by number (how the guardian of an unmatched child fixes it); a child that moves school leaves its pupil behind.
     */
    async updateChild(userId: number, childId: number, form: ChildForm): Promise<ChildResult> {
      const child = await family.childOfGuardian(db, userId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      const { input, errors, school } = await check(form);
      if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
      const kept = child.school_id === input.schoolId ? child.pupil_id : null;
      const binding: Binding = school && checksPupils(school) ? await bindEdited(userId, child, input, form.pupilNumber) : { ok: true, pupilId: kept };
      if (!binding.ok) return binding;
      const { pupilId } = binding;
      try {
        await inTransaction(db, async (trx) => {
          await family.updateChild(trx, childId, { ...input, pupilId }, clock.now().toISOString());
          const detail = pupilId !== child.pupil_id ? { detail: { pupilId } } : {};
          await recordAudit(trx, { actorId: userId, action: 'child.updated', subjectType: 'child', subjectId: childId, schoolId: input.schoolId, ...detail }, clock.now());
        });
      } catch (error) {
        if (pupilId !== null && (isUniqueViolation(error) || isForeignKeyViolation(error))) return lostRace(userId, childId, input, pupilId);
        throw error;
      }
      return { ok: true, childId };
    },

    /** The child's guardians, or null when this user is not one of them. */
    async guardians(userId: number, childId: number) {
      if (!(await family.childOfGuardian(db, userId, childId))) return null;
      return family.guardiansOf(db, childId);
    },

    /**
     * A new one-time code for a second guardian, valid for a week. Only its hash is kept, so it is shown
     * this once; it replaces this guardian's earlier unused codes for the child.
     */
    async createInvite(userId: number, childId: number): Promise<{ ok: true; code: string; expiresAt: Date } | { ok: false; reason: 'not_found' }> {
      const child = await family.childOfGuardian(db, userId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      for (let attempt = 1; ; attempt++) {
        const code = generateInviteCode(random);
        const now = clock.now();
        const expiresAt = inviteExpiry(now);
        try {
          await inTransaction(db, async (trx) => {
            await family.deleteUnusedInvites(trx, childId, userId);
            const inviteId = await family.insertInvite(trx, { childId, codeHash: hashInviteCode(code), createdBy: userId, at: now.toISOString(), expiresAt: expiresAt.toISOString() });
            await recordAudit(trx, { actorId: userId, action: 'guardian.invite_created', subjectType: 'child', subjectId: childId, schoolId: child.school_id, detail: { inviteId } }, now);
          });
          return { ok: true, code, expiresAt };
        } catch (error) {
          // Another invitation, somewhere in the district, drew the same code: draw again.
          if (!isUniqueViolation(error) || attempt >= 5) throw error;
        }
      }
    },

    /** A parent types a code they were given: they become the child's guardian, and the code is spent. */
    async joinWithCode(userId: number, typed: string, consent: string | undefined): Promise<JoinResult> {
      const consentRejection = consentProblem(consent);
      if (consentRejection) return { ok: false, reason: 'consent', problem: consentRejection };
      const key = inviteThrottleKey(userId);
      const decision = await attempts.check(key);
      if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
      const code = normaliseInviteCode(typed);
      if (code === null) return { ok: false, reason: 'malformed' };
      const invite = await family.inviteByCodeHash(db, hashInviteCode(code));
      const now = clock.now();
      const state = invite ? inviteState({ expiresAt: invite.expires_at, usedAt: invite.used_at }, now) : 'wrong';
      if (invite && state === 'usable' && (await family.childOfGuardian(db, userId, invite.child_id))) {
        return { ok: false, reason: 'already', childId: invite.child_id, childName: invite.child_name };
      }
      if (!invite || state !== 'usable') {
        await attempts.recordFailure(key, INVITE_GUESS_LIMIT);
        return { ok: false, reason: state === 'usable' ? 'wrong' : state };
      }
      const claimed = await inTransaction(db, async (trx) => {
        const tooMany = await overChildLimit(trx, userId);
        if (tooMany) return tooMany;
        if (!(await family.claimInvite(trx, invite.id, userId, now.toISOString()))) return false;
        await family.addGuardianship(trx, userId, invite.child_id, now.toISOString());
        await family.recordConsent(trx, invite.child_id, userId, consent!.trim(), now.toISOString());
        await recordAudit(
          trx,
          { actorId: userId, action: 'guardian.invite_used', subjectType: 'child', subjectId: invite.child_id, schoolId: invite.school_id, detail: { inviteId: invite.id, invitedBy: invite.created_by, consentVersion: consent!.trim() } },
          now,
        );
        return true;
      });
      // Someone else spent the code a moment earlier.
      if (!claimed) return { ok: false, reason: 'used' };
      if (claimed !== true) return { ok: false, reason: 'too_many', problem: claimed };
      return { ok: true, childId: invite.child_id, childName: invite.child_name };
    },

    /** Removes a guardian (another one, or oneself) from the child; the last guardian stays. */
    async removeGuardian(actorId: number, childId: number, guardianId: number): Promise<RemoveGuardianResult> {
      const child = await family.childOfGuardian(db, actorId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      const target = (await family.guardiansOf(db, childId)).find((guardian) => guardian.id === guardianId);
      if (!target) return { ok: false, reason: 'not_found' };
      return inTransaction(db, async (trx): Promise<RemoveGuardianResult> => {
        await family.lockChild(trx, childId);
        if (guardianRemovalRefusal(await family.guardianCount(trx, childId))) return { ok: false, reason: 'last' };
        if ((await family.deleteGuardianship(trx, guardianId, childId)) === 0) return { ok: false, reason: 'not_found' };
        // What the removed guardian could still reach the child by stops working with them.
        await family.deleteFeed(trx, childId, guardianId);
        await family.deleteUnusedInvites(trx, childId, guardianId);
        await recordAudit(trx, { actorId, action: 'guardian.removed', subjectType: 'child', subjectId: childId, schoolId: child.school_id, detail: { userId: guardianId } }, clock.now());
        return { ok: true, self: guardianId === actorId, name: target.name };
      });
    },

    /** This guardian's calendar feed token for the child (null: none yet), or undefined when not a guardian. */
    async feedToken(userId: number, childId: number): Promise<string | null | undefined> {
      if (!(await family.childOfGuardian(db, userId, childId))) return undefined;
      return (await family.feedOf(db, childId, userId))?.token ?? null;
    },

    /** A fresh private feed link for the child; any earlier link of this guardian's stops working. */
    async renewFeed(userId: number, childId: number): Promise<{ ok: true; token: string; replaced: boolean } | { ok: false; reason: 'not_found' }> {
      const child = await family.childOfGuardian(db, userId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      const token = Buffer.from(random(32)).toString('base64url');
      const replaced = await inTransaction(db, async (trx) => {
        const deleted = await family.deleteFeed(trx, childId, userId);
        await family.insertFeed(trx, { token, childId, userId, at: clock.now().toISOString() });
        await recordAudit(trx, { actorId: userId, action: deleted > 0 ? 'calendar_feed.renewed' : 'calendar_feed.created', subjectType: 'child', subjectId: childId, schoolId: child.school_id }, clock.now());
        return deleted > 0;
      });
      return { ok: true, token, replaced };
    },

    async revokeFeed(userId: number, childId: number): Promise<{ ok: true } | { ok: false; reason: 'not_found' }> {
      const child = await family.childOfGuardian(db, userId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      await inTransaction(db, async (trx) => {
        if ((await family.deleteFeed(trx, childId, userId)) > 0) {
          await recordAudit(trx, { actorId: userId, action: 'calendar_feed.revoked', subjectType: 'child', subjectId: childId, schoolId: child.school_id }, clock.now());
        }
      });
      return { ok: true };
    },

    /** Who a feed token speaks for: the child, and the language of the guardian who made it. Null for an unknown or revoked token. */
    async feedReader(token: string): Promise<{ childId: number; lang: Lang } | null> {
      const feed = await family.feedByToken(db, token);
      return feed ? { childId: feed.child_id, lang: feed.lang } : null;
    },

    /** The child's week this term, the next two weeks' meetings and the enrolments; null when this user is not a guardian. */
    async week(userId: number, childId: number): Promise<ChildWeek | null> {
      const child = await family.childOfGuardian(db, userId, childId);
      if (!child) return null;
      const day = today();
      const [term, active] = await Promise.all([family.currentTermOfSchool(db, child.school_id, day), family.activeEnrollmentsOf(db, childId, { today: day })]);
      const inTerm = term ? active.filter((row) => row.term_id === term.id) : [];
      const slots = await slotsOfOfferings(db, inTerm.map((row) => row.offering_id));
      const enrolled = active.filter((row) => row.status === 'enrolled');
      return {
        term: term ? { id: term.id, nameZh: term.name_zh, nameEn: term.name_en } : null,
        offerings: inTerm.map((row) => ({
          offeringId: row.offering_id,
          title: row.title_zh,
          titleZh: row.title_zh,
          titleEn: row.title_en,
          room: row.room,
          status: row.status as 'enrolled' | 'waitlisted',
          position: row.status === 'waitlisted' ? row.waitlist_position : null,
          slots: slots
            .filter((slot) => slot.offering_id === row.offering_id)
            .map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at })),
        })),
        upcoming: upcomingOccurrences(await occurrencesOf(enrolled), day),
        enrollments: active.map((row) => ({
          enrollmentId: row.enrollment_id,
          offeringId: row.offering_id,
          status: row.status as 'enrolled' | 'waitlisted',
          position: row.status === 'waitlisted' ? row.waitlist_position : null,
          titleZh: row.title_zh,
          titleEn: row.title_en,
        })),
      };
    },

    /**
     * Every meeting of the child's enrolled offerings in the current and coming terms, for the calendar feed.
     * Access was checked by the caller (a guardian's session, or a feed token).
     */
    async calendar(childId: number): Promise<{ childName: string; meetings: (Occurrence & Titled)[]; at: Date } | null> {
      const child = await family.childById(db, childId);
      if (!child) return null;
      const enrolled = (await family.activeEnrollmentsOf(db, childId, { today: today() })).filter((row) => row.status === 'enrolled');
      return { childName: child.name, meetings: await occurrencesOf(enrolled), at: clock.now() };
    },
  };
}

export type FamilyService = ReturnType<typeof createFamilyService>;
