// How a school checks the children its families add: switching between `open` and `pupil_list` (matching its
// existing children to the list in the same transaction, telling the families of those left unmatched), the page of
// children still unmatched, matching one by hand and undoing a match.
import type { Kysely } from 'kysely';
import { recordAudit, recordChildRecordsRead } from '../audit/audit.service.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { ChildCheck, Database, School } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Rejection } from '../kernel/rejection.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import type { Outbox } from '../notify/outbox.ts';
import { schoolById, setChildCheck } from '../schools/schools.service.ts';
import { matchChildrenToPupils } from './matching.policy.ts';
import * as matching from './matching.repository.ts';
import { countPupils, pupilByNumber } from './pupils.repository.ts';
import { normalisePupilNumber } from './pupils.policy.ts';

export const UNMATCHED_PAGE_SIZE = 50;

type NotFound = { ok: false; reason: 'not_found' };
const NOT_FOUND: NotFound = { ok: false, reason: 'not_found' };

/** The school's unbound children matched to its unbound pupils where name, grade and class agree (no write). */
async function plannedMatches(db: Kysely<Database>, schoolId: number) {
  const [children, pupils] = await Promise.all([matching.unboundChildren(db, schoolId), matching.unboundPupils(db, schoolId)]);
  return {
    children,
    ...matchChildrenToPupils(
      children.map((child) => ({ id: child.id, name: child.name, grade: child.grade, className: child.class_name })),
      pupils.map((pupil) => ({ id: pupil.id, nameKey: pupil.name_key, grade: pupil.grade, className: pupil.class_name })),
    ),
  };
}

const about = (school: School, child: { id: number; name: string }) => ({ childId: child.id, childName: child.name, school: school.name_zh, schoolEn: school.name_en });

/**
 * Published for the list's writes (add, edit, import) at a school that checks children: binds the children that now
 * match, inside the caller's transaction, and tells their families they may take seats again. An open school's
 * children are matched when it switches, not before.
 */
export async function matchNewlyListed(trx: Kysely<Database>, deps: { outbox: Outbox; clock: Clock }, school: School, actorId: number): Promise<number> {
  if (school.child_check !== 'pupil_list') return 0;
  const { children, matches } = await plannedMatches(trx, school.id);
  if (matches.length === 0) return 0;
  await matching.bindChildren(trx, matches, deps.clock.now().toISOString());
  const byId = new Map(children.map((child) => [child.id, child]));
  await deps.outbox.toGuardiansOfEach(
    trx,
    'child_verified',
    matches.map((match) => ({ childId: match.childId, payload: about(school, byId.get(match.childId)!) })),
  );
  await recordAudit(trx, { actorId, action: 'children.pupils_matched', subjectType: 'school', subjectId: school.id, schoolId: school.id, detail: { matched: matches.length } }, deps.clock.now());
  return matches.length;
}

