// Pure rules for children's data duties: who carries out a deletion, what counts as a live term, the purge's
// cutoff day, and what a staff page's read of children's records is logged as.
import { addDays } from '../kernel/calendar.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import type { Day } from '../db/schema.ts';

/** The admins of the child's school (or the district) carry out a guardian's deletion request. */
export function canCarryOutDeletion(actor: Actor | null, schoolId: number): boolean {
  return canManageSchool(actor, schoolId);
}

/**
 * A term still running (or to come) on `today`: an erased child's seat there is freed for the waitlist. A seat in
 * a term that has ended stays counted, without a name, so the term's figures do not change after the fact.
 */
export function isLiveTerm(term: { lastDay: Day }, today: Day): boolean {
  return term.lastDay >= today;
}

/** Terms whose last day is before this day are past their retention. */
export function purgeCutoff(today: Day, retentionDays: number): Day {
  return addDays(today, -retentionDays);
}

/** The staff pages that show named children, each logged as one `child_records.read` event per view. */
export type ChildRecordsView = 'roster' | 'roster.csv' | 'roster.search' | 'roll' | 'roll.sheet' | 'term.sheet' | 'attendance.report';

export const MAX_REASON = 500;
