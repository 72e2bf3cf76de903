// Pure rules for matching a school's existing children to its pupil list when it starts checking them: a child
// and a pupil match when name (as compared), grade and class agree, and only when neither side has a twin.
import { normaliseText } from '../auth/credentials.policy.ts';
import { nameKey } from './pupils.policy.ts';

export interface UnboundChild {
  id: number;
  name: string;
  grade: number;
  className: string | null;
}

export interface UnboundPupil {
  id: number;
  /** The pupil's name as compared (pupils.name_key). */
  nameKey: string;
  grade: number;
  className: string | null;
}

export interface MatchOutcome {
  /** Each child bound to the one pupil it matches. */
  matches: { childId: number; pupilId: number }[];
  /** The children left without a pupil, in the order given. */
  unmatched: number[];
}

/**
 * A class as compared: NFKC and trimmed, otherwise exact ("1班" and "1" are two classes); no class is its own value,
 * so a child without a class matches only a pupil without one.
 */
export function classKey(className: string | null): string {
  return className === null ? '' : normaliseText(className);
}

function matchKey(key: string, grade: number, className: string | null): string {
  // \u0000 cannot occur in a name or class: the three parts cannot run into each other.
  return `${key}\u0000${grade}\u0000${classKey(className)}`;
}

/**
 * Binds each child to the pupil whose name, grade and class agree, where exactly one unbound pupil has that key and
 * exactly one child claims it; anything ambiguous is left for the school to match by hand. Linear in both lists.
 */
export function matchChildrenToPupils(children: readonly UnboundChild[], pupils: readonly UnboundPupil[]): MatchOutcome {
  const pupilsByKey = new Map<string, number[]>();
  for (const pupil of pupils) {
    const key = matchKey(pupil.nameKey, pupil.grade, pupil.className);
    const same = pupilsByKey.get(key);
    if (same) same.push(pupil.id);
    else pupilsByKey.set(key, [pupil.id]);
  }
  const claims = new Map<string, number>();
  const keys = children.map((child) => matchKey(nameKey(normaliseText(child.name)), child.grade, child.className));
  for (const key of keys) claims.set(key, (claims.get(key) ?? 0) + 1);
  const matches: MatchOutcome['matches'] = [];
  const unmatched: number[] = [];
  children.forEach((child, index) => {
    const key = keys[index]!;
    const candidates = pupilsByKey.get(key);
    if (candidates?.length === 1 && claims.get(key) === 1) matches.push({ childId: child.id, pupilId: candidates[0]! });
    else unmatched.push(child.id);
  });
  return { matches, unmatched };
}
