// The lottery's published files: the frozen entry list (hashed at close) and the export anyone can verify
// against the seed revealed at the draw. Pure: data in, text and verdicts out.
import type { WeeklySlot } from '../kernel/slots.ts';
import { ALGORITHM_VERSION, type DrawEntry, type DrawOffering, type DrawResult, commitmentOf, runDraw, sha256Hex } from './draw.policy.ts';

export interface FrozenEntries {
  format: 'clubroll-lottery-entries';
  algorithmVersion: number;
  school: string;
  termId: number;
  commitment: string;
  publicValueSource: { zh: string; en: string };
  offerings: (DrawOffering & { title: string })[];
  entries: DrawEntry[];
}

export interface LotteryExport {
  format: 'clubroll-lottery-export';
  algorithmVersion: number;
  commitment: string;
  /** The frozen entry list exactly as hashed (a JSON document inside a string). */
  entries: string;
  entriesHash: string;
  /** Known after the draw. */
  publicValue: string | null;
  results: Record<string, { seats: number[]; waitlist: number[] }> | null;
  /**
   * Entry numbers the draw skipped because their child was deleted after the freeze (added in 2026-12; absent in
   * older exports means none). Their places are taken out of the computed result, and each seat they leave goes to
   * the first of that offering's waitlist, as any freed seat does (see withoutSkipped).
   */
  skippedEntries?: number[];
}

/** The frozen entry list as text: this exact text is what the published hash covers. */
export function frozenEntriesText(frozen: Omit<FrozenEntries, 'format' | 'algorithmVersion'>): string {
  const sortSlots = (slots: readonly WeeklySlot[]) =>
    [...slots].sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt)).map((slot) => ({ weekday: slot.weekday, startsAt: slot.startsAt, endsAt: slot.endsAt }));
  const document: FrozenEntries = {
    format: 'clubroll-lottery-entries',
    algorithmVersion: ALGORITHM_VERSION,
    school: frozen.school,
    termId: frozen.termId,
    commitment: frozen.commitment,
    publicValueSource: frozen.publicValueSource,
    offerings: [...frozen.offerings].sort((a, b) => a.code.localeCompare(b.code)).map((offering) => ({ code: offering.code, title: offering.title, seats: offering.seats, slots: sortSlots(offering.slots) })),
    entries: [...frozen.entries].sort((a, b) => a.entry - b.entry).map((entry) => ({ entry: entry.entry, choices: entry.choices, limit: entry.limit, busy: sortSlots(entry.busy) })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function resultsByOffering(result: DrawResult): NonNullable<LotteryExport['results']> {
  return Object.fromEntries(Object.keys(result.seats).sort().map((code) => [code, { seats: result.seats[code]!, waitlist: result.waitlists[code] ?? [] }]));
}

/**
 * The computed result with skipped entries taken out: they leave every seat and waitlist, and each seat they free
 * goes to the head of that offering's waitlist (the waitlist already respects each entry's limit and clashes).
 */
export function withoutSkipped(results: NonNullable<LotteryExport['results']>, skipped: readonly number[]): NonNullable<LotteryExport['results']> {
  if (skipped.length === 0) return results;
  const gone = new Set(skipped);
  return Object.fromEntries(
    Object.entries(results).map(([code, { seats, waitlist }]) => {
      const kept = seats.filter((entry) => !gone.has(entry));
      const waiting = waitlist.filter((entry) => !gone.has(entry));
      const promoted = waiting.splice(0, seats.length - kept.length);
      return [code, { seats: [...kept, ...promoted], waitlist: waiting }];
    }),
  );
}

/** Published results that break the frozen list's own rules: more seats than were frozen, an unknown or repeated entry. */
export function inconsistencies(frozen: Pick<FrozenEntries, 'offerings' | 'entries'>, results: NonNullable<LotteryExport['results']>): string[] {
  const seatsOf = new Map(frozen.offerings.map((offering) => [offering.code, offering.seats]));
  const entries = new Set(frozen.entries.map((entry) => entry.entry));
  const problems: string[] = [];
  for (const [code, { seats, waitlist }] of Object.entries(results)) {
    const frozenSeats = seatsOf.get(code);
    if (frozenSeats === undefined) problems.push(`${code}: not in the frozen list`);
    else if (seats.length > frozenSeats) problems.push(`${code}: ${seats.length} seated, ${frozenSeats} seats frozen`);
    const all = [...seats, ...waitlist];
    if (new Set(all).size !== all.length) problems.push(`${code}: an entry appears twice`);
    const unknown = all.filter((entry) => !entries.has(entry));
    if (unknown.length > 0) problems.push(`${code}: entries ${unknown.join(', ')} are not in the frozen list`);
  }
  return problems;
}

export type Verdict =
  | { ok: true; offerings: { code: string; matches: boolean }[] }
  | { ok: false; problem: 'inconsistent'; inconsistencies: string[] }
  | { ok: false; problem: 'format' | 'commitment' | 'entries_hash' | 'not_drawn' | 'mismatch'; offerings?: { code: string; matches: boolean; expected: { seats: number[]; waitlist: number[] }; published: { seats: number[]; waitlist: number[] } | null }[] };

/** Recomputes the draw from an export and the revealed seed, offering by offering. */
export function verifyExport(exportText: string, seed: string): Verdict {
  let published: LotteryExport;
  let frozen: FrozenEntries;
  try {
    published = JSON.parse(exportText) as LotteryExport;
    frozen = JSON.parse(published.entries) as FrozenEntries;
    if (published.format !== 'clubroll-lottery-export' || frozen.format !== 'clubroll-lottery-entries') return { ok: false, problem: 'format' };
  } catch {
    return { ok: false, problem: 'format' };
  }
  if (!/^[0-9a-f]{64}$/.test(seed) || commitmentOf(seed) !== published.commitment || frozen.commitment !== published.commitment) return { ok: false, problem: 'commitment' };
  if (sha256Hex(published.entries) !== published.entriesHash) return { ok: false, problem: 'entries_hash' };
  if (published.publicValue === null || published.results === null) return { ok: false, problem: 'not_drawn' };
  const skipped = published.skippedEntries ?? [];
  if (!Array.isArray(skipped) || !skipped.every((entry) => Number.isInteger(entry))) return { ok: false, problem: 'format' };
  const problems = inconsistencies(frozen, published.results);
  const unknownSkipped = skipped.filter((entry) => !frozen.entries.some((one) => one.entry === entry));
  if (unknownSkipped.length > 0) problems.push(`skipped entries ${unknownSkipped.join(', ')} are not in the frozen list`);
  if (problems.length > 0) return { ok: false, problem: 'inconsistent', inconsistencies: problems };
  const computed = runDraw({ seed, entriesHash: published.entriesHash, publicValue: published.publicValue, offerings: frozen.offerings, entries: frozen.entries });
  const expected = withoutSkipped(resultsByOffering(computed), skipped);
  const codes = [...new Set([...Object.keys(expected), ...Object.keys(published.results)])].sort();
  const offerings = codes.map((code) => {
    const mine = expected[code] ?? { seats: [], waitlist: [] };
    const theirs = published.results![code] ?? null;
    return { code, matches: theirs !== null && JSON.stringify(mine) === JSON.stringify({ seats: theirs.seats, waitlist: theirs.waitlist }), expected: mine, published: theirs };
  });
  if (offerings.every((offering) => offering.matches)) return { ok: true, offerings: offerings.map(({ code, matches }) => ({ code, matches })) };
  return { ok: false, problem: 'mismatch', offerings };
}