export function createChildCheckService(deps: { db: Kysely<Database>; clock: Clock; outbox: Outbox; onChildCheckChanged?: (school: School) => void }) {
  const { db, clock, outbox } = deps;
  const now = () => clock.now().toISOString();

  async function managed(actor: Actor, schoolId: number): Promise<School | null> {
    if (!canManageSchool(actor, schoolId)) return null;
    return (await schoolById(db, schoolId)) ?? null;
  }

  async function childOf(actor: Actor, schoolId: number, childId: number) {
    const school = await managed(actor, schoolId);
    const child = school ? await matching.childWithPupil(db, schoolId, childId) : undefined;
    return school && child ? { school, child } : null;
  }

  /** One switch, read and written in one transaction; the caller retries it when a family bound a pupil meanwhile. */
  async function switchOnce(actor: Actor, school: School, to: ChildCheck) {
    return inTransaction(db, async (trx) => {
      const listed = await countPupils(trx, school.id);
      if (to === 'pupil_list' && listed === 0) return { ok: false as const, reason: 'empty_list' as const };
      const plan = to === 'pupil_list' ? await plannedMatches(trx, school.id) : { children: [], matches: [], unmatched: [] };
      await setChildCheck(trx, school.id, to);
      await matching.bindChildren(trx, plan.matches, now());
      const byId = new Map(plan.children.map((child) => [child.id, child]));
      await outbox.toGuardiansOfEach(
        trx,
        'child_unverified',
        plan.unmatched.map((childId) => ({ childId, payload: { ...about(school, byId.get(childId)!), reason: 'switched' as const } })),
      );
      await recordAudit(
        trx,
        {
          actorId: actor.id,
          action: 'school.child_check_changed',
          subjectType: 'school',
          subjectId: school.id,
          schoolId: school.id,
          detail: { from: school.child_check, to, matched: plan.matches.length, unmatched: plan.unmatched.length },
        },
        clock.now(),
      );
      return { ok: true as const, matched: plan.matches.length, unmatched: plan.unmatched.length };
    });
  }

  return {
    school: managed,

    /** The school's children bound to no pupil, for the list page's link (only counted, nobody shown). */
    async unmatchedCount(actor: Actor, schoolId: number): Promise<number | null> {
      const school = await managed(actor, schoolId);
      return school ? matching.countUnbound(db, school.id) : null;
    },

    /** What switching to `to` would do: how many pupils are listed, how many children would be matched and how many not. */
    async preview(actor: Actor, schoolId: number, to: ChildCheck) {
      const school = await managed(actor, schoolId);
      if (!school) return null;
      const listed = await countPupils(db, school.id);
      if (to === 'open' || school.child_check === to) return { school, listed, matched: 0, unmatched: await matching.countUnbound(db, school.id) };
      const plan = await plannedMatches(db, school.id);
      return { school, listed, matched: plan.matches.length, unmatched: plan.unmatched.length };
    },

    /**
     * Switches how the school checks children. To `pupil_list` (refused while the list is empty): existing unbound
     * children are matched where name, grade and class agree and the families of the others told why, in the same
     * transaction. Back to `open`: bindings stay. Switching to the mode the school has changes nothing.
     */
    async switchTo(actor: Actor, schoolId: number, to: ChildCheck): Promise<{ ok: true; matched: number; unmatched: number } | NotFound | { ok: false; reason: 'empty_list' }> {
      const school = await managed(actor, schoolId);
      if (!school) return NOT_FOUND;
      if (school.child_check === to) return { ok: true, matched: 0, unmatched: 0 };
      for (let attempt = 1; ; attempt += 1) {
        try {
          const result = await switchOnce(actor, school, to);
          if (result.ok) deps.onChildCheckChanged?.(school);
          return result;
        } catch (error) {
          // A family bound one of the planned pupils after the plan was read (PostgreSQL): plan again.
          if (attempt >= 3 || !isUniqueViolation(error)) throw error;
        }
      }
    },

    /**
     * A page of the school's children bound to no pupil, with the seats each holds. Shown as a page (not behind a
     * refused form, which writes nothing), it is a staff read of children's data and recorded.
     */
    async unmatched(actor: Actor, schoolId: number, pageWanted: number, view?: 'pupils.unmatched') {
      const school = await managed(actor, schoolId);
      if (!school) return null;
      const total = await matching.countUnbound(db, school.id);
      const pages = Math.max(1, Math.ceil(total / UNMATCHED_PAGE_SIZE));
      const page = Math.min(Math.max(1, pageWanted), pages);
      const rows = await matching.unboundChildrenPage(db, school.id, { limit: UNMATCHED_PAGE_SIZE, offset: (page - 1) * UNMATCHED_PAGE_SIZE });
      if (view) await recordChildRecordsRead(db, { actor, view, subjectType: 'school', subjectId: school.id, schoolId: school.id, count: rows.length }, clock.now());
      return { school, total, page, pages, children: rows.map((row) => ({ id: row.id, name: row.name, grade: row.grade, className: row.class_name, seats: Number(row.seats ?? 0) })) };
    },

    /** One child of the school with the pupil it is bound to; null when not this admin's or not the school's. */
    child: childOf,

    /**
     * Binds the child to the listed, unbound pupil with that number. The admin is the authority: name, grade and class
     * need not agree. Wrong, unknown or taken numbers are refused at the field, nothing written.
     */
    async matchByHand(
      actor: Actor,
      schoolId: number,
      childId: number,
      numberText: string,
    ): Promise<{ ok: true; pupil: { name: string; number: string } } | NotFound | { ok: false; reason: 'invalid'; errors: { number: Rejection } }> {
      const found = await childOf(actor, schoolId, childId);
      if (!found) return NOT_FOUND;
      const { school, child } = found;
      const invalid = (key: Rejection['key']) => ({ ok: false as const, reason: 'invalid' as const, errors: { number: { key } } });
      if (child.pupil_id !== null) return invalid('childCheck.error.alreadyMatched');
      const number = normalisePupilNumber(numberText);
      if (number === '') return invalid('form.required');
      try {
        return await inTransaction(db, async (trx) => {
          const pupil = await pupilByNumber(trx, school.id, number);
          if (!pupil) return invalid('childCheck.error.unknownNumber');
          if (pupil.child_id !== null) return invalid('childCheck.error.takenNumber');
          if (!(await matching.bindChild(trx, child.id, pupil.id, now()))) return invalid('childCheck.error.alreadyMatched');
          if (school.child_check === 'pupil_list') await outbox.toGuardians(trx, child.id, 'child_verified', about(school, child));
          await recordAudit(trx, { actorId: actor.id, action: 'child.pupil_matched', subjectType: 'child', subjectId: child.id, schoolId: school.id, detail: { pupilId: pupil.id } }, clock.now());
          return { ok: true as const, pupil: { name: pupil.name, number: pupil.number } };
        });
      } catch (error) {
        // Another admin or the family bound the pupil (or this child) at the same moment.
        if (isUniqueViolation(error)) return invalid('childCheck.error.takenNumber');
        throw error;
      }
    },

    /** Undoes a child's match; at a school that checks children its families are told it cannot take new seats. */
    async unbind(actor: Actor, schoolId: number, childId: number): Promise<{ ok: true; unbound: boolean } | NotFound> {
      const found = await childOf(actor, schoolId, childId);
      if (!found) return NOT_FOUND;
      const { school, child } = found;
      if (child.pupil_id === null) return { ok: true, unbound: false };
      await inTransaction(db, async (trx) => {
        await matching.unbindChild(trx, child.id, now());
        if (school.child_check === 'pupil_list') await outbox.toGuardians(trx, child.id, 'child_unverified', { ...about(school, child), reason: 'unbound' });
        await recordAudit(trx, { actorId: actor.id, action: 'child.pupil_unbound', subjectType: 'child', subjectId: child.id, schoolId: school.id, detail: { pupilId: child.pupil_id } }, clock.now());
      });
      return { ok: true, unbound: true };
    },
  };
}

export type ChildCheckService = ReturnType<typeof createChildCheckService>;
