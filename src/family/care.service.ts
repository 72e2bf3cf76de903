// Who collects the child and who to call, as use cases: the child's guardians keep the people allowed to collect
// it (at most five) and an emergency note; the roll reads them for its children (`careOfRoll`).
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Rejection } from '../kernel/rejection.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import * as care from './care.repository.ts';
import { lockChild } from './family.repository.ts';
import { type Collector, type CollectorField, careNoteFrom, collectorFrom, collectorLimitProblem, dialable } from './care.policy.ts';
import { guardedChild } from './family.service.ts';

/** A collector with the digits its phone link dials. */
export type CollectorView = Collector & { dial: string };

/** What a roll's staff see of a child: who may collect it and its emergency note. */
export interface RollCare {
  collectors: CollectorView[];
  note: string | null;
}

/** What the child's guardians see and keep. */
export interface ChildCare {
  collectors: (CollectorView & { id: number })[];
  note: string | null;
}

export type AddCollectorResult = { ok: true; collector: Collector } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'invalid'; errors: Partial<Record<CollectorField, Rejection>> };
export type SaveNoteResult = { ok: true; note: string | null } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'invalid'; error: Rejection };

const withDial = <T extends { phone: string }>(row: T) => ({ ...row, dial: dialable(row.phone) ?? row.phone });

/** The collectors and emergency notes of these children, by child (for the roll of their offering's staff). */
export async function careOfRoll(db: Kysely<Database>, childIds: readonly number[]): Promise<Map<number, RollCare>> {
  const { collectors, notes } = await care.careOfChildren(db, childIds);
  const byChild = new Map<number, RollCare>();
  const of = (childId: number) => byChild.get(childId) ?? byChild.set(childId, { collectors: [], note: null }).get(childId)!;
  for (const { child_id, ...collector } of collectors) of(child_id).collectors.push(withDial(collector));
  for (const row of notes) of(row.child_id).note = row.note;
  return byChild;
}

export function createCareService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** The child's collectors and note, for its guardians (null for anyone else). */
    async childCare(guardianId: number, childId: number): Promise<ChildCare | null> {
      if (!(await guardedChild(db, guardianId, childId))) return null;
      const [collectors, note] = await Promise.all([care.collectorsOf(db, childId), care.noteOf(db, childId)]);
      return { collectors: collectors.map(withDial), note };
    },

    /** Adds a collector, refused past five (counted under the child's lock, so two guardians at once cannot pass it). */
    async addCollector(guardianId: number, childId: number, input: Record<CollectorField, string>): Promise<AddCollectorResult> {
      const child = await guardedChild(db, guardianId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      const read = collectorFrom(input);
      if (!read.ok) return { ok: false, reason: 'invalid', errors: read.errors };
      const now = clock.now();
      return inTransaction(db, async (trx): Promise<AddCollectorResult> => {
        await lockChild(trx, childId);
        const full = collectorLimitProblem(await care.collectorCount(trx, childId));
        if (full) return { ok: false, reason: 'invalid', errors: { name: full } };
        await care.insertCollector(trx, childId, read.collector, guardianId, now.toISOString());
        // Names and numbers are personal data of people who are not users: they stay out of the log.
        await recordAudit(trx, { actorId: guardianId, action: 'care.collector_added', subjectType: 'child', subjectId: childId, schoolId: child.school_id }, now);
        return { ok: true, collector: read.collector };
      });
    },

    async removeCollector(guardianId: number, childId: number, collectorId: number): Promise<{ ok: boolean }> {
      const child = await guardedChild(db, guardianId, childId);
      if (!child) return { ok: false };
      const now = clock.now();
      return inTransaction(db, async (trx) => {
        if (!(await care.deleteCollector(trx, childId, collectorId))) return { ok: false };
        await recordAudit(trx, { actorId: guardianId, action: 'care.collector_removed', subjectType: 'child', subjectId: childId, schoolId: child.school_id }, now);
        return { ok: true };
      });
    },

    /** Writes the emergency note; an empty one removes it. */
    async saveNote(guardianId: number, childId: number, text: string): Promise<SaveNoteResult> {
      const child = await guardedChild(db, guardianId, childId);
      if (!child) return { ok: false, reason: 'not_found' };
      const read = careNoteFrom(text);
      if (!read.ok) return { ok: false, reason: 'invalid', error: read.error };
      const now = clock.now();
      await inTransaction(db, async (trx) => {
        await care.saveNote(trx, childId, read.note, guardianId, now.toISOString());
        await recordAudit(trx, { actorId: guardianId, action: 'care.note_saved', subjectType: 'child', subjectId: childId, schoolId: child.school_id, detail: { removed: read.note === null } }, now);
      });
      return { ok: true, note: read.note };
    },
  };
}

export type CareService = ReturnType<typeof createCareService>;
