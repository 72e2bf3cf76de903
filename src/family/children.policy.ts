// Pure rules for a child's record: a name, a grade the child's school actually has, an optional class.
import { nameProblem } from '../auth/credentials.policy.ts';
import type { Rejection } from '../kernel/rejection.ts';

export interface ChildInput {
  name: string;
  schoolId: number;
  grade: number;
  className: string | null;
}

/** The child form's fields; `pupil_number` only matters at a school that checks children against its pupil list. */
export type ChildField = 'name' | 'school' | 'grade' | 'class' | 'pupil_number';

export const CLASS_MAX = 20;

/** A guardian may hold at most `limit` children; the next one is refused with the limit named. */
export function childLimitProblem(heldNow: number, limit: number): Rejection | null {
  return heldNow >= limit ? { key: 'family.error.tooManyChildren', params: { max: limit } } : null;
}

export function childProblems(child: ChildInput, school: { gradeMin: number; gradeMax: number } | null): Partial<Record<ChildField, Rejection>> {
  const problems: Partial<Record<ChildField, Rejection>> = {};
  const name = nameProblem(child.name);
  if (name) problems.name = name;
  if (!school) problems.school = { key: 'family.error.school' };
  else if (child.grade < school.gradeMin || child.grade > school.gradeMax) {
    problems.grade = { key: 'family.error.gradeAtSchool', params: { min: school.gradeMin, max: school.gradeMax } };
  }
  if (child.className !== null && [...child.className].length > CLASS_MAX) problems.class = { key: 'form.tooLong', params: { max: CLASS_MAX } };
  if (child.className !== null && /[<>{}\\]/.test(child.className)) problems.class = { key: 'auth.error.nameInvalid' };
  return problems;
}
