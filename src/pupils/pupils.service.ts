// A school's pupil list as its admins keep it: list and search, add, edit, remove, export, and the yearly promotion.
// Removing a pupil a family has bound unbinds the child (the foreign key sets it null) and tells its guardians.
import type { Kysely } from 'kysely';
import { recordAudit, recordChildRecordsRead } from '../audit/audit.service.ts';
import { normaliseText } from '../auth/credentials.policy.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, School } from '../db/schema.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import type { Outbox } from '../notify/outbox.ts';
import { schoolById } from '../schools/schools.service.ts';
import { matchNewlyListed } from './child-check.service.ts';
import { PUPIL_NUMBER_MAX, type PupilField, type PupilInput, nameKey, normalisePupilNumber, pupilProblems } from './pupils.policy.ts';
import * as pupils from './pupils.repository.ts';

export const PUPILS_PAGE_SIZE = 50;

export interface PupilQuery {
  q: string;
  grade: number | null;
  className: string;
  page: number;
}

type NotFound = { ok: false; reason: 'not_found' };
type Invalid = { ok: false; reason: 'invalid'; errors: Partial<Record<PupilField, Rejection>> };

function pupilValues(input: PupilInput) {
  const name = normaliseText(input.name);
  const className = input.className === null ? null : normaliseText(input.className) || null;
  return { name, name_key: nameKey(name), number: normalisePupilNumber(input.number), grade: input.grade, class_name: className };
}

const DUPLICATE: Invalid = { ok: false, reason: 'invalid', errors: { number: { key: 'pupils.error.duplicate' } } };

/** A listed pupil as a family's binding sees it: who it is (to compare, see pupilMatches) and which child holds it. */
export interface PupilForBinding {
  id: number;
  number: string;
  nameKey: string;
  grade: number;
  /** The child bound to the pupil, if a family has bound it. */
  childId: number | null;
}

function forBinding(row: { id: number; number: string; name_key: string; grade: number; child_id: number | null } | undefined): PupilForBinding | null {
  return row ? { id: row.id, number: row.number, nameKey: row.name_key, grade: row.grade, childId: row.child_id } : null;
}

/**
 * Published for the family feature: the pupil of the school with this number as typed (normalised here), or null.
 * What it says must never reach a parent beyond "matches" or "does not" (see pupilMatches): the list is not for probing.
 */
export async function pupilForBinding(db: Kysely<Database>, schoolId: number, typedNumber: string): Promise<PupilForBinding | null> {
  // Nothing longer than a listed number can be one: not worth a look-up.
  if (typedNumber.length > PUPIL_NUMBER_MAX * 4) return null;
  const number = normalisePupilNumber(typedNumber);
  if (number === '' || [...number].length > PUPIL_NUMBER_MAX) return null;
  return forBinding(await pupils.pupilByNumber(db, schoolId, number));
}

/** Published for the family feature: the pupil a child is bound to, with its school (null once removed from the list). */
export async function boundPupil(db: Kysely<Database>, pupilId: number): Promise<(PupilForBinding & { schoolId: number }) | null> {
  const row = await pupils.pupilById(db, pupilId);
  return row ? { ...forBinding(row)!, schoolId: row.school_id } : null;
}

