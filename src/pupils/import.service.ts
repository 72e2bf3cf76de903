// The pupil list's CSV import as use cases: a preview that changes nothing, and a commit that writes every row in
// one transaction or nothing (a bad row, or a list that changed since the preview so the preview no longer holds).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Clock } from '../kernel/clock.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import type { Outbox } from '../notify/outbox.ts';
import { schoolById } from '../schools/schools.service.ts';
import { matchNewlyListed } from './child-check.service.ts';
import * as pupils from './import.repository.ts';
import { type ListedPupil, type PupilCsvProblem, type PupilImportRow, importCounts, importPlan, parsePupilCsv, readPupilRecords } from './pupils-import.policy.ts';
import { nameKey } from './pupils.policy.ts';

/** The school with its grades; null when it does not exist or this admin may not manage it. */
async function schoolInScope(db: Kysely<Database>, actor: Actor, schoolId: number) {
  const school = await schoolById(db, schoolId);
  return school && canManageSchool(actor, school.id) ? school : null;
}

export type ImportSchool = NonNullable<Awaited<ReturnType<typeof schoolInScope>>>;

export interface PupilImportReading {
  school: ImportSchool;
  rows: PupilImportRow[];
  problems: PupilCsvProblem[];
  added: number;
  updated: number;
  same: number;
  /** A digest of what the commit would do; the commit writes only when it finds the same plan again. */
  plan: string;
}

/** The file read against the school's list as `db` (or the commit's transaction) sees it now. */
async function readImport(db: Kysely<Database>, school: ImportSchool, parsed: ReturnType<typeof parsePupilCsv>): Promise<PupilImportReading> {
  if (!parsed.ok) return { school, rows: [], problems: [parsed.problem], added: 0, updated: 0, same: 0, plan: '' };
  const listed = await pupils.listedPupils(db, school.id);
  const existing = new Map<string, ListedPupil>(listed.map((pupil) => [pupil.number, { id: pupil.id, name: pupil.name, grade: pupil.grade, className: pupil.class_name }]));
  const { rows, problems } = readPupilRecords(parsed.records, { existing, grades: { gradeMin: school.grade_min, gradeMax: school.grade_max } });
  const plan = createHash('sha256').update(importPlan(rows)).digest('base64url');
  return { school, rows, problems, ...importCounts(rows), plan };
}

/** Thrown inside the transaction to roll it back when the list no longer gives the previewed plan. */
class ListChanged extends Error {}

export function createPupilImportService(deps: { db: Kysely<Database>; clock: Clock; outbox: Outbox }) {
  const { db, clock, outbox } = deps;
  return {
    /** The school whose list this admin may import into; null when it does not exist or is not theirs. */
    school: (actor: Actor, schoolId: number) => schoolInScope(db, actor, schoolId),

    /** What the file would add, update and leave, and every problem by row; changes nothing. */
    async previewImport(actor: Actor, schoolId: number, csvText: string) {
      const school = await schoolInScope(db, actor, schoolId);
      if (!school) return null;
      return { ...(await readImport(db, school, parsePupilCsv(csvText))), outcome: 'preview' as const };
    },

    /**
     * Imports every row in one transaction when the file has no problem and the list still gives the plan the
     * preview showed (`plan`); otherwise writes nothing. The import is an audit event.
     */
    async commitImport(actor: Actor, schoolId: number, csvText: string, expectedPlan: string) {
      const school = await schoolInScope(db, actor, schoolId);
      if (!school) return null;
      const parsed = parsePupilCsv(csvText);
      try {
        return await inTransaction(db, async (trx) => {
          const read = await readImport(trx, school, parsed);
          if (read.problems.length > 0) return { ...read, outcome: 'refused' as const };
          if (read.plan !== expectedPlan) throw new ListChanged();
          const at = clock.now().toISOString();
          const keyed = (row: PupilImportRow) => ({ ...row.pupil, nameKey: nameKey(row.pupil.name) });
          await pupils.insertPupils(trx, school.id, read.rows.filter((row) => row.action === 'add').map(keyed), at);
          await pupils.updatePupils(trx, read.rows.filter((row) => row.action === 'update').map((row) => ({ ...keyed(row), id: row.existingId! })), at);
          // A row re-listed unchanged confirms the pupil is still at the school (the retention purge goes by updated_at).
          await pupils.confirmPupils(trx, read.rows.filter((row) => row.action === 'same').map((row) => row.existingId!), at);
          // At a school that checks children, children the new rows now match are bound (their families told).
          await matchNewlyListed(trx, { outbox, clock }, school, actor.id);
          await recordAudit(
            trx,
            { actorId: actor.id, action: 'pupils.imported', subjectType: 'school', subjectId: school.id, schoolId: school.id, detail: { added: read.added, updated: read.updated, same: read.same } },
            clock.now(),
          );
          return { ...read, outcome: 'imported' as const };
        });
      } catch (error) {
        // Another writer added one of the file's numbers after the transaction read the list.
        if (!(error instanceof ListChanged) && !isUniqueViolation(error)) throw error;
        return { ...(await readImport(db, school, parsed)), outcome: 'changed' as const };
      }
    },
  };
}

export type PupilImportService = ReturnType<typeof createPupilImportService>;
