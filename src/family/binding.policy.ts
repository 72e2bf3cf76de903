// Pure rules for binding a child to its school's pupil list: what a parent's answer may say, and how often they may guess.
import type { ThrottleLimit } from '../auth/throttle.policy.ts';
import type { Rejection } from '../kernel/rejection.ts';

/**
 * At most ten wrong tries per parent in an hour, like invitation codes: a parent with a typo has room to spare,
 * while walking the list for a neighbour's child (number, name and grade) is hopeless at that rate.
 */
export const PUPIL_GUESS_LIMIT: ThrottleLimit = { freeFailures: 10, windowSeconds: 60 * 60, firstBlockSeconds: 60 * 60, maxBlockSeconds: 60 * 60 };

export function pupilThrottleKey(userId: number): string {
  return `pupil:${userId}`;
}

/** Whether the school checks its children against its pupil list. */
export function checksPupils(school: { child_check: 'open' | 'pupil_list' }): boolean {
  return school.child_check === 'pupil_list';
}

/** A child may take new seats at an open school, or once it is bound to a pupil of its school's list. */
export function childVerified(childCheck: 'open' | 'pupil_list', pupilId: number | null): boolean {
  return childCheck === 'open' || pupilId !== null;
}

export type BindingOutcome =
  | { ok: true; pupilId: number }
  /** No listed pupil with that number, or not that name and grade, or no number at all: one answer for all. */
  | { ok: false; reason: 'mismatch' }
  /** The pupil is already another of this guardian's children. */
  | { ok: false; reason: 'yours'; childId: number }
  /** Another family has bound the pupil: they can share the child with an invitation code. */
  | { ok: false; reason: 'taken' };

/**
 * What the parent hears about the pupil they named. `matches` is the pupil list's verdict on number, name and grade;
 * only a full match may say anything about the pupil's binding, so the answer never tells whether a number exists.
 */
export function bindingOutcome(
  pupil: { id: number; childId: number | null } | null,
  matches: boolean,
  facts: { childId: number | null; guardianOfBoundChild: boolean },
): BindingOutcome {
  if (!pupil || !matches) return { ok: false, reason: 'mismatch' };
  if (pupil.childId === null || pupil.childId === facts.childId) return { ok: true, pupilId: pupil.id };
  return facts.guardianOfBoundChild ? { ok: false, reason: 'yours', childId: pupil.childId } : { ok: false, reason: 'taken' };
}

/** The one answer at the field for every pupil number that does not bind: it says what must match, never what did not. */
export const PUPIL_MISMATCH: Rejection = { key: 'family.error.pupilMismatch' };
export const PUPIL_TAKEN: Rejection = { key: 'family.error.pupilTaken' };