export function createPupilsService(deps: { db: Kysely<Database>; clock: Clock; outbox: Outbox }) {
  const { db, clock, outbox } = deps;
  const now = () => clock.now().toISOString();

  async function managed(actor: Actor, schoolId: number): Promise<School | null> {
    if (!canManageSchool(actor, schoolId)) return null;
    return (await schoolById(db, schoolId)) ?? null;
  }

  /** Tells the guardians of children whose pupil left the list, inside the caller's transaction. */
  async function tellUnbound(trx: Kysely<Database>, school: School, children: { childId: number; childName: string }[], reason: 'removed' | 'left') {
    for (const child of children) {
      await outbox.toGuardians(trx, child.childId, 'pupil_unlisted', { ...child, school: school.name_zh, schoolEn: school.name_en, reason, checked: school.child_check === 'pupil_list' });
    }
  }

  return {
    school: managed,

    /**
     * A page of the list as searched. Shown as a page (not behind a refused form, which writes nothing), it is a staff
     * read of children's data and recorded when it shows anyone.
     */
    async list(actor: Actor, schoolId: number, query: PupilQuery, view?: 'pupils') {
      const school = await managed(actor, schoolId);
      if (!school) return null;
      const text = query.q.trim();
      const filter: pupils.PupilFilter = {
        ...(text ? { nameKey: nameKey(text), number: normalisePupilNumber(text) } : {}),
        ...(query.grade !== null ? { grade: query.grade } : {}),
        ...(query.className.trim() ? { className: normaliseText(query.className) } : {}),
      };
      const [total, all] = await Promise.all([pupils.countPupils(db, schoolId, filter), pupils.countPupils(db, schoolId)]);
      const pages = Math.max(1, Math.ceil(total / PUPILS_PAGE_SIZE));
      const page = Math.min(Math.max(1, query.page), pages);
      const rows = await pupils.pupilsPage(db, schoolId, filter, { limit: PUPILS_PAGE_SIZE, offset: (page - 1) * PUPILS_PAGE_SIZE });
      if (view) await recordChildRecordsRead(db, { actor, view, subjectType: 'school', subjectId: schoolId, schoolId, count: rows.length }, clock.now());
      return { school, pupils: rows, total, all, page, pages };
    },

    /** The whole list for the CSV export; recorded as a staff read. */
    async exportList(actor: Actor, schoolId: number) {
      const school = await managed(actor, schoolId);
      if (!school) return null;
      const rows = await pupils.allPupils(db, schoolId);
      await recordChildRecordsRead(db, { actor, view: 'pupils.csv', subjectType: 'school', subjectId: schoolId, schoolId, count: rows.length }, clock.now());
      return { school, pupils: rows };
    },

    async pupil(actor: Actor, schoolId: number, pupilId: number) {
      const school = await managed(actor, schoolId);
      const pupil = school ? await pupils.pupilOfSchool(db, schoolId, pupilId) : undefined;
      return school && pupil ? { school, pupil } : null;
    },

    async add(actor: Actor, schoolId: number, input: PupilInput): Promise<{ ok: true; pupilId: number } | NotFound | Invalid> {
      const school = await managed(actor, schoolId);
      if (!school) return { ok: false, reason: 'not_found' };
      const problems = pupilProblems(input, { gradeMin: school.grade_min, gradeMax: school.grade_max });
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      const values = pupilValues(input);
      try {
        const pupilId = await db.transaction().execute(async (trx) => {
          if ((await pupils.pupilIdWithNumber(trx, schoolId, values.number)) !== null) return null;
          const id = await pupils.insertPupil(trx, { school_id: schoolId, ...values, created_at: now(), updated_at: now() });
          await recordAudit(trx, { actorId: actor.id, action: 'pupil.added', subjectType: 'pupil', subjectId: id, schoolId }, clock.now());
          await matchNewlyListed(trx, { outbox, clock }, school, actor.id);
          return id;
        });
        return pupilId === null ? DUPLICATE : { ok: true, pupilId };
      } catch (error) {
        if (isUniqueViolation(error)) return DUPLICATE;
        throw error;
      }
    },

    async update(actor: Actor, schoolId: number, pupilId: number, input: PupilInput): Promise<{ ok: true } | NotFound | Invalid> {
      const found = await this.pupil(actor, schoolId, pupilId);
      if (!found) return { ok: false, reason: 'not_found' };
      const problems = pupilProblems(input, { gradeMin: found.school.grade_min, gradeMax: found.school.grade_max });
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      const values = pupilValues(input);
      try {
        const saved = await db.transaction().execute(async (trx) => {
          const holder = await pupils.pupilIdWithNumber(trx, schoolId, values.number);
          if (holder !== null && holder !== pupilId) return false;
          await pupils.updatePupil(trx, pupilId, { ...values, updated_at: now() });
          await recordAudit(trx, { actorId: actor.id, action: 'pupil.updated', subjectType: 'pupil', subjectId: pupilId, schoolId }, clock.now());
          await matchNewlyListed(trx, { outbox, clock }, found.school, actor.id);
          return true;
        });
        return saved ? { ok: true } : DUPLICATE;
      } catch (error) {
        if (isUniqueViolation(error)) return DUPLICATE;
        throw error;
      }
    },

    /** Removes the pupil; a bound child is unbound and its guardians told, in the same transaction. */
    async remove(actor: Actor, schoolId: number, pupilId: number): Promise<{ ok: true; name: string; unbound: boolean } | NotFound> {
      const found = await this.pupil(actor, schoolId, pupilId);
      if (!found) return { ok: false, reason: 'not_found' };
      const { school, pupil } = found;
      await db.transaction().execute(async (trx) => {
        await pupils.deletePupils(trx, [pupilId]);
        if (pupil.child_id !== null) await tellUnbound(trx, school, [{ childId: pupil.child_id, childName: pupil.child_name ?? pupil.name }], 'removed');
        await recordAudit(
          trx,
          { actorId: actor.id, action: 'pupil.removed', subjectType: 'pupil', subjectId: pupilId, schoolId, detail: { unboundChild: pupil.child_id } },
          clock.now(),
        );
      });
      return { ok: true, name: pupil.name, unbound: pupil.child_id !== null };
    },

    /** What the promotion would do: how many pupils move up, how many in the top grade leave the list. */
    async promotion(actor: Actor, schoolId: number) {
      const school = await managed(actor, schoolId);
      if (!school) return null;
      const byGrade = await pupils.pupilsByGrade(db, schoolId);
      let moving = 0;
      for (const [grade, count] of byGrade) if (grade < school.grade_max) moving += count;
      return { school, moving, leaving: byGrade.get(school.grade_max) ?? 0 };
    },

    /** Every pupil up a grade in one transaction; the top grade leaves the list (bound children unbound, guardians told). */
    async promote(actor: Actor, schoolId: number) {
      const school = await managed(actor, schoolId);
      if (!school) return null;
      return db.transaction().execute(async (trx) => {
        const leavers = await pupils.pupilsInGrade(trx, schoolId, school.grade_max);
        const before = await pupils.countPupils(trx, schoolId);
        await pupils.deletePupils(trx, leavers.map((leaver) => leaver.id));
        const bound = leavers.flatMap((leaver) => (leaver.child_id === null ? [] : [{ childId: leaver.child_id, childName: leaver.child_name ?? '' }]));
        await tellUnbound(trx, school, bound, 'left');
        await pupils.promoteBelow(trx, schoolId, school.grade_max, now());
        const moved = before - leavers.length;
        await recordAudit(trx, { actorId: actor.id, action: 'pupils.promoted', subjectType: 'school', subjectId: schoolId, schoolId, detail: { moved, left: leavers.length, unbound: bound.length } }, clock.now());
        return { moved, left: leavers.length };
      });
    },
  };
}

export type PupilsService = ReturnType<typeof createPupilsService>;

/**
 * For the retention purge (privacy): pupils not bound to a child whose row no import, edit or promotion has touched
 * since `before` — a register nobody confirms for that long lists someone who has left. Counted, then deleted.
 */
export function unconfirmedPupilCount(db: Kysely<Database>, before: string): Promise<number> {
  return pupils.countUnconfirmedUnbound(db, before);
}

export function removeUnconfirmedPupils(trx: Kysely<Database>, before: string): Promise<number> {
  return pupils.deleteUnconfirmedUnbound(trx, before);
}
