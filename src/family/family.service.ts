// A parent's children: add and edit them; only a child's guardians ever see or change its record.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Rejection } from '../auth/credentials.policy.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { type ChildField, childProblems } from './children.policy.ts';
import * as family from './family.repository.ts';

export interface ChildForm {
  name: string;
  school: string;
  grade: number;
  className: string | null;
}

export type ChildResult =
  | { ok: true; childId: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<ChildField, Rejection>> };

export function createFamilyService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function check(form: ChildForm) {
    const school = await family.schoolByIdOrSlug(db, form.school.trim());
    const input = { name: form.name.trim(), schoolId: school?.id ?? 0, grade: form.grade, className: form.className?.trim() || null };
    const errors = childProblems(input, school ? { gradeMin: school.grade_min, gradeMax: school.grade_max } : null);
    return { input, errors, school };
  }

  return {
    children: (userId: number) => family.childrenOfGuardian(db, userId),

    child: (userId: number, childId: number) => family.childOfGuardian(db, userId, childId),

    async addChild(userId: number, form: ChildForm): Promise<ChildResult> {
      const { input, errors } = await check(form);
      if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
      const childId = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const child = await trx
          .insertInto('children')
          .values({ name: input.name, school_id: input.schoolId, grade: input.grade, class_name: input.className, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('guardianships').values({ user_id: userId, child_id: child.id, created_at: now }).execute();
        await recordAudit(trx, { actorId: userId, action: 'child.added', subjectType: 'child', subjectId: child.id, schoolId: input.schoolId }, clock.now());
        return child.id;
      });
      return { ok: true, childId };
    },

    async updateChild(userId: number, childId: number, form: ChildForm): Promise<ChildResult> {
      if (!(await family.childOfGuardian(db, userId, childId))) return { ok: false, reason: 'not_found' };
      const { input, errors } = await check(form);
      if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('children')
          .set({ name: input.name, school_id: input.schoolId, grade: input.grade, class_name: input.className, updated_at: clock.now().toISOString() })
          .where('id', '=', childId)
          .execute();
        await recordAudit(trx, { actorId: userId, action: 'child.updated', subjectType: 'child', subjectId: childId, schoolId: input.schoolId }, clock.now());
      });
      return { ok: true, childId };
    },
  };
}

export type FamilyService = ReturnType<typeof createFamilyService>;
