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

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 一…九十九 written in Chinese numerals as digits ("十二" → "12"); anything else as it is. */
function chineseNumber(text: string): string {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return text;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? String(CHINESE_DIGITS.indexOf(tens)) : text;
  return String((tens ? CHINESE_DIGITS.indexOf(tens) : 1) * 10 + (ones ? CHINESE_DIGITS.indexOf(ones) : 0));
}

/**
 * A class as compared: the way families and registers write the same class ("2班", "（2）班", "(2)", "二班", "2")
 * comes to one key: NFKC, no whitespace, no brackets around it, no trailing 班, Chinese numerals as digits. No class
 * is its own value, so a child without a class matches only a pupil without one.
 */
export function classKey(className: string | null): string {
  if (className === null) return '';
  const bare = normaliseText(className)
    .replace(/\s+/gu, '')
    .replace(/班$/u, '')
    .replace(/^\((.*)\)$/u, '$1');
  return chineseNumber(bare).toLowerCase();
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
