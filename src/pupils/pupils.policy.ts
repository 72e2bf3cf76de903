// Pure rules for a school's pupil list: what a listed pupil's fields may hold, and how names are compared.
import { nameProblem } from '../auth/credentials.policy.ts';
import type { Rejection } from '../kernel/rejection.ts';

export interface PupilInput {
  name: string;
  number: string;
  grade: number;
  className: string | null;
}

/** The form and CSV fields of a pupil, as named in the public contract. */
export type PupilField = 'name' | 'number' | 'grade' | 'class';

export const PUPIL_NUMBER_MAX = 30;
export const PUPIL_CLASS_MAX = 20;
const PUPIL_NUMBER = /^[0-9A-Za-z][0-9A-Za-z-]*$/;

/**
 * A name as compared when a parent binds a pupil: NFKC (full-width letters and digits become plain ones) with every
 * whitespace removed, so "王 小明" and "王小明" are one name.
 */
export function nameKey(name: string): string {
  // Removing a space can let NFKC compose the letters on either side (a + ' ' + U+0301): normalise until it holds.
  let key = name;
  for (let round = 0; round < 3; round += 1) {
    const next = key.normalize('NFKC').replace(/\s+/gu, '');
    if (next === key) break;
    key = next;
  }
  return key;
}

/** A pupil number as kept and compared: NFKC, trimmed, letters in upper case (G4401… and g4401… are one number). */
export function normalisePupilNumber(text: string): string {
  return text.normalize('NFKC').trim().toUpperCase();
}

/** Every problem with a pupil's fields at a school with these grades; empty when the pupil may be listed. */
export function pupilProblems(pupil: PupilInput, school: { gradeMin: number; gradeMax: number }): Partial<Record<PupilField, Rejection>> {
  const problems: Partial<Record<PupilField, Rejection>> = {};
  const name = nameProblem(pupil.name);
  if (name) problems.name = name;
  const number = normalisePupilNumber(pupil.number);
  if (number === '') problems.number = { key: 'form.required' };
  else if ([...number].length > PUPIL_NUMBER_MAX) problems.number = { key: 'form.tooLong', params: { max: PUPIL_NUMBER_MAX } };
  else if (!PUPIL_NUMBER.test(number)) problems.number = { key: 'pupils.error.number' };
  if (!Number.isInteger(pupil.grade) || pupil.grade < school.gradeMin || pupil.grade > school.gradeMax) {
    problems.grade = { key: 'pupils.error.grade', params: { min: school.gradeMin, max: school.gradeMax } };
  }
  if (pupil.className !== null) {
    if ([...pupil.className].length > PUPIL_CLASS_MAX) problems.class = { key: 'form.tooLong', params: { max: PUPIL_CLASS_MAX } };
    else if (/[<>{}\\]/.test(pupil.className)) problems.class = { key: 'pupils.error.class' };
  }
  return problems;
}

/** A listed pupil as a parent's binding compares it: the name as compared (see nameKey) and the grade. */
export interface ListedPupil {
  nameKey: string;
  grade: number;
}

/**
 * Whether the child a parent describes is this listed pupil: the same name (after NFKC, whitespace ignored) and the
 * same grade. The number was already matched by the look-up.
 */
export function pupilMatches(pupil: ListedPupil, child: { name: string; grade: number }): boolean {
  return pupil.nameKey === nameKey(child.name) && pupil.grade === child.grade;
}
